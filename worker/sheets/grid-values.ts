/**
 * A unit's first read in ONE call: spreadsheets.get with every tab's grid data, masked down
 * to the tab list, the time zone and each cell's `effectiveValue`. The rows it gives are
 * exactly those values.batchGet gives with UNFORMATTED_VALUE + SERIAL_NUMBER (dates are
 * serial numbers in both; an error reads as its text, e.g. "#N/A"; trailing empty cells and
 * rows are dropped, inner ones kept as "" and []), so the readers after it do not care
 * which call the rows came from.
 */
import type { CellValue } from "./types.ts";

/** Tab ids and titles, the zone, and every cell's value; nothing else (no formats). */
export const GRID_VALUES_FIELDS =
  "properties(timeZone),sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(effectiveValue))))";

/** A grid-data answer bigger than this is abandoned (the caller reads the tabs it needs
 * by name instead): a normal unit's is ~100 KB, and six run at once in a 128 MB Worker. */
export const GRID_VALUES_MAX_BYTES = 2_000_000;

/** ErrorValue.type → the text values.batchGet answers for the cell. */
const ERROR_TEXT: Readonly<Record<string, string>> = {
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

export function errorText(type: string | undefined): string {
  return ERROR_TEXT[type ?? ""] ?? "#ERROR!";
}

export interface EffectiveValue {
  readonly numberValue?: number | undefined;
  readonly stringValue?: string | undefined;
  readonly boolValue?: boolean | undefined;
  readonly errorValue?: { readonly type?: string | undefined } | undefined;
}

export interface GridDataIn {
  readonly startRow?: number | undefined;
  readonly startColumn?: number | undefined;
  readonly rowData?:
    | readonly {
        readonly values?: readonly { readonly effectiveValue?: EffectiveValue | undefined }[];
      }[]
    | undefined;
}

/** One cell as batchGet renders it; undefined for an empty one. */
export function cellFromEffective(value: EffectiveValue | undefined): CellValue | undefined {
  if (!value) return undefined;
  if (typeof value.numberValue === "number") return value.numberValue;
  if (typeof value.boolValue === "boolean") return value.boolValue;
  if (value.errorValue) return errorText(value.errorValue.type);
  if (typeof value.stringValue === "string" && value.stringValue !== "") return value.stringValue;
  return undefined;
}

/**
 * A tab's rows from its GridData, from A1 and at most `columns` wide, the way batchGet
 * answers `A1:<last column>`.
 */
export function rowsFromGrid(
  data: readonly GridDataIn[] | undefined,
  columns: number,
): CellValue[][] {
  const rows: CellValue[][] = [];
  let lastRow = -1;
  for (const grid of data ?? []) {
    const top = grid.startRow ?? 0;
    const left = grid.startColumn ?? 0;
    (grid.rowData ?? []).forEach((row, i) => {
      const r = top + i;
      const line: CellValue[] = rows[r] ?? [];
      let last = line.length - 1;
      (row.values ?? []).forEach((cell, j) => {
        const c = left + j;
        if (c >= columns) return;
        const value = cellFromEffective(cell.effectiveValue);
        if (value === undefined) return;
        while (line.length < c) line.push("");
        line[c] = value;
        last = Math.max(last, c);
      });
      line.length = last + 1;
      rows[r] = line;
      if (last >= 0) lastRow = Math.max(lastRow, r);
    });
  }
  const out: CellValue[][] = [];
  for (let r = 0; r <= lastRow; r++) out.push(rows[r] ?? []);
  return out;
}

/** The rows of `A1:<last column>` out of a tab's whole rows: at most `columns` cells a row,
 * trailing empty cells and rows dropped again, as batchGet would answer that range. */
export function clipColumns(
  rows: readonly (readonly CellValue[])[],
  columns: number,
): CellValue[][] {
  const out = rows.map((row) => {
    const line = row.slice(0, columns);
    while (line.length && line[line.length - 1] === "") line.pop();
    return line;
  });
  while (out.length && (out[out.length - 1] as CellValue[]).length === 0) out.pop();
  return out;
}

/** How many columns an `A1:<letters>` range spans (`A1:Z` → 26). */
export function columnsOf(range: string): number {
  const letters = /:([A-Za-z]+)\d*$/.exec(range)?.[1]?.toUpperCase() ?? "A";
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
