// One cell as the emulator keeps it: the user-entered value (or formula), and the formatting
// and validation that spreadsheets.batchUpdate can set. Empty cells are `undefined`.

export type CellValue = number | string | boolean;
export type JsonObject = { [key: string]: unknown };

export interface Cell {
  value?: CellValue;
  /** A formula as typed, starting with `=`; the emulator has no formula engine. */
  formula?: string;
  /** userEnteredValue.errorValue, e.g. `{ type: "ERROR", message: "…" }`. */
  error?: JsonObject;
  format?: JsonObject;
  dataValidation?: JsonObject;
  note?: string;
  /** Rich-text runs of a string value (links in `format.link`); a new value erases them. */
  textFormatRuns?: JsonObject[];
}

/**
 * What a formula cell reads as with UNFORMATTED_VALUE / FORMATTED_VALUE. Google would return the
 * computed result; the emulator cannot compute, so it answers the error a sheet shows for a
 * function it does not know. Tests that care read the formula with FORMULA.
 */
export const FORMULA_RESULT = "#NAME?";

/** What a cell in error reads as (UNFORMATTED and FORMATTED_VALUE): Sheets shows the error's
 * code, e.g. `#N/A` for ErrorValue type N_A; a formula is the emulator's `#NAME?`. */
const ERROR_CODES: Record<string, string> = {
  ERROR: "#ERROR!",
  NULL_VALUE: "#NULL!",
  DIVIDE_BY_ZERO: "#DIV/0!",
  VALUE: "#VALUE!",
  REF: "#REF!",
  NAME: "#NAME?",
  NUM: "#NUM!",
  N_A: "#N/A",
  LOADING: "Loading...",
};

export function errorResult(cell: Cell): string {
  if (cell.formula !== undefined || cell.error === undefined) return FORMULA_RESULT;
  return ERROR_CODES[String(cell.error.type)] ?? "#ERROR!";
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  return (
    (cell.value === undefined || cell.value === "") &&
    cell.formula === undefined &&
    cell.error === undefined
  );
}

export function hasContent(cell: Cell | undefined): boolean {
  if (!cell) return false;
  return (
    !isEmptyCell(cell) ||
    cell.format !== undefined ||
    cell.dataValidation !== undefined ||
    cell.note !== undefined
  );
}

/** The ExtendedValue of a cell (`{numberValue}` / `{stringValue}` / …), or undefined. */
export function toExtendedValue(cell: Cell | undefined): JsonObject | undefined {
  if (!cell) return undefined;
  if (cell.formula !== undefined) return { formulaValue: cell.formula };
  if (cell.error !== undefined) return { errorValue: cell.error };
  const v = cell.value;
  if (v === undefined || v === "") return undefined;
  if (typeof v === "number") return { numberValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  return { stringValue: v };
}

const EXTENDED_KEYS = ["numberValue", "stringValue", "boolValue", "formulaValue", "errorValue"];

/** Sets a cell's value from an ExtendedValue; `undefined` or `{}` clears it. */
export function setExtendedValue(cell: Cell, ev: unknown): string | undefined {
  delete cell.value;
  delete cell.formula;
  delete cell.error;
  if (ev === undefined || ev === null) return undefined;
  if (typeof ev !== "object" || Array.isArray(ev)) return "userEnteredValue must be an object";
  const keys = Object.keys(ev);
  for (const k of keys) {
    if (!EXTENDED_KEYS.includes(k)) return `Unknown name "${k}" in ExtendedValue`;
  }
  if (keys.length > 1)
    return "Only one of numberValue, stringValue, boolValue, formulaValue, errorValue may be set";
  const o = ev as JsonObject;
  if (typeof o.numberValue === "number") cell.value = o.numberValue;
  else if (typeof o.stringValue === "string") {
    if (o.stringValue.length > 50_000)
      return "Your input contains more than the maximum of 50000 characters in a single cell.";
    if (o.stringValue !== "") cell.value = o.stringValue;
  } else if (typeof o.boolValue === "boolean") cell.value = o.boolValue;
  else if (typeof o.formulaValue === "string") cell.formula = o.formulaValue;
  else if (o.errorValue && typeof o.errorValue === "object")
    cell.error = o.errorValue as JsonObject;
  else if (keys.length === 1) return `Invalid value for ${keys[0]}`;
  return undefined;
}

export function cloneCell(cell: Cell): Cell {
  return structuredClone(cell);
}
