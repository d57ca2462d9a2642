import { isoDateToSerial } from "../../../shared/cells/dates.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import type { CellData } from "../../sheets/request-types.ts";
import { vietnamDateTimeSerial } from "../../time/vietnam-time.ts";
import { fitText } from "./cell-limit.ts";

/**
 * Cells of the output tabs. Every value from a unit's sheet is written as stringValue or
 * numberValue: Google stores them as data, so a district cell `=IMPORTXML(...)` stays
 * text in the province's sheet. No builder here produces formulaValue.
 *
 * Cells carry their value (and a note) only: formats are given per block of rows and
 * columns (block-formats.ts), because repeating the same format in every cell made the
 * one batchUpdate of a large province several MB bigger than it needs to be.
 */

export type Rgb = { readonly red: number; readonly green: number; readonly blue: number };

export const COLORS = {
  header: { red: 0.851, green: 0.918, blue: 0.827 },
  title: { red: 0.8, green: 0.0, blue: 0.0 },
  total: { red: 0.953, green: 0.953, blue: 0.953 },
  stale: { red: 1, green: 0.949, blue: 0.8 },
  unreadable: { red: 0.957, green: 0.8, blue: 0.8 },
  missing: { red: 0.937, green: 0.937, blue: 0.937 },
} as const satisfies Record<string, Rgb>;

export type Format = Readonly<Record<string, unknown>>;

export const DATE_FORMAT = { type: "DATE", pattern: "dd/mm/yyyy" } as const;
export const DATE_TIME_FORMAT = { type: "DATE_TIME", pattern: "dd/mm/yyyy hh:mm:ss" } as const;

export const DATE: Format = { numberFormat: DATE_FORMAT };
export const DATE_TIME: Format = { numberFormat: DATE_TIME_FORMAT };
/** Counts and metrics: thousands grouped, as the office reads figures. */
export const INTEGER: Format = { numberFormat: { type: "NUMBER", pattern: "#,##0" } };
/** Sheet row numbers: never grouped ("1.234" would read as a date or a decimal). */
export const PLAIN_NUMBER: Format = { numberFormat: { type: "NUMBER", pattern: "0" } };
export const BOLD: Format = { textFormat: { bold: true } };
export const WRAP: Format = { wrapStrategy: "WRAP" };
export const HEADER: Format = {
  textFormat: { bold: true },
  backgroundColor: COLORS.header,
  wrapStrategy: "WRAP",
  verticalAlignment: "MIDDLE",
  horizontalAlignment: "CENTER",
};
/** The line that says a tab was shortened (output-budget.ts): it must not be missed. */
export const NOTICE: Format = { textFormat: { bold: true, foregroundColor: COLORS.title } };

/** Text as typed, cut to Google's cell limit (cell-limit.ts). */
export function text(value: string): CellData {
  return { userEnteredValue: { stringValue: fitText(value) } };
}

/**
 * Text that opens `uri` when clicked: a rich-text run over the whole value. Runs are only
 * valid on strings, so a row number with a link is written as text.
 */
export function linkText(value: string, uri: string): CellData {
  const fitted = fitText(value);
  if (fitted === "") return blank();
  return {
    userEnteredValue: { stringValue: fitted },
    textFormatRuns: [{ startIndex: 0, format: { link: { uri } } }],
  };
}

export function num(value: number): CellData {
  return { userEnteredValue: { numberValue: value } };
}

export function date(value: IsoDate): CellData {
  return { userEnteredValue: { numberValue: isoDateToSerial(value) } };
}

/** An instant as a Sheets date-time serial in Vietnam's local time (UTC+7, no DST). */
export function dateTime(iso: string): CellData {
  return { userEnteredValue: { numberValue: vietnamDateTimeSerial(iso) } };
}

export function blank(): CellData {
  return {};
}

export function withNote(cell: CellData, note: string): CellData {
  return { ...cell, note: fitText(note) };
}
