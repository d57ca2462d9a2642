// One tab of a Sheets API Spreadsheet (fetched with grid data) as a grid the page can draw:
// cells by position whatever GridData blocks they came in, sizes, frozen panes, merges.

import type { sheets_v4 } from "@googleapis/sheets";

type CellData = sheets_v4.Schema$CellData;

/** Sheets' defaults when a tab's metadata does not say. */
export const DEFAULT_ROW_PX = 21;
export const DEFAULT_COLUMN_PX = 100;

export interface Merge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SheetGrid {
  readonly sheet: sheets_v4.Schema$Sheet;
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly hideGridlines: boolean;
  readonly rowHeights: number[];
  readonly columnWidths: number[];
  readonly hiddenRows: Set<number>;
  readonly hiddenColumns: Set<number>;
  /** Merges by their top-left cell, `r:c`. */
  readonly merges: Map<string, Merge>;
  /** Cells a merge covers other than its top-left one. */
  readonly covered: Set<string>;
  cell(row: number, col: number): CellData | undefined;
  /** Rows and columns holding anything worth drawing (values, formats, merges, frozen panes). */
  readonly usedRows: number;
  readonly usedColumns: number;
}

const key = (r: number, c: number) => `${r}:${c}`;

function hasAnything(cell: CellData | undefined): boolean {
  return !!cell && Object.keys(cell).length > 0;
}

export function sheetGrid(sheet: sheets_v4.Schema$Sheet): SheetGrid {
  const props = sheet.properties ?? {};
  const gp = props.gridProperties ?? {};
  const rowCount = gp.rowCount ?? 0;
  const columnCount = gp.columnCount ?? 0;
  const cells = new Map<string, CellData>();
  const rowHeights = Array.from({ length: rowCount }, () => DEFAULT_ROW_PX);
  const columnWidths = Array.from({ length: columnCount }, () => DEFAULT_COLUMN_PX);
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  let usedRows = gp.frozenRowCount ?? 0;
  let usedColumns = gp.frozenColumnCount ?? 0;
  for (const block of sheet.data ?? []) {
    const r0 = block.startRow ?? 0;
    const c0 = block.startColumn ?? 0;
    (block.rowData ?? []).forEach((row, i) => {
      (row.values ?? []).forEach((cell, j) => {
        if (!hasAnything(cell)) return;
        cells.set(key(r0 + i, c0 + j), cell);
        usedRows = Math.max(usedRows, r0 + i + 1);
        usedColumns = Math.max(usedColumns, c0 + j + 1);
      });
    });
    (block.rowMetadata ?? []).forEach((m, i) => {
      if (r0 + i >= rowCount) return;
      if (m.pixelSize !== undefined && m.pixelSize !== null) rowHeights[r0 + i] = m.pixelSize;
      if (m.hiddenByUser || m.hiddenByFilter) hiddenRows.add(r0 + i);
    });
    (block.columnMetadata ?? []).forEach((m, j) => {
      if (c0 + j >= columnCount) return;
      if (m.pixelSize !== undefined && m.pixelSize !== null) columnWidths[c0 + j] = m.pixelSize;
      if (m.hiddenByUser) hiddenColumns.add(c0 + j);
    });
  }
  const merges = new Map<string, Merge>();
  const covered = new Set<string>();
  for (const g of sheet.merges ?? []) {
    const row = g.startRowIndex ?? 0;
    const col = g.startColumnIndex ?? 0;
    const rows = (g.endRowIndex ?? rowCount) - row;
    const cols = (g.endColumnIndex ?? columnCount) - col;
    if (rows < 1 || cols < 1 || rows * cols === 1) continue;
    merges.set(key(row, col), { row, col, rows, cols });
    for (let r = row; r < row + rows; r++)
      for (let c = col; c < col + cols; c++) if (r !== row || c !== col) covered.add(key(r, c));
    usedRows = Math.max(usedRows, row + rows);
    usedColumns = Math.max(usedColumns, col + cols);
  }
  return {
    sheet,
    sheetId: props.sheetId ?? 0,
    title: props.title ?? "",
    rowCount,
    columnCount,
    frozenRows: Math.min(gp.frozenRowCount ?? 0, rowCount),
    frozenColumns: Math.min(gp.frozenColumnCount ?? 0, columnCount),
    hideGridlines: gp.hideGridlines === true,
    rowHeights,
    columnWidths,
    hiddenRows,
    hiddenColumns,
    merges,
    covered,
    cell: (row, col) => cells.get(key(row, col)),
    usedRows: Math.min(usedRows, rowCount),
    usedColumns: Math.min(usedColumns, columnCount),
  };
}

/** The pixel offset of the start of row (or column) `index`, skipping hidden ones. */
export function offsetOf(sizes: number[], hidden: Set<number>, index: number): number {
  let px = 0;
  for (let i = 0; i < Math.min(index, sizes.length); i++) if (!hidden.has(i)) px += sizes[i] ?? 0;
  return px;
}

/** How many rows (or columns) from the start it takes to reach `px` pixels. */
export function countToReach(sizes: number[], hidden: Set<number>, px: number): number {
  let sum = 0;
  for (let i = 0; i < sizes.length; i++) {
    if (sum >= px) return i;
    if (!hidden.has(i)) sum += sizes[i] ?? 0;
  }
  return sizes.length;
}

/** `A`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
