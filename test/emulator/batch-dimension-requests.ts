// batchUpdate requests on rows and columns: appendDimension, insertDimension, deleteDimension,
// updateDimensionProperties, autoResizeDimensions. Inserting or deleting shifts cell values;
// merges, protected ranges and filters are not shifted (not needed by the product).

import type { RequestHandler } from "./batch-sheet-requests.ts";
import type { Cell } from "./cell.ts";
import { invalidArgument } from "./google-error.ts";
import { intField, sheetOf } from "./grid-range.ts";
import { mergeMasked, requestMask } from "./masked-merge.ts";
import { asObject } from "./request-checks.ts";
import type { SheetState, SpreadsheetState } from "./store.ts";

interface DimRange {
  sheet: SheetState;
  rows: boolean;
  start: number;
  end: number;
}

function dimensionRange(ss: SpreadsheetState, value: unknown, forInsert = false): DimRange {
  const o = asObject(value, "range");
  const sheet = sheetOf(ss, intField(o, "sheetId", 0));
  if (o.dimension !== "ROWS" && o.dimension !== "COLUMNS")
    throw invalidArgument("dimension must be ROWS or COLUMNS");
  const rows = o.dimension === "ROWS";
  const count = rows
    ? sheet.properties.gridProperties.rowCount
    : sheet.properties.gridProperties.columnCount;
  const start = intField(o, "startIndex", 0);
  const end = intField(o, "endIndex", forInsert ? start : count);
  if (start < 0 || end < start) throw invalidArgument("Invalid dimension range.");
  if (forInsert ? start > count : start >= count && end > start) {
    throw invalidArgument(
      `Invalid range: startIndex ${start} is past the grid's ${count} ${rows ? "rows" : "columns"}.`,
    );
  }
  return { sheet, rows, start, end: forInsert ? end : Math.min(end, count) };
}

const appendDimension: RequestHandler = (ss, req) => {
  const sheet = sheetOf(ss, intField(req, "sheetId", 0));
  const length = intField(req, "length", 0);
  if (length < 1) throw invalidArgument("length must be at least 1");
  const gp = sheet.properties.gridProperties;
  if (req.dimension === "ROWS") gp.rowCount += length;
  else if (req.dimension === "COLUMNS") gp.columnCount += length;
  else throw invalidArgument("dimension must be ROWS or COLUMNS");
  return undefined;
};

const insertDimension: RequestHandler = (ss, req) => {
  const d = dimensionRange(ss, req.range, true);
  const n = d.end - d.start;
  const gp = d.sheet.properties.gridProperties;
  if (d.rows) {
    if (d.start < d.sheet.rows.length)
      d.sheet.rows.splice(d.start, 0, ...Array.from({ length: n }, () => []));
    gp.rowCount += n;
  } else {
    for (const r of d.sheet.rows)
      if (d.start < r.length) r.splice(d.start, 0, ...new Array<Cell | undefined>(n));
    gp.columnCount += n;
  }
  return undefined;
};

const deleteDimension: RequestHandler = (ss, req) => {
  const d = dimensionRange(ss, req.range);
  const n = d.end - d.start;
  const gp = d.sheet.properties.gridProperties;
  if (d.rows) {
    if (n >= gp.rowCount) throw invalidArgument("You can't delete all the rows on the sheet.");
    d.sheet.rows.splice(d.start, n);
    gp.rowCount -= n;
  } else {
    if (n >= gp.columnCount)
      throw invalidArgument("You can't delete all the columns on the sheet.");
    for (const r of d.sheet.rows) r.splice(d.start, n);
    gp.columnCount -= n;
  }
  if ((gp.frozenRowCount ?? 0) >= gp.rowCount) gp.frozenRowCount = gp.rowCount - 1;
  if ((gp.frozenColumnCount ?? 0) >= gp.columnCount) gp.frozenColumnCount = gp.columnCount - 1;
  return undefined;
};

const dimensionPropertiesSchema = {
  pixelSize: "leaf",
  hiddenByUser: "leaf",
  hiddenByFilter: "leaf",
  developerMetadata: "any",
  dataSourceColumnReference: "any",
} as const;

const updateDimensionProperties: RequestHandler = (ss, req) => {
  const mask = requestMask(req.fields, { ...dimensionPropertiesSchema });
  if (typeof mask === "string") throw invalidArgument(mask);
  const d = dimensionRange(ss, req.range);
  const store = d.rows ? d.sheet.rowMetadata : d.sheet.columnMetadata;
  const props = asObject(req.properties, "properties");
  for (let i = d.start; i < d.end; i++) {
    const meta = store[String(i)] ?? {};
    mergeMasked(meta, props, mask);
    if (Object.keys(meta).length) store[String(i)] = meta;
    else delete store[String(i)];
  }
  return undefined;
};

const autoResizeDimensions: RequestHandler = (ss, req) => {
  // Column widths depend on fonts the emulator does not render; the range is checked only.
  if (req.dimensions !== undefined) dimensionRange(ss, req.dimensions);
  return undefined;
};

export const dimensionRequests: Record<string, { keys: string[]; run: RequestHandler }> = {
  appendDimension: { keys: ["sheetId", "dimension", "length"], run: appendDimension },
  insertDimension: { keys: ["range", "inheritFromBefore"], run: insertDimension },
  deleteDimension: { keys: ["range"], run: deleteDimension },
  updateDimensionProperties: {
    keys: ["range", "properties", "fields", "dataSourceSheetRange"],
    run: updateDimensionProperties,
  },
  autoResizeDimensions: {
    keys: ["dimensions", "dataSourceSheetDimensions"],
    run: autoResizeDimensions,
  },
};
