// GridRange / DimensionRange / GridCoordinate from batchUpdate requests: 0-based, half-open,
// missing bounds are open, a missing sheetId is 0 (the proto3 default, as Google reads it).

import { formatA1 } from "./a1-range.ts";
import type { JsonObject } from "./cell.ts";
import { invalidArgument } from "./google-error.ts";
import type { BoundedRect } from "./range-resolve.ts";
import { a1Of, findSheetById } from "./range-resolve.ts";
import type { SheetState, SpreadsheetState } from "./store.ts";

export function intField(o: JsonObject, key: string, fallback: number): number {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  const n = typeof v === "string" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw invalidArgument(`Invalid value at '${key}' (TYPE_INT32), ${JSON.stringify(v)}`);
  }
  return n;
}

export function sheetOf(ss: SpreadsheetState, sheetId: number): SheetState {
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw invalidArgument(`No grid with id: ${sheetId}`);
  return sheet;
}

export interface ResolvedGridRange {
  sheet: SheetState;
  rect: BoundedRect;
}

/** A GridRange limited to the grid; refuses one that starts outside it. */
export function resolveGridRange(ss: SpreadsheetState, gr: unknown): ResolvedGridRange {
  const o = (gr ?? {}) as JsonObject;
  const sheet = sheetOf(ss, intField(o, "sheetId", 0));
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const startRow = intField(o, "startRowIndex", 0);
  const startCol = intField(o, "startColumnIndex", 0);
  const endRowRaw = o.endRowIndex === undefined ? undefined : intField(o, "endRowIndex", 0);
  const endColRaw = o.endColumnIndex === undefined ? undefined : intField(o, "endColumnIndex", 0);
  if (startRow < 0 || startCol < 0 || (endRowRaw ?? 0) < 0 || (endColRaw ?? 0) < 0) {
    throw invalidArgument("Invalid range: indexes must be non-negative");
  }
  if (
    (endRowRaw !== undefined && endRowRaw < startRow) ||
    (endColRaw !== undefined && endColRaw < startCol)
  ) {
    throw invalidArgument("Invalid range: the end index must not be before the start index");
  }
  const emptyRows = endRowRaw !== undefined && endRowRaw === startRow;
  const emptyCols = endColRaw !== undefined && endColRaw === startCol;
  if ((startRow >= rowCount || startCol >= columnCount) && !emptyRows && !emptyCols) {
    // Open on both ends, Google names the columns up to the grid's last one.
    const endCol = endColRaw ?? (endRowRaw === undefined ? columnCount : undefined);
    const text = formatA1(sheet.properties.title, {
      startRow,
      startCol,
      endRow: endRowRaw,
      endCol,
    });
    throw invalidArgument(
      `Range (${text}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
    );
  }
  return {
    sheet,
    rect: {
      startRow,
      startCol,
      endRow: Math.min(endRowRaw ?? rowCount, rowCount),
      endCol: Math.min(endColRaw ?? columnCount, columnCount),
    },
  };
}

/** A GridRange as Google echoes it back: sheetId always, zero starts omitted. */
export function gridRangeJson(sheet: SheetState, rect: BoundedRect): JsonObject {
  const out: JsonObject = { sheetId: sheet.properties.sheetId };
  if (rect.startRow) out.startRowIndex = rect.startRow;
  out.endRowIndex = rect.endRow;
  if (rect.startCol) out.startColumnIndex = rect.startCol;
  out.endColumnIndex = rect.endCol;
  return out;
}

export function rectOfGridRange(gr: JsonObject): BoundedRect {
  return {
    startRow: intField(gr, "startRowIndex", 0),
    startCol: intField(gr, "startColumnIndex", 0),
    endRow: intField(gr, "endRowIndex", Number.MAX_SAFE_INTEGER),
    endCol: intField(gr, "endColumnIndex", Number.MAX_SAFE_INTEGER),
  };
}

export function rectsOverlap(a: BoundedRect, b: BoundedRect): boolean {
  return (
    a.startRow < b.endRow && b.startRow < a.endRow && a.startCol < b.endCol && b.startCol < a.endCol
  );
}

export function rectContains(outer: BoundedRect, inner: BoundedRect): boolean {
  return (
    outer.startRow <= inner.startRow &&
    outer.startCol <= inner.startCol &&
    outer.endRow >= inner.endRow &&
    outer.endCol >= inner.endCol
  );
}

export function describe(sheet: SheetState, rect: BoundedRect): string {
  return a1Of(sheet, rect);
}
