import { locateHeaderRow } from "../../../shared/header-row.ts";
import { SUBMISSION_TAB } from "../../../shared/submission/submission-tab.ts";
import { foldKey } from "../../../shared/text/fold.ts";
import type { AddonContext, CellValue, GasSheet } from "../gas/types.ts";
import { COUNT_FORMAT, TEXT_FORMAT } from "../templates/column-formats.ts";
import { HEADER_BACKGROUND } from "../templates/create-template-tab.ts";

export const SUBMISSION_HEADER_ROW = 1;
// As people write a time in the tab by hand, which the reader also accepts as text.
export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm:ss";
export const SUBMISSION_PROTECTION =
  "Nộp báo cáo QCDC: mỗi lần nộp là một dòng do tiện ích ghi. Đừng sửa hay xóa các dòng đã nộp; tỉnh dùng chúng để biết đơn vị nộp lúc nào và số liệu có thay đổi sau khi nộp không.";
// Rows added at a time once the tab is full; each block gets the same protection.
const GROW_ROWS = 100;

type Column = (typeof SUBMISSION_TAB.columns)[number];

function formatOf(column: Column): string {
  if (column.type === "dateTime") return DATE_TIME_FORMAT;
  if (column.type === "count") return COUNT_FORMAT;
  return TEXT_FORMAT;
}

/** The tab as it is now, found the way the Worker finds it (NFC, case, spacing folded). */
export function findSubmissionSheet(ctx: AddonContext): GasSheet | null {
  const key = foldKey(SUBMISSION_TAB.title);
  return ctx.spreadsheet.getSheets().find((s) => foldKey(s.getName()) === key) ?? null;
}

/**
 * Creates `Nộp báo cáo` at the end: header, formats for every row (text columns as plain
 * text so `2026` stays the text `2026`), and a warning-only protection over the whole
 * tab. Warning-only, because the add-on runs as whoever submits.
 */
export function createSubmissionSheet(ctx: AddonContext): GasSheet {
  const spreadsheet = ctx.spreadsheet;
  const sheet = spreadsheet.insertSheet(SUBMISSION_TAB.title, spreadsheet.getNumSheets());
  const width = SUBMISSION_TAB.columns.length;
  sheet.getRange(SUBMISSION_HEADER_ROW, 1, 1, width).setNumberFormat(TEXT_FORMAT);
  sheet
    .getRange(SUBMISSION_HEADER_ROW, 1, 1, width)
    .setValues([SUBMISSION_TAB.columns.map((c) => c.header)])
    .setNotes([SUBMISSION_TAB.columns.map((c) => c.note)])
    .setFontWeight("bold")
    .setBackground(HEADER_BACKGROUND)
    .setWrap(true);
  sheet.setFrozenRows(SUBMISSION_HEADER_ROW);
  SUBMISSION_TAB.columns.forEach((c, i) => {
    sheet.setColumnWidths(i + 1, 1, c.width);
  });
  const dataRows = sheet.getMaxRows() - SUBMISSION_HEADER_ROW;
  if (dataRows > 0) formatRows(sheet, SUBMISSION_HEADER_ROW + 1, dataRows);
  protectRows(sheet, 1, sheet.getMaxRows());
  return sheet;
}

function formatRows(sheet: GasSheet, first: number, count: number): void {
  const formats = SUBMISSION_TAB.columns.map(formatOf);
  sheet
    .getRange(first, 1, count, formats.length)
    .setNumberFormats(Array.from({ length: count }, () => formats));
}

function protectRows(sheet: GasSheet, first: number, count: number): void {
  sheet
    .getRange(first, 1, count, SUBMISSION_TAB.columns.length)
    .protect()
    .setDescription(SUBMISSION_PROTECTION)
    .setWarningOnly(true);
}

export interface SubmissionRow {
  readonly period: string;
  readonly rule: string;
  readonly submittedAt: Date;
  readonly by: string;
  readonly rows: number;
  readonly fingerprint: string;
  readonly note: string;
}

/**
 * Appends one submission after the last row with content; rows are never overwritten.
 * Columns are written in the tab's header order as the add-on created it.
 */
export function appendSubmission(sheet: GasSheet, row: SubmissionRow): number {
  const at = Math.max(sheet.getLastRow(), SUBMISSION_HEADER_ROW) + 1;
  if (at > sheet.getMaxRows()) {
    const first = sheet.getMaxRows() + 1;
    sheet.insertRowsAfter(sheet.getMaxRows(), GROW_ROWS);
    formatRows(sheet, first, GROW_ROWS);
    protectRows(sheet, first, GROW_ROWS);
  }
  const headers = headerKeys(sheet);
  const formats = headers.map((key) => {
    const column = SUBMISSION_TAB.columns.find((c) => c.key === key);
    return column ? formatOf(column) : TEXT_FORMAT;
  });
  const values = headers.map((key): CellValue => (key ? row[key] : ""));
  const range = sheet.getRange(at, 1, 1, headers.length);
  // Formats first: setValues parses a string typed into a non-text cell.
  range.setNumberFormats([formats]).setValues([values]);
  return at;
}

/** Column keys in the sheet's header order (a column someone moved stays where it is). */
function headerKeys(sheet: GasSheet): (Column["key"] | null)[] {
  const width = Math.max(sheet.getLastColumn(), SUBMISSION_TAB.columns.length);
  const values = sheet.getRange(SUBMISSION_HEADER_ROW, 1, 1, width).getValues();
  const found = locateHeaderRow(values, SUBMISSION_TAB.columns);
  // Headers nobody can match any more (overwritten): the tab's own order.
  if (!found) return SUBMISSION_TAB.columns.map((c) => c.key);
  const keys: (Column["key"] | null)[] = Array.from({ length: width }, () => null);
  for (const [key, index] of found.columns) keys[index] = key;
  return keys;
}
