import type { Issue } from "../../../shared/issue.ts";
import type { ProvinceIssue, UnitOutcome } from "../model.ts";
import { type BlockFormat, block, rowRuns } from "./block-formats.ts";
import {
  blank,
  COLORS,
  formatVietnamTime,
  HEADER,
  NOTICE,
  num,
  PLAIN_NUMBER,
  text,
  WRAP,
} from "./cells.ts";
import type { ListedRow } from "./detail-tabs.ts";
import type { TabContent } from "./tab-plan.ts";

export const ERRORS_TAB = "Lỗi dữ liệu";
export const ERRORS_HEADERS = ["Mã đơn vị", "Biểu", "Dòng", "Cột", "Giá trị", "Lỗi"] as const;
const WARNING_PREFIX = "Cảnh báo: ";
const NO_ERRORS = "Không phát hiện lỗi dữ liệu.";

/** A row of `Lỗi dữ liệu`: a problem in a row, or why a whole unit could not be read. */
export interface ErrorRow extends ListedRow {
  readonly kind: "issue" | "unit";
}

/**
 * Everything that keeps a figure out of the totals or a unit out of this run: problems in
 * the province's own tabs first, then per unit (registry order) why it could not be read
 * and the problems in its rows. Warnings (e.g. a hand-typed total row) are marked.
 */
export function errorRows(
  provinceIssues: readonly ProvinceIssue[],
  outcomes: readonly UnitOutcome[],
): ErrorRow[] {
  const rows: ErrorRow[] = [];
  for (const { code, issue } of provinceIssues) rows.push(issueRow(code, issue));
  for (const { state, snapshot, errorFromRegistry } of outcomes) {
    if (state.error && state.status !== "missing" && !errorFromRegistry) {
      const fallback =
        state.status === "stale" && state.readAt
          ? ` Tổng hợp đang dùng số liệu đọc lúc ${formatVietnamTime(state.readAt)}.`
          : "";
      rows.push({
        kind: "unit",
        unit: state.code,
        inPeriod: true,
        cells: [
          text(state.code),
          blank(),
          blank(),
          text("Bảng tính"),
          text(state.spreadsheetId ?? ""),
          text(`${state.error}${fallback}`),
        ],
      });
    }
    for (const issue of snapshot?.issues ?? []) rows.push(issueRow(state.code, issue));
  }
  return rows;
}

/** The tab for `rows` (all of errorRows, or fewer under the size budget, with a notice). */
export function errorsTab(rows: readonly ErrorRow[], notice: string | null = null): TabContent {
  const top = notice === null ? 0 : 1;
  const first = top + 1;
  const width = ERRORS_HEADERS.length;
  const formats: BlockFormat[] = [block([top, first], [0, width], HEADER)];
  for (const { rows: span, key } of rowRuns(
    rows.map((r) => r.kind),
    first,
  )) {
    if (key === "unit") formats.push(block(span, [0, width], UNIT_ERROR));
    else formats.push(block(span, [2, 3], PLAIN_NUMBER), block(span, [5, 6], WRAP));
  }
  if (notice !== null) formats.push(block([0, 1], [0, 1], NOTICE));
  // "No errors" only when none was left out: a shortened list says what it omits instead.
  const body =
    rows.length || notice !== null
      ? rows.map((r) => r.cells)
      : [[blank(), blank(), blank(), blank(), blank(), text(NO_ERRORS)]];
  return {
    title: ERRORS_TAB,
    rows: [
      ...(notice === null ? [] : [[text(notice)]]),
      ERRORS_HEADERS.map((h) => text(h)),
      ...body,
    ],
    formats,
    frozenRows: first,
    columnWidths: [90, 170, 60, 170, 170, 600],
  };
}

const UNIT_ERROR = { backgroundColor: COLORS.unreadable };

function issueRow(code: string, issue: Issue): ErrorRow {
  const message =
    issue.severity === "warning" ? `${WARNING_PREFIX}${issue.message}` : issue.message;
  return {
    kind: "issue",
    unit: code,
    inPeriod: true,
    cells: [
      text(code),
      text(issue.tab),
      issue.row === null ? blank() : num(issue.row),
      issue.column === null ? blank() : text(issue.column),
      text(issue.value),
      text(message),
    ],
  };
}
