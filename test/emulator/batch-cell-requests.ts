// batchUpdate requests on cells: updateCells, repeatCell, mergeCells, unmergeCells. Writing
// outside the grid is refused (only the values API grows a grid).

import type { RequestHandler } from "./batch-sheet-requests.ts";
import { splits } from "./batch-sheet-requests.ts";
import type { Cell, JsonObject } from "./cell.ts";
import { setExtendedValue } from "./cell.ts";
import type { MaskTree, Schema } from "./field-mask.ts";
import { exceedsGridLimits, invalidArgument } from "./google-error.ts";
import {
  gridRangeJson,
  intField,
  rectContains,
  rectOfGridRange,
  rectsOverlap,
  resolveGridRange,
  sheetOf,
} from "./grid-range.ts";
import { mergeMasked, requestMask } from "./masked-merge.ts";
import type { BoundedRect } from "./range-resolve.ts";
import { a1Of } from "./range-resolve.ts";
import { asObject } from "./request-checks.ts";
import type { SheetState } from "./store.ts";
import { cellAt, tidyCell } from "./store.ts";

const cellDataSchema: Schema = {
  userEnteredValue: "any",
  effectiveValue: "any",
  formattedValue: "leaf",
  userEnteredFormat: "any",
  effectiveFormat: "any",
  hyperlink: "leaf",
  note: "leaf",
  textFormatRuns: "any",
  dataValidation: "any",
  pivotTable: "any",
  dataSourceTable: "any",
  dataSourceFormula: "any",
  chipRuns: "any",
};

const ALL_FIELDS: MaskTree = new Map<string, MaskTree | true>([
  ["userEnteredValue", true],
  ["userEnteredFormat", true],
  ["note", true],
  ["textFormatRuns", true],
  ["dataValidation", true],
]);

function setWhole(cell: Cell, key: "format" | "dataValidation", v: unknown): void {
  if (v && typeof v === "object") cell[key] = structuredClone(v as JsonObject);
  else delete cell[key];
}

/** Applies one CellData under a mask; `data` undefined clears the masked fields. */
function applyCellData(cell: Cell, data: JsonObject | undefined, mask: MaskTree): void {
  const m = mask.has("*") ? ALL_FIELDS : mask;
  for (const [name, sub] of m) {
    const v = data?.[name];
    if (name === "userEnteredValue") {
      const err = setExtendedValue(cell, v);
      if (err) throw invalidArgument(err);
      if (!m.has("textFormatRuns")) delete cell.textFormatRuns;
    } else if (name === "textFormatRuns") {
      if (Array.isArray(v) && v.length) cell.textFormatRuns = structuredClone(v as JsonObject[]);
      else delete cell.textFormatRuns;
    } else if (name === "userEnteredFormat") {
      if (sub === true) setWhole(cell, "format", v);
      else {
        const f = cell.format ?? {};
        mergeMasked(f, v as JsonObject | undefined, sub);
        if (Object.keys(f).length) cell.format = f;
        else delete cell.format;
      }
    } else if (name === "dataValidation") setWhole(cell, "dataValidation", v);
    else if (name === "note") {
      if (typeof v === "string" && v !== "") cell.note = v;
      else delete cell.note;
    }
    // Other CellData fields are read-only or not modelled; Google ignores read-only ones too.
  }
  if (cell.textFormatRuns) checkRuns(cell);
}

/**
 * Google's rules for rich text: runs only on a string value (not a number, bool or
 * formula), each starting inside the text (UTF-16 units) after the one before, a link with
 * a URI.
 */
function checkRuns(cell: Cell): void {
  const text = cell.formula === undefined ? cell.value : undefined;
  if (typeof text !== "string")
    throw invalidArgument("Text format runs are only valid on string values.");
  let previous = -1;
  for (const run of cell.textFormatRuns ?? []) {
    const start = intField(run, "startIndex", 0);
    if (start <= previous || start >= text.length) {
      throw invalidArgument(
        `Invalid text format run startIndex ${start}: runs must start inside the text (length ${text.length}) in increasing order.`,
      );
    }
    previous = start;
    const link = (run.format as JsonObject | undefined)?.link as JsonObject | undefined;
    if (link !== undefined && (typeof link.uri !== "string" || link.uri === "")) {
      throw invalidArgument("A text format run's link needs a uri.");
    }
  }
}

function mask(fields: unknown): MaskTree {
  const m = requestMask(fields, cellDataSchema);
  if (typeof m === "string") throw invalidArgument(m);
  return m;
}

function rowsOf(value: unknown): (JsonObject | undefined)[][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidArgument("rows must be a list of RowData");
  return value.map((row) => {
    const values = asObject(row, "rows").values;
    return Array.isArray(values) ? (values as (JsonObject | undefined)[]) : [];
  });
}

function apply(
  sheet: SheetState,
  r: number,
  c: number,
  data: JsonObject | undefined,
  m: MaskTree,
): void {
  applyCellData(cellAt(sheet, r, c), data ?? undefined, m);
  tidyCell(sheet, r, c);
}

function checkInGrid(sheet: SheetState, rect: BoundedRect): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (rect.endRow > rowCount || rect.endCol > columnCount) {
    throw exceedsGridLimits(a1Of(sheet, rect), rowCount, columnCount);
  }
}

