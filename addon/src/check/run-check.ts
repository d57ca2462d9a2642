import { type Issue, locate } from "../../../shared/issue.ts";
import { findTab } from "../../../shared/read-tab.ts";
import { readUnit } from "../../../shared/read-unit.ts";
import { TEMPLATES, type Template } from "../../../shared/templates/index.ts";
import { isBlank } from "../../../shared/text/fold.ts";
import type { AddonContext, GasSheet } from "../gas/types.ts";
import { vietnamToday } from "../gas/vietnam-today.ts";
import type { CheckIssue, CheckReport, CheckTabSummary } from "../server-api.ts";
import { type CellMark, replaceMarks, TRACKING_KEY_PREFIX } from "./check-marks.ts";
import { readSheetValues } from "./sheet-values.ts";
import { checkSubmissionTab } from "./submission-check.ts";

interface TabInput {
  readonly template: Template;
  readonly sheet: GasSheet | null;
  readonly values: unknown[][];
}

/**
 * Kiểm tra dữ liệu: reads every template tab exactly as the Worker does (shared/
 * readUnit), and the `Nộp báo cáo` tab (shared/ readSubmissions), then marks each problem
 * cell with a background and a note, replacing the marks of the previous run.
 */
export function runDataCheck(ctx: AddonContext): CheckReport {
  const sheets = ctx.spreadsheet.getSheets();
  const names = sheets.map((s) => s.getName());
  const timeZone = ctx.spreadsheet.getSpreadsheetTimeZone();
  const inputs: TabInput[] = TEMPLATES.map((template) => {
    const name = findTab(template, names);
    const sheet = sheets.find((s) => s.getName() === name) ?? null;
    const values = sheet ? readSheetValues(sheet, timeZone, ctx.formatDate) : [];
    return { template, sheet, values };
  });
  const unit = readUnit(
    inputs.flatMap((t) => (t.sheet ? [{ title: t.sheet.getName(), values: t.values }] : [])),
    { today: vietnamToday(ctx) },
  );

  const issues: CheckIssue[] = [];
  const tabs: CheckTabSummary[] = [];
  let markedCells = 0;
  let markable = 0;
  for (const input of inputs) {
    const own = unit.issues.filter((i) => i.tab === input.template.title);
    const listed = own.map((i) => toCheckIssue(i, input));
    issues.push(...listed);
    tabs.push(summary(input, own, unit.rows[input.template.id].length));
    if (!input.sheet) continue;
    const marks = listed.flatMap((i) => markOf(i));
    markable += new Set(marks.map((m) => `${m.row}:${m.column}`)).size;
    markedCells += replaceMarks(input.sheet, ctx.documentProperties, marks);
  }
  const submissions = checkSubmissionTab(ctx, timeZone);
  if (submissions) {
    const listed = submissions.issues.map((i) => toCheckIssue(i, submissions));
    issues.push(...listed);
    const marks = listed.flatMap((i) => markOf(i));
    markable += new Set(marks.map((m) => `${m.row}:${m.column}`)).size;
    markedCells += replaceMarks(submissions.sheet, ctx.documentProperties, marks);
  }
  clearOrphanMarks(ctx, sheets, [...inputs.map((t) => t.sheet), submissions?.sheet ?? null]);
  return { tabs, issues, markedCells, unmarked: markable - markedCells };
}

function toCheckIssue(
  issue: Issue,
  input: { readonly sheet: GasSheet | null; readonly values: unknown[][] },
): CheckIssue {
  const prefix = `${locate(issue.tab, issue.row, issue.column)}: `;
  return {
    severity: issue.severity,
    tab: issue.tab,
    sheetName: input.sheet?.getName() ?? null,
    row: issue.row,
    column: issue.column,
    columnNumber: columnOf(issue, input.values),
    message: issue.message,
    detail: issue.message.startsWith(prefix)
      ? capitalize(issue.message.slice(prefix.length))
      : issue.message,
  };
}

/** The detail stands alone as a sentence once the location prefix is gone. */
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** The cell to mark: the issue's column, or for a hand-typed total the cell saying "Tổng". */
function columnOf(issue: Issue, values: readonly unknown[][]): number | null {
  if (issue.row === null) return null;
  if (issue.columnIndex !== null) return issue.columnIndex + 1;
  if (issue.severity !== "warning") return null;
  const index = (values[issue.row - 1] ?? []).findIndex(
    (cell) => typeof cell === "string" && !isBlank(cell),
  );
  return index < 0 ? null : index + 1;
}

function markOf(issue: CheckIssue): CellMark[] {
  if (issue.row === null || issue.columnNumber === null) return [];
  return [
    { row: issue.row, column: issue.columnNumber, severity: issue.severity, text: issue.detail },
  ];
}

function summary(input: TabInput, issues: readonly Issue[], validRows: number): CheckTabSummary {
  const errorRows = new Set(
    issues.filter((i) => i.severity === "error" && i.column !== null).map((i) => i.row),
  );
  return {
    title: input.template.title,
    sheetName: input.sheet?.getName() ?? null,
    validRows,
    invalidRows: errorRows.size,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
}

/** Marks left on sheets that are no longer template tabs (renamed), or on deleted sheets. */
function clearOrphanMarks(
  ctx: AddonContext,
  sheets: readonly GasSheet[],
  checkedSheets: readonly (GasSheet | null)[],
) {
  const checked = new Set(checkedSheets.flatMap((s) => (s ? [s.getSheetId()] : [])));
  for (const key of ctx.documentProperties.getKeys()) {
    if (!key.startsWith(TRACKING_KEY_PREFIX)) continue;
    const id = Number(key.slice(TRACKING_KEY_PREFIX.length));
    if (checked.has(id)) continue;
    const sheet = sheets.find((s) => s.getSheetId() === id);
    if (sheet) replaceMarks(sheet, ctx.documentProperties, []);
    else ctx.documentProperties.deleteProperty(key);
  }
}

/** "Đến ô" in the results list. */
export function goToCell(
  ctx: AddonContext,
  sheetName: string,
  row: number,
  column: number,
): boolean {
  const sheet = ctx.spreadsheet.getSheets().find((s) => s.getName() === sheetName);
  if (!sheet || !(row >= 1) || !(column >= 1)) return false;
  sheet.getRange(Math.floor(row), Math.floor(column), 1, 1).activate();
  return true;
}
