// Reading and writing rectangles of values, as the spreadsheets.values methods do.

import { alwaysQuoted, columnLetters, formatRect } from "./a1-range.ts";
import type { Cell, CellValue } from "./cell.ts";
import { errorResult } from "./cell.ts";
import { invalidArgument } from "./google-error.ts";
import { formattedValue, isDateFormat } from "./number-format.ts";
import type { BoundedRect, ResolvedRange } from "./range-resolve.ts";
import { checkStartInGrid, clipToGrid } from "./range-resolve.ts";
import type { SheetState } from "./store.ts";
import { CELL_TOO_LONG, cellAt, getCell, MAX_CELL_CHARS, tidyCell } from "./store.ts";
import { parseUserEntered } from "./user-entered.ts";

export type ValueRenderOption = "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA";
export type DateTimeRenderOption = "SERIAL_NUMBER" | "FORMATTED_STRING";
export type Dimension = "ROWS" | "COLUMNS";
export type ValueInputOption = "RAW" | "USER_ENTERED";

export interface RenderOptions {
  valueRender: ValueRenderOption;
  dateTimeRender: DateTimeRenderOption;
  locale: string;
}

export function renderCell(cell: Cell | undefined, o: RenderOptions): CellValue | undefined {
  if (!cell) return undefined;
  if (o.valueRender === "FORMULA" && cell.formula !== undefined) return cell.formula;
  if (o.valueRender === "FORMATTED_VALUE") return formattedValue(cell, o.locale);
  if (cell.formula !== undefined || cell.error !== undefined) return errorResult(cell);
  const v = cell.value;
  if (v === undefined || v === "") return undefined;
  if (typeof v === "number" && o.dateTimeRender === "FORMATTED_STRING" && isDateFormat(cell)) {
    return formattedValue(cell, o.locale);
  }
  return v;
}

/** Values of a rectangle; trailing empty cells and rows omitted, inner gaps kept as "" / []. */
export function readValues(
  sheet: SheetState,
  rect: BoundedRect,
  o: RenderOptions,
  major: Dimension,
): CellValue[][] | undefined {
  const outerCount = major === "ROWS" ? rect.endRow - rect.startRow : rect.endCol - rect.startCol;
  const innerCount = major === "ROWS" ? rect.endCol - rect.startCol : rect.endRow - rect.startRow;
  const out: CellValue[][] = [];
  let lastOuter = -1;
  for (let i = 0; i < outerCount; i++) {
    const line: CellValue[] = [];
    let last = -1;
    for (let j = 0; j < innerCount; j++) {
      const [r, c] =
        major === "ROWS"
          ? [rect.startRow + i, rect.startCol + j]
          : [rect.startRow + j, rect.startCol + i];
      const v = renderCell(getCell(sheet, r, c), o);
      line.push(v ?? "");
      if (v !== undefined) last = j;
    }
    line.length = last + 1;
    out.push(line);
    if (last >= 0) lastOuter = i;
  }
  out.length = lastOuter + 1;
  return out.length > 0 ? out : undefined;
}

export interface WriteResult {
  updatedRect: BoundedRect;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
}

function checkValueTypes(values: unknown): asserts values is unknown[][] {
  if (!Array.isArray(values))
    throw invalidArgument(
      "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue)",
    );
  values.forEach((row, i) => {
    if (!Array.isArray(row)) {
      throw invalidArgument(`Invalid values[${i}]: ${row === null ? "null_value" : typeof row}`);
    }
    row.forEach((v, j) => {
      if (v !== null && typeof v === "object") {
        throw invalidArgument(
          `Invalid values[${i}][${j}]: ${Array.isArray(v) ? "list_value" : "struct_value"} {}`,
        );
      }
    });
  });
}

function transpose(values: unknown[][]): unknown[][] {
  const out: unknown[][] = [];
  values.forEach((col, c) => {
    col.forEach((v, r) => {
      while (out.length <= r) out.push([]);
      (out[r] as unknown[])[c] = v;
    });
  });
  return out.map((row) => Array.from(row, (v) => (v === undefined ? null : v)));
}

function writeOne(cell: Cell, v: unknown, input: ValueInputOption, locale: string): void {
  delete cell.value;
  delete cell.formula;
  delete cell.error;
  delete cell.textFormatRuns;
  if (v === "") return;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const text = String(v);
  if (text.length > MAX_CELL_CHARS) throw invalidArgument(CELL_TOO_LONG);
  if (input === "RAW") {
    cell.value = text;
    return;
  }
  const nf = cell.format?.numberFormat as { type?: string } | undefined;
  const parsed = parseUserEntered(text, locale, nf?.type === "TEXT");
  if (parsed.formula !== undefined) cell.formula = parsed.formula;
  else if (parsed.value !== undefined && parsed.value !== "") cell.value = parsed.value;
  if (parsed.numberFormat && !nf)
    cell.format = { ...cell.format, numberFormat: parsed.numberFormat };
}

/** Writes `values` at a range. A lone cell is an origin; a wider range bounds the write. */
export function writeValues(
  target: ResolvedRange,
  rawValues: unknown,
  major: Dimension,
  input: ValueInputOption,
  locale: string,
): WriteResult {
  const { sheet, rect } = target;
  checkValueTypes(rawValues);
  const values = major === "COLUMNS" ? transpose(rawValues) : rawValues;
  checkStartInGrid(sheet, rect, target.text);
  const width = Math.max(0, ...values.map((r) => r.length));
  if (!target.singleCell) {
    const within = `[${alwaysQuoted(sheet.properties.title)}!${formatRect(rect)}]`;
    if (rect.endRow !== undefined && rect.startRow + values.length > rect.endRow) {
      throw invalidArgument(
        `Requested writing within range ${within}, but tried writing to row [${rect.endRow + 1}]`,
      );
    }
    if (rect.endCol !== undefined && rect.startCol + width > rect.endCol) {
      throw invalidArgument(
        `Requested writing within range ${within}, but tried writing to column [${columnLetters(rect.endCol)}]`,
      );
    }
  }
  const gp = sheet.properties.gridProperties;
  gp.rowCount = Math.max(gp.rowCount, rect.startRow + values.length);
  gp.columnCount = Math.max(gp.columnCount, rect.startCol + width);
  let cells = 0;
  values.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const r = rect.startRow + i;
      const c = rect.startCol + j;
      writeOne(cellAt(sheet, r, c), v, input, locale);
      tidyCell(sheet, r, c);
      cells += 1;
    });
  });
  const updatedRect = {
    startRow: rect.startRow,
    startCol: rect.startCol,
    endRow: rect.startRow + Math.max(1, values.length),
    endCol: rect.startCol + Math.max(1, width),
  };
  return { updatedRect, updatedRows: values.length, updatedColumns: width, updatedCells: cells };
}

/** Clears values (not formatting) in the part of a range inside the grid. */
export function clearValues(target: ResolvedRange): BoundedRect {
  const rect = clipToGrid(target.sheet, target.rect, target.text);
  for (let r = rect.startRow; r < Math.min(rect.endRow, target.sheet.rows.length); r++) {
    const row = target.sheet.rows[r] ?? [];
    for (let c = rect.startCol; c < Math.min(rect.endCol, row.length); c++) {
      const cell = row[c];
      if (!cell) continue;
      delete cell.value;
      delete cell.formula;
      delete cell.error;
      tidyCell(target.sheet, r, c);
    }
  }
  return rect;
}
