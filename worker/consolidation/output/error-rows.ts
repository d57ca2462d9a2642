import type { Issue } from "../../../shared/issue.ts";
import type { CellData } from "../../sheets/request-types.ts";
import { blank, linkText, num, text } from "./cells.ts";
import type { ListedRow } from "./detail-tabs.ts";
import { cellLink } from "./sheet-link.ts";
import { formatCount } from "./shortening-notices.ts";

/** The code under which the province's own problems are listed. */
export const PROVINCE_CODE = "Tỉnh";
/** Rows listed per unit and level; the rest is one line with their count (issue: floods). */
export const ISSUES_PER_UNIT = 100;

export const SEVERITY_LABELS = { error: "Lỗi", warning: "Cảnh báo" } as const;
export type Severity = keyof typeof SEVERITY_LABELS;

export interface Contact {
  readonly person: string;
  readonly phone: string;
}

/** Whose problems these are and where their cells are, for the links. */
export interface ErrorSource {
  readonly code: string;
  readonly name: string;
  readonly contact: Contact | null;
  /** The spreadsheet the issues were found in (null: no link). */
  readonly spreadsheetId: string | null;
  /** The sheetId of the tab an issue names (by the title the issue gives), if known. */
  readonly sheetIdOf: (tab: string) => number | null;
  readonly issues: readonly Issue[];
  /** Why the unit could not be read this run (null when read, or already listed). */
  readonly readError: string | null;
}

/** A row of `Lỗi dữ liệu`: a problem in a cell or tab, why a unit could not be read, or
 * how many more problems of a unit are not listed. */
export interface ErrorRow extends ListedRow {
  readonly kind: "issue" | "unit" | "more";
  readonly severity: Severity;
}

/**
 * The rows for one source (the province, or one unit): why it could not be read, then
 * its errors, then its warnings, each level capped at ISSUES_PER_UNIT rows with one line
 * saying how many more there are, so one unit's flood cannot crowd the others out.
 */
export function sourceRows(source: ErrorSource, perLevel = ISSUES_PER_UNIT): ErrorRow[] {
  const rows: ErrorRow[] = [];
  if (source.readError !== null) {
    rows.push(
      row(source, "unit", "error", {
        column: text("Bảng tính"),
        value: text(source.spreadsheetId ?? ""),
        message: source.readError,
      }),
    );
  }
  for (const severity of ["error", "warning"] as const) {
    const issues = source.issues.filter((i) => i.severity === severity);
    for (const issue of issues.slice(0, perLevel)) rows.push(issueRow(source, issue));
    const more = issues.length - perLevel;
    if (more > 0) {
      rows.push(
        row(source, "more", severity, { message: moreMessage(source, severity, more, perLevel) }),
      );
    }
  }
  return rows;
}

/** The rows `Lỗi dữ liệu` lists, errors before warnings, each in source order. */
export function errorsTabOrder(
  sources: readonly (readonly ErrorRow[])[],
  kept?: readonly number[],
): ErrorRow[] {
  const chosen = sources.flatMap((rows, i) => {
    const n = kept?.[i] ?? rows.length;
    return n >= rows.length ? rows : rows.slice(0, n);
  });
  return [
    ...chosen.filter((r) => r.severity === "error"),
    ...chosen.filter((r) => r.severity === "warning"),
  ];
}

function issueRow(source: ErrorSource, issue: Issue): ErrorRow {
  const sheetId = source.spreadsheetId === null ? null : source.sheetIdOf(issue.tab);
  let line: CellData = issue.row === null ? blank() : num(issue.row);
  if (issue.row !== null && sheetId !== null && source.spreadsheetId !== null) {
    const uri = cellLink(source.spreadsheetId, sheetId, issue.row, issue.columnIndex);
    line = linkText(String(issue.row), uri);
  }
  return row(source, "issue", issue.severity, {
    tab: text(issue.tab),
    line,
    column: issue.column === null ? blank() : text(issue.column),
    value: text(issue.value),
    message: issue.message,
  });
}

function row(
  source: ErrorSource,
  kind: ErrorRow["kind"],
  severity: Severity,
  parts: { tab?: CellData; line?: CellData; column?: CellData; value?: CellData; message: string },
): ErrorRow {
  return {
    kind,
    severity,
    unit: source.code === PROVINCE_CODE ? "" : source.code,
    inPeriod: true,
    cells: [
      text(source.code),
      text(source.name),
      text(SEVERITY_LABELS[severity]),
      parts.tab ?? blank(),
      parts.line ?? blank(),
      parts.column ?? blank(),
      parts.value ?? blank(),
      text(parts.message),
      source.contact?.person ? text(source.contact.person) : blank(),
      source.contact?.phone ? text(source.contact.phone) : blank(),
    ],
  };
}

function moreMessage(source: ErrorSource, severity: Severity, more: number, shown: number): string {
  const what = severity === "error" ? "lỗi" : "cảnh báo";
  const where =
    source.code === PROVINCE_CODE
      ? "trong các trang của bảng tính tỉnh"
      : "bằng menu Báo cáo QCDC → Kiểm tra dữ liệu trong bảng tính của đơn vị";
  return `Còn ${formatCount(more)} ${what} khác không liệt kê ở đây (mỗi đơn vị chỉ liệt kê ${formatCount(shown)} ${what} đầu tiên); xem đủ ${where}.`;
}
