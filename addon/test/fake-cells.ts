import type { FakeDataValidation } from "./fake-data-validation.ts";
import { dateToSerial } from "./fake-time-zone.ts";

/** What getNumberFormat() answers for a cell nobody formatted ("Automatic"). */
export const AUTOMATIC_FORMAT = "0.###############";
export const DEFAULT_BACKGROUND = "#ffffff";

export interface Cell {
  /** Stored value: text, number (dates are serials), boolean; "" when empty. */
  value: string | number | boolean;
  /** Set when a string was parsed as a formula (the fake does not evaluate it). */
  formula: string | null;
  note: string;
  background: string | null;
  numberFormat: string | null;
  validation: FakeDataValidation | null;
  fontWeight: "bold" | "normal" | null;
  fontSize: number | null;
  wrap: boolean | null;
  verticalAlignment: string | null;
}

export function emptyCell(): Cell {
  return {
    value: "",
    formula: null,
    note: "",
    background: null,
    numberFormat: null,
    validation: null,
    fontWeight: null,
    fontSize: null,
    wrap: null,
    verticalAlignment: null,
  };
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.formula !== null);
}

/** Number formats that make getValues() answer a Date (as Apps Script does). */
export function isDateFormat(format: string | null): boolean {
  if (!format || format === "@") return false;
  const unquoted = format.replace(/"[^"]*"/g, "");
  return /[dy]/i.test(unquoted) && !/[#0]/.test(unquoted);
}

/**
 * Range.setValue(s) semantics: a string is parsed as if typed (formula, number, leading
 * apostrophe) unless the cell is formatted as plain text "@"; numbers and booleans are
 * stored as they are; a Date becomes a serial in the spreadsheet's zone.
 */
export function writeValue(cell: Cell, raw: unknown, timeZone: string): void {
  cell.formula = null;
  if (raw === null || raw === undefined || raw === "") {
    cell.value = "";
    return;
  }
  if (typeof raw === "number" || typeof raw === "boolean") {
    cell.value = raw;
    return;
  }
  if (Object.prototype.toString.call(raw) === "[object Date]") {
    cell.value = dateToSerial(raw as Date, timeZone);
    if (cell.numberFormat === null) cell.numberFormat = "dd/MM/yyyy HH:mm:ss";
    return;
  }
  if (typeof raw !== "string") {
    cell.value = String(raw);
    return;
  }
  if (cell.numberFormat === "@") cell.value = raw;
  else if (raw.startsWith("'")) cell.value = raw.slice(1);
  else if (raw.startsWith("=") && raw.length > 1) {
    cell.formula = raw;
    cell.value = "";
  } else if (/^[+-]?\d+(\.\d+)?$/.test(raw.trim())) cell.value = Number(raw);
  else cell.value = raw;
}

/** A1 notation of one cell or a block ("B7", "A1:C3") → 1-based bounds. */
export function parseA1(a1: string): {
  row: number;
  column: number;
  rows: number;
  columns: number;
} {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!match) throw new Error(`Exception: Range not found: ${a1}`);
  const col = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
  const row = Number(match[2]);
  const column = col(match[1]!);
  const lastRow = match[4] ? Number(match[4]) : row;
  const lastColumn = match[3] ? col(match[3]) : column;
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}
