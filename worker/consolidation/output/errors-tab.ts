import type { Issue } from "../../../shared/issue.ts";
import type { CellData } from "../../sheets/request-types.ts";
import type { ProvinceIssue, UnitOutcome } from "../model.ts";
import { blank, COLORS, formatVietnamTime, HEADER, num, text } from "./cells.ts";
import type { TabContent } from "./tab-plan.ts";

export const ERRORS_TAB = "Lỗi dữ liệu";
export const ERRORS_HEADERS = ["Mã đơn vị", "Biểu", "Dòng", "Cột", "Giá trị", "Lỗi"] as const;
const WARNING_PREFIX = "Cảnh báo: ";
const NO_ERRORS = "Không phát hiện lỗi dữ liệu.";

/**
 * Everything that keeps a figure out of the totals or a unit out of this run: problems in
 * the province's own tabs first, then per unit (registry order) why it could not be read
 * and the problems in its rows. Warnings (e.g. a hand-typed total row) are marked.
 */
export function errorsTab(
  provinceIssues: readonly ProvinceIssue[],
  outcomes: readonly UnitOutcome[],
): TabContent {
  const rows: CellData[][] = [ERRORS_HEADERS.map((h) => text(h, HEADER))];
  for (const { code, issue } of provinceIssues) rows.push(issueRow(code, issue));
  for (const { state, snapshot, errorFromRegistry } of outcomes) {
    if (state.error && state.status !== "missing" && !errorFromRegistry) {
      const fallback =
        state.status === "stale" && state.readAt
          ? ` Tổng hợp đang dùng số liệu đọc lúc ${formatVietnamTime(state.readAt)}.`
          : "";
      rows.push([
        text(state.code, UNIT_ERROR),
        blank(UNIT_ERROR),
        blank(UNIT_ERROR),
        text("Bảng tính", UNIT_ERROR),
        text(state.spreadsheetId ?? "", UNIT_ERROR),
        text(`${state.error}${fallback}`, UNIT_ERROR),
      ]);
    }
    for (const issue of snapshot?.issues ?? []) rows.push(issueRow(state.code, issue));
  }
  if (rows.length === 1) rows.push([blank(), blank(), blank(), blank(), blank(), text(NO_ERRORS)]);
  return {
    title: ERRORS_TAB,
    rows,
    frozenRows: 1,
    columnWidths: [90, 170, 60, 170, 170, 600],
  };
}

const UNIT_ERROR = { backgroundColor: COLORS.unreadable };

function issueRow(code: string, issue: Issue): CellData[] {
  const message =
    issue.severity === "warning" ? `${WARNING_PREFIX}${issue.message}` : issue.message;
  return [
    text(code),
    text(issue.tab),
    issue.row === null
      ? blank()
      : num(issue.row, { numberFormat: { type: "NUMBER", pattern: "0" } }),
    issue.column === null ? blank() : text(issue.column),
    text(issue.value),
    text(message, { wrapStrategy: "WRAP" }),
  ];
}
