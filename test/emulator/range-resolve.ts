// Turns A1 text into a tab and a rectangle of its grid, with Google's refusals: text that names
// no tab is "Unable to parse range", a range starting outside the grid "exceeds grid limits";
// a range ending outside it is clipped to the grid (reads) or grows it (writes).

import type { GridRect } from "./a1-range.ts";
import { formatA1, parseA1 } from "./a1-range.ts";
import { exceedsGridLimits, unableToParseRange } from "./google-error.ts";
import type { SheetState, SpreadsheetState } from "./store.ts";

export interface BoundedRect {
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

export interface ResolvedRange {
  sheet: SheetState;
  /** As written; open ends stay open. */
  rect: GridRect;
  singleCell: boolean;
  text: string;
}

/** Exact title first; then case-insensitively, as Sheets accepts `sheet1!A1` for `Sheet1`. */
export function findSheetByTitle(ss: SpreadsheetState, title: string): SheetState | undefined {
  const exact = ss.sheets.find((s) => s.properties.title === title);
  if (exact) return exact;
  const lower = title.toLowerCase();
  return ss.sheets.find((s) => s.properties.title.toLowerCase() === lower);
}

export function findSheetById(ss: SpreadsheetState, sheetId: number): SheetState | undefined {
  return ss.sheets.find((s) => s.properties.sheetId === sheetId);
}

const WHOLE: GridRect = { startRow: 0, startCol: 0, endRow: undefined, endCol: undefined };

export function resolveRange(ss: SpreadsheetState, text: string): ResolvedRange {
  for (const p of parseA1(text)) {
    const sheet = p.sheetTitle === undefined ? ss.sheets[0] : findSheetByTitle(ss, p.sheetTitle);
    if (sheet) return { sheet, rect: p.rect ?? WHOLE, singleCell: p.singleCell, text };
  }
  throw unableToParseRange(text);
}

export function checkStartInGrid(sheet: SheetState, rect: GridRect, text: string): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (rect.startRow >= rowCount || rect.startCol >= columnCount) {
    throw exceedsGridLimits(text, rowCount, columnCount);
  }
}

/** The rectangle limited to the grid; refuses one that starts outside it. */
export function clipToGrid(sheet: SheetState, rect: GridRect, text: string): BoundedRect {
  checkStartInGrid(sheet, rect, text);
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  return {
    startRow: rect.startRow,
    startCol: rect.startCol,
    endRow: Math.min(rect.endRow ?? rowCount, rowCount),
    endCol: Math.min(rect.endCol ?? columnCount, columnCount),
  };
}

/** The A1 text Google echoes for a rectangle of a tab, e.g. `'Đơn vị'!A1:D1000`. */
export function a1Of(sheet: SheetState, rect: BoundedRect): string {
  return formatA1(sheet.properties.title, rect);
}
