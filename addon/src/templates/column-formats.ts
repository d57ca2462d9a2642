import { MAX_YEAR, MIN_YEAR } from "../../../shared/cells/dates.ts";
import type { ColumnDef, TemplateDef } from "../../../shared/schema/template.ts";
import { cellA1 } from "../gas/a1-notation.ts";
import type { GasDataValidation, GasSpreadsheetApp } from "../gas/types.ts";

export const DATE_FORMAT = "dd/mm/yyyy";
/** Thousands grouped the way the spreadsheet's locale writes them (1.500 in vi_VN). */
export const COUNT_FORMAT = "#,##0";
/**
 * Plain text. Apps Script's setValue/setValues parse strings like typed input ("0123"
 * becomes 123, "=..." a formula, "12/2026" a date) unless the cell is formatted as plain
 * text, so text and list columns carry "@" before anything is written to them.
 */
export const TEXT_FORMAT = "@";

export function numberFormatFor(column: ColumnDef): string {
  switch (column.type) {
    case "date":
      return DATE_FORMAT;
    case "count":
      return COUNT_FORMAT;
    case "enum":
    case "text":
      return TEXT_FORMAT;
  }
}

/** 1-based sheet column of a template column, or undefined when the tab lacks it. */
export type ColumnAt = (key: string) => number | undefined;

/**
 * The data-validation rule for one column of a template tab, anchored at `firstRow`
 * (custom formulas are written for the range's top-left cell and shift down with it).
 * `columnAt` places the columns a formula refers to: template order in a generated tab,
 * the header's order in a tab that already exists.
 *
 * Every rule rejects invalid input (setAllowInvalid(false)): the dropdown offers every
 * canonical value, so nothing a person picks is refused, and a refused paste says why in
 * the help text instead of leaving a value the province would drop. The aliases the
 * Worker also accepts (BCĐ tỉnh, MTTQ, ...) exist for sheets typed before the add-on;
 * Kiểm tra dữ liệu still reads those tabs with the same rules as the Worker.
 */
export function validationFor(
  app: GasSpreadsheetApp,
  template: TemplateDef,
  column: ColumnDef,
  firstRow: number,
  columnAt: ColumnAt = (key) => columnNumber(template, key),
): GasDataValidation | null {
  const builder = app.newDataValidation().setAllowInvalid(false);
  switch (column.type) {
    case "enum":
      return builder
        .requireValueInList([...column.values], true)
        .setHelpText(`Chọn một giá trị trong danh sách: ${column.values.join("; ")}.`)
        .build();
    case "date":
      return builder
        .requireDateBetween(new Date(MIN_YEAR, 0, 1), new Date(MAX_YEAR, 11, 31))
        .setHelpText(`Nhập ngày dạng dd/mm/yyyy, từ năm ${MIN_YEAR} đến ${MAX_YEAR}.`)
        .build();
    case "count":
      return builder
        .requireFormulaSatisfied(countFormula(column, firstRow, columnAt))
        .setHelpText(countHelp(template, column, columnAt))
        .build();
    case "text":
      return null;
  }
}

/**
 * The words shared/ parseCount reads as "none" (0): the sheet accepts them too, so a cell
 * the province counts is never refused by the sheet. Sheets compares text without case.
 */
export const COUNT_NONE_WORDS = ["-", "–", "—", "không"] as const;

/**
 * A whole number ≥ 0 and ≤ its `atMost` column, or one of the "none" words (a limit that
 * is blank or a "none" word counts as 0, as in shared/). IF, not AND: Sheets evaluates
 * every argument of AND, and INT("-") is an error that would refuse the word.
 */
function countFormula(column: ColumnDef, firstRow: number, columnAt: ColumnAt): string {
  const own = columnAt(column.key);
  if (own === undefined) throw new Error(`column ${column.key} is not in the tab`);
  const cell = cellA1(firstRow, own);
  const rules = [`${cell}>=0`, `${cell}=INT(${cell})`];
  // A tab without the limit's column has nothing to compare with (shared/ skips it too).
  const limit = limitColumn(column, columnAt);
  if (limit !== undefined) rules.push(`${cell}<=N(${cellA1(firstRow, limit)})`);
  const words = COUNT_NONE_WORDS.map((w) => `TRIM(${cell})="${w}"`);
  return `=IF(ISNUMBER(${cell}),AND(${rules.join(",")}),OR(${words.join(",")}))`;
}

function limitColumn(column: ColumnDef, columnAt: ColumnAt): number | undefined {
  return column.type === "count" && column.atMost !== undefined
    ? columnAt(column.atMost)
    : undefined;
}

function countHelp(template: TemplateDef, column: ColumnDef, columnAt: ColumnAt): string {
  const base =
    'Nhập số nguyên không âm, ví dụ 12 hoặc 1.500; để trống, hoặc ghi "-" hay "không", nếu không có.';
  if (column.type !== "count" || limitColumn(column, columnAt) === undefined) return base;
  const limit = template.columns.find((c) => c.key === column.atMost);
  return limit ? `${base} Không được lớn hơn "${limit.header}".` : base;
}

/** 1-based position of a column in a generated tab (template order). */
export function columnNumber(template: TemplateDef, key: string): number {
  const index = template.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`column ${key} is not in template ${template.id}`);
  return index + 1;
}
