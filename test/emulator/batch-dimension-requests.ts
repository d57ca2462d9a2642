// batchUpdate requests on rows and columns: updateDimensionProperties (column widths, hidden
// rows). The product sizes a tab with updateSheetProperties, so no request here moves cells.

import type { RequestHandler } from "./batch-sheet-requests.ts";
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

function dimensionRange(ss: SpreadsheetState, value: unknown): DimRange {
  const o = asObject(value, "range");
  const sheet = sheetOf(ss, intField(o, "sheetId", 0));
  if (o.dimension !== "ROWS" && o.dimension !== "COLUMNS")
    throw invalidArgument("dimension must be ROWS or COLUMNS");
  const rows = o.dimension === "ROWS";
  const count = rows
    ? sheet.properties.gridProperties.rowCount
    : sheet.properties.gridProperties.columnCount;
  const start = intField(o, "startIndex", 0);
  const end = intField(o, "endIndex", count);
  if (start < 0 || end < start) throw invalidArgument("Invalid dimension range.");
  if (start >= count && end > start) {
    throw invalidArgument(
      `Invalid range: startIndex ${start} is past the grid's ${count} ${rows ? "rows" : "columns"}.`,
    );
  }
  return { sheet, rows, start, end: Math.min(end, count) };
}

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
  if (props.pixelSize !== undefined && intField(props, "pixelSize", 0) < 0)
    throw invalidArgument("pixelSize must not be negative.");
  for (let i = d.start; i < d.end; i++) {
    const meta = store[String(i)] ?? {};
    mergeMasked(meta, props, mask);
    if (Object.keys(meta).length) store[String(i)] = meta;
    else delete store[String(i)];
  }
  return undefined;
};

export const dimensionRequests: Record<string, { keys: string[]; run: RequestHandler }> = {
  updateDimensionProperties: {
    keys: ["range", "properties", "fields", "dataSourceSheetRange"],
    run: updateDimensionProperties,
  },
};
