import { isoDateToSerial } from "../../../shared/cells/dates.ts";
import { findTab, HEADER_SEARCH_ROWS, readTab } from "../../../shared/read-tab.ts";
import type { IsoDate, TemplateDef } from "../../../shared/schema/template.ts";
import { toUnformatted } from "../check/sheet-values.ts";
import type { AddonContext, CellValue, GasSheet } from "../gas/types.ts";
import { numberFormatFor } from "../templates/column-formats.ts";

/** A template tab whose header was found: where each column of the template is. */
export interface TabLayout {
  readonly sheet: GasSheet;
  readonly headerRow: number;
  /** Column key → 0-based column index in the sheet. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns a row write covers (A up to the template's rightmost column). */
  readonly width: number;
}

/** The sheet of this template (matched as the Worker matches titles), or undefined. */
export function findTemplateSheet(ctx: AddonContext, template: TemplateDef): GasSheet | undefined {
  const sheets = ctx.spreadsheet.getSheets();
  const name = findTab(
    template,
    sheets.map((s) => s.getName()),
  );
  return sheets.find((s) => s.getName() === name);
}

/**
 * Finds the header with readTab on the top rows, so a tab without one (or without a
 * required column) gets the same message as from the Worker.
 */
export function tabLayout(
  sheet: GasSheet,
  template: TemplateDef,
): { ok: true; layout: TabLayout } | { ok: false; error: string } {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const top =
    lastRow > 0 && lastColumn > 0
      ? sheet.getRange(1, 1, Math.min(lastRow, HEADER_SEARCH_ROWS), lastColumn).getValues()
      : [];
  const head = readTab(template, top, template.title);
  const tabProblem = head.issues.find((i) => i.severity === "error" && i.column === null);
  if (head.headerRow === null || tabProblem) {
    return { ok: false, error: tabProblem?.message ?? "Không tìm thấy dòng tiêu đề." };
  }
  const width = Math.max(...head.columns.values()) + 1;
  return {
    ok: true,
    layout: { sheet, headerRow: head.headerRow, columns: head.columns, width },
  };
}

/** One row's cells by column key, as shared/ reads them (dates as serials). */
export function readRecord(
  ctx: AddonContext,
  layout: TabLayout,
  rowNumber: number,
): Record<string, unknown> {
  const timeZone = ctx.spreadsheet.getSpreadsheetTimeZone();
  const cells = layout.sheet.getRange(rowNumber, 1, 1, layout.width).getValues()[0] ?? [];
  const record: Record<string, unknown> = {};
  for (const [key, index] of layout.columns) {
    record[key] = toUnformatted(cells[index] ?? "", timeZone, ctx.formatDate);
  }
  return record;
}

/** A row's cells as one comparable string: what "the row changed since it was loaded" compares. */
export function rowVersion(record: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key] ?? ""]),
  );
}

/**
 * Writes a validated row at `rowNumber`: template columns only, one write per run of
 * adjacent template columns, so a column the unit added (a formula, a note) is untouched.
 * Formats first: "@" must be on a text cell before the string arrives.
 */
export function writeRow(
  layout: TabLayout,
  template: TemplateDef,
  row: Readonly<Record<string, string | number | null>>,
  rowNumber: number,
): void {
  const cells = template.columns
    .flatMap((column) => {
      const index = layout.columns.get(column.key);
      if (index === undefined) return [];
      const value = cellValue(column.type, row[column.key] ?? null);
      return [{ index, format: numberFormatFor(column), value }];
    })
    .sort((a, b) => a.index - b.index);
  for (const run of adjacentRuns(cells)) {
    const range = layout.sheet.getRange(rowNumber, run[0]!.index + 1, 1, run.length);
    range.setNumberFormats([run.map((c) => c.format)]);
    range.setValues([run.map((c) => c.value)]);
  }
}

/** Cells grouped into runs of adjacent columns, so each run is one range write. */
export function adjacentRuns<T extends { index: number }>(cells: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.index + 1 === cell.index) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

/** Dates go in as Sheets serials (no time zone involved); counts as numbers; text as text. */
function cellValue(type: string, value: string | number | null): CellValue {
  if (value === null) return "";
  if (type === "date") return isoDateToSerial(value as IsoDate);
  return value;
}