function writeRows(
  sheet: SheetState,
  r0: number,
  c0: number,
  rows: (JsonObject | undefined)[][],
  m: MaskTree,
): void {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length && width)
    checkInGrid(sheet, {
      startRow: r0,
      startCol: c0,
      endRow: r0 + rows.length,
      endCol: c0 + width,
    });
  rows.forEach((row, i) => {
    row.forEach((data, j) => {
      apply(sheet, r0 + i, c0 + j, data, m);
    });
  });
}

const updateCells: RequestHandler = (ss, req) => {
  const m = mask(req.fields);
  const rows = rowsOf(req.rows);
  if (req.start !== undefined && req.range !== undefined)
    throw invalidArgument("Only one of start or range may be set.");
  if (req.start !== undefined) {
    const s = asObject(req.start, "start");
    const sheet = sheetOf(ss, intField(s, "sheetId", 0));
    writeRows(sheet, intField(s, "rowIndex", 0), intField(s, "columnIndex", 0), rows, m);
    return undefined;
  }
  if (req.range === undefined) throw invalidArgument("Either start or range must be specified.");
  const { sheet, rect } = resolveGridRange(ss, req.range);
  if (rows.length > rect.endRow - rect.startRow) {
    throw invalidArgument(
      `Attempting to write row: ${rect.startRow + rows.length - 1}, beyond the last requested row of: ${rect.endRow - 1}`,
    );
  }
  rows.forEach((row) => {
    if (row.length > rect.endCol - rect.startCol) {
      throw invalidArgument(
        `Attempting to write column: ${rect.startCol + row.length - 1}, beyond the last requested column of: ${rect.endCol - 1}`,
      );
    }
  });
  for (let r = rect.startRow; r < rect.endRow; r++) {
    for (let c = rect.startCol; c < rect.endCol; c++) {
      apply(sheet, r, c, rows[r - rect.startRow]?.[c - rect.startCol], m);
    }
  }
  return undefined;
};

const repeatCell: RequestHandler = (ss, req) => {
  const m = mask(req.fields);
  const { sheet, rect } = resolveGridRange(ss, req.range);
  const data = asObject(req.cell, "cell");
  for (let r = rect.startRow; r < rect.endRow; r++) {
    for (let c = rect.startCol; c < rect.endCol; c++) apply(sheet, r, c, data, m);
  }
  return undefined;
};

function mergeRects(rect: BoundedRect, type: unknown): BoundedRect[] {
  if (type === undefined || type === "MERGE_ALL") return [rect];
  const out: BoundedRect[] = [];
  if (type === "MERGE_COLUMNS") {
    for (let c = rect.startCol; c < rect.endCol; c++)
      out.push({ ...rect, startCol: c, endCol: c + 1 });
  } else if (type === "MERGE_ROWS") {
    for (let r = rect.startRow; r < rect.endRow; r++)
      out.push({ ...rect, startRow: r, endRow: r + 1 });
  } else
    throw invalidArgument(`Invalid value at 'requests.merge_cells.merge_type', "${String(type)}"`);
  return out.filter((x) => (x.endRow - x.startRow) * (x.endCol - x.startCol) > 1);
}

const PARTIAL_MERGE = "You must select all cells in a merged range to merge or unmerge them.";

const mergeCells: RequestHandler = (ss, req) => {
  const { sheet, rect } = resolveGridRange(ss, req.range);
  const { frozenRowCount, frozenColumnCount } = sheet.properties.gridProperties;
  if (splits(frozenRowCount, rect.startRow, rect.endRow))
    throw invalidArgument("You can't merge frozen and non-frozen rows.");
  if (splits(frozenColumnCount, rect.startCol, rect.endCol))
    throw invalidArgument("You can't merge frozen and non-frozen columns.");
  const existing = sheet.merges.map((g) => rectOfGridRange(g));
  existing.forEach((e) => {
    if (rectsOverlap(e, rect) && !rectContains(rect, e)) throw invalidArgument(PARTIAL_MERGE);
  });
  sheet.merges = sheet.merges.filter((g) => !rectContains(rect, rectOfGridRange(g)));
  for (const m of mergeRects(rect, req.mergeType)) {
    sheet.merges.push(gridRangeJson(sheet, m));
    // A merge keeps only its top-left value, as the UI warns.
    for (let r = m.startRow; r < m.endRow; r++) {
      for (let c = m.startCol; c < m.endCol; c++) {
        if (r === m.startRow && c === m.startCol) continue;
        const cell = sheet.rows[r]?.[c];
        if (!cell) continue;
        delete cell.value;
        delete cell.formula;
        delete cell.error;
        tidyCell(sheet, r, c);
      }
    }
  }
  return undefined;
};

const unmergeCells: RequestHandler = (ss, req) => {
  const { sheet, rect } = resolveGridRange(ss, req.range);
  sheet.merges = sheet.merges.filter((g) => {
    const e = rectOfGridRange(g);
    if (!rectsOverlap(e, rect)) return true;
    if (!rectContains(rect, e)) throw invalidArgument(PARTIAL_MERGE);
    return false;
  });
  return undefined;
};

export const cellRequests: Record<string, { keys: string[]; run: RequestHandler }> = {
  updateCells: { keys: ["rows", "fields", "start", "range"], run: updateCells },
  repeatCell: { keys: ["range", "cell", "fields"], run: repeatCell },
  mergeCells: { keys: ["range", "mergeType"], run: mergeCells },
  unmergeCells: { keys: ["range"], run: unmergeCells },
};
