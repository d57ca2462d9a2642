import { MAX_YEAR, MIN_YEAR } from "../../../shared/cells/dates.ts";
import { COUNT_RULE } from "../../../shared/cells/parse-count.ts";
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
 * A count typed as text with its thousands grouped (1.500, 1 500, or with a no-break space
 * pasted from a document), or plain digits: shared/ parseCount reads these as numbers, so
 * the sheet takes them too. RE2 syntax; matched after TRIM, which collapses inner spaces
 * as shared/ does.
 */
const GROUPED_TEXT = "^(\\d+|\\d{1,3}([. \\xA0]\\d{3})+)$";
const GROUP_MARKS = "[. \\xA0]";

/**
 * A whole number ≥ 0 and ≤ its `atMost` column, a grouped number typed as text (within the
 * limit too), or one of the "none" words. The limit counts as shared/ reads it: a number,
 * a grouped text number, else 0 (blank or a "none" word). IF, not AND: Sheets evaluates
 * every argument of AND and OR, and INT("-") or VALUE("-") is an error that would refuse
 * the word.
 */
function countFormula(column: ColumnDef, firstRow: number, columnAt: ColumnAt): string {
  const own = columnAt(column.key);
  if (own === undefined) throw new Error(`column ${column.key} is not in the tab`);
  const cell = cellA1(firstRow, own);
  const rules = [`${cell}>=0`, `${cell}=INT(${cell})`];
  // A tab without the limit's column has nothing to compare with (shared/ skips it too).
  const limit = limitColumn(column, columnAt);
  const max = limit === undefined ? undefined : limitValue(cellA1(firstRow, limit));
  if (max !== undefined) rules.push(`${cell}<=${max}`);
  const words = COUNT_NONE_WORDS.map((w) => `TRIM(${cell})="${w}"`);
  const isGrouped = `REGEXMATCH(TRIM(${cell}),"${GROUPED_TEXT}")`;
  const text =
    max === undefined
      ? `OR(${isGrouped},${words.join(",")})`
      : `IF(${isGrouped},${textNumber(cell)}<=${max},OR(${words.join(",")}))`;
  return `=IF(ISNUMBER(${cell}),AND(${rules.join(",")}),${text})`;
}

/** A cell known to match GROUPED_TEXT, as its number. */
function textNumber(cell: string): string {
  return `VALUE(REGEXREPLACE(TRIM(${cell}),"${GROUP_MARKS}",""))`;
}

/** The limit cell's count as shared/ reads it, with 0 for blank, "none" words and the rest. */
function limitValue(cell: string): string {
  return `IF(ISNUMBER(${cell}),${cell},IF(REGEXMATCH(TRIM(${cell}),"${GROUPED_TEXT}"),${textNumber(cell)},0))`;
}

function limitColumn(column: ColumnDef, columnAt: ColumnAt): number | undefined {
  return column.type === "count" && column.atMost !== undefined
    ? columnAt(column.atMost)
    : undefined;
}

function countHelp(template: TemplateDef, column: ColumnDef, columnAt: ColumnAt): string {
  const base = COUNT_RULE;
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
