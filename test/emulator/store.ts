// In-memory spreadsheets. Values are kept as the API returns them with UNFORMATTED_VALUE and
// SERIAL_NUMBER; rows are ragged, an empty cell is `undefined`.

import type { Cell, JsonObject } from "./cell.ts";
import { hasContent, isEmptyCell } from "./cell.ts";
import type { DriveMetadata } from "./drive-metadata.ts";

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  hideGridlines?: boolean;
  rowGroupControlAfter?: boolean;
  columnGroupControlAfter?: boolean;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: "GRID";
  gridProperties: GridProperties;
  hidden?: boolean;
  tabColor?: JsonObject;
  tabColorStyle?: JsonObject;
  rightToLeft?: boolean;
}

export interface SheetState {
  properties: SheetProperties;
  rows: (Cell | undefined)[][];
  merges: JsonObject[];
  protectedRanges: JsonObject[];
  basicFilter?: JsonObject;
  charts: JsonObject[];
  conditionalFormats: JsonObject[];
  rowMetadata: Record<string, JsonObject>;
  columnMetadata: Record<string, JsonObject>;
}

export interface Faults {
  deny: boolean;
  /** Calls still to be failed. */
  failFirst: number;
  failStatus: number;
  latencyMs: number;
}

export interface SpreadsheetState {
  spreadsheetId: string;
  properties: { title: string; locale: string; timeZone: string; autoRecalc: string };
  sheets: SheetState[];
  faults: Faults;
  /** The file as the Drive API shows it. */
  drive: DriveMetadata;
}

export class Store {
  readonly spreadsheets = new Map<string, SpreadsheetState>();

  get(id: string): SpreadsheetState | undefined {
    return this.spreadsheets.get(id);
  }

  put(state: SpreadsheetState): void {
    this.spreadsheets.set(state.spreadsheetId, state);
  }

  delete(id: string): boolean {
    return this.spreadsheets.delete(id);
  }

  ids(): string[] {
    return [...this.spreadsheets.keys()].sort();
  }
}

/** A stable, non-sequential id for seeded tabs after the first, as Google's are random. */
export function derivedSheetId(spreadsheetId: string, title: string, taken: Set<number>): number {
  let h = 2166136261;
  for (const ch of `${spreadsheetId}\u0000${title}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  let id = (h % 2_000_000_000) + 1;
  while (taken.has(id)) id += 1;
  return id;
}

export function randomSheetId(taken: Set<number>): number {
  let id = 0;
  while (id === 0 || taken.has(id)) id = 1 + Math.floor(Math.random() * 2_147_483_646);
  return id;
}

export function emptySheet(properties: SheetProperties): SheetState {
  return {
    properties,
    rows: [],
    merges: [],
    protectedRanges: [],
    charts: [],
    conditionalFormats: [],
    rowMetadata: {},
    columnMetadata: {},
  };
}

export function getCell(sheet: SheetState, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

/** Returns the cell at (row, col), creating it; callers delete empties with `tidyCell`. */
export function cellAt(sheet: SheetState, row: number, col: number): Cell {
  while (sheet.rows.length <= row) sheet.rows.push([]);
  const r = sheet.rows[row] as (Cell | undefined)[];
  let cell = r[col];
  if (!cell) {
    cell = {};
    r[col] = cell;
  }
  return cell;
}

export function tidyCell(sheet: SheetState, row: number, col: number): void {
  const r = sheet.rows[row];
  const cell = r?.[col];
  if (r && cell && !hasContent(cell)) r[col] = undefined;
}

/** Extent of cells holding a value (not just formatting): [rows, cols]. */
export function valueExtent(sheet: SheetState): [number, number] {
  let rows = 0;
  let cols = 0;
  sheet.rows.forEach((r, i) => {
    r.forEach((c, j) => {
      if (!isEmptyCell(c)) {
        rows = i + 1;
        cols = Math.max(cols, j + 1);
      }
    });
  });
  return [rows, cols];
}

/** Google's limits: 10 million cells per spreadsheet, 50,000 characters per cell. */
export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;

export function cellLimitError(ss: SpreadsheetState): string | undefined {
  const cells = ss.sheets.reduce(
    (n, s) => n + s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount,
    0,
  );
  if (cells <= MAX_CELLS) return undefined;
  return `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
}

export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Drops rows/columns beyond the grid, as shrinking a grid does. */
export function truncateToGrid(sheet: SheetState): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  sheet.rows.length = Math.min(sheet.rows.length, rowCount);
  for (const r of sheet.rows) if (r.length > columnCount) r.length = columnCount;
}
