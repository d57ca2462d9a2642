// One tab as an HTML table that looks like Sheets: column letters and row numbers, widths and
// heights from the tab's metadata, merged cells, frozen rows (a sticky table head) and frozen
// columns (sticky cells), gridlines unless hidden, cell borders, notes as tooltips.

import type { sheets_v4 } from "@googleapis/sheets";
import { cellContentHtml } from "./cell-content.ts";
import { bordersOf, cellFormatCss } from "./cell-style.ts";
import { escapeHtml } from "./escape.ts";
import type { SheetGrid } from "./grid-model.ts";
import { columnLetters, offsetOf } from "./grid-model.ts";

export const ROW_HEADER_PX = 46;
export const COLUMN_HEADER_PX = 20;

/** Rows and columns to draw: what is used, what the charts cover, and a little empty margin. */
export interface Extent {
  rows: number;
  columns: number;
}

function isEmpty(cell: sheets_v4.Schema$CellData | undefined): boolean {
  return !cell?.formattedValue;
}

/** Cell declarations for one position, with the borders it owns (right and bottom). */
function cellCss(grid: SheetGrid, r: number, c: number, rows: number, cols: number): string[] {
  const cell = grid.cell(r, c);
  const css = cell ? cellFormatCss(cell) : [];
  const own = bordersOf(cell);
  // A border between two cells belongs to the one on its left/top, so each is drawn once.
  const right = own.right ?? bordersOf(grid.cell(r, c + cols)).left;
  const bottom = own.bottom ?? bordersOf(grid.cell(r + rows, c)).top;
  // Gridlines come from the stylesheet; only real borders are written per cell.
  if (right) css.push(`border-right:${right}`);
  if (bottom) css.push(`border-bottom:${bottom}`);
  if (own.top && r === 0) css.push(`border-top:${own.top}`);
  if (own.left && c === 0) css.push(`border-left:${own.left}`);
  // Sheets lets text run on into empty cells to the right; a full neighbour clips it.
  const wraps = css.some((d) => d.startsWith("white-space:pre-wrap"));
  if (!wraps && isEmpty(grid.cell(r, c + cols)) && cell?.formattedValue)
    css.push("overflow:visible");
  if (c < grid.frozenColumns) {
    const left = ROW_HEADER_PX + offsetOf(grid.columnWidths, grid.hiddenColumns, c);
    css.push("position:sticky", `left:${left}px`, "z-index:1");
    if (!css.some((d) => d.startsWith("background-color"))) css.push("background-color:#fff");
  }
  return css;
}

/** The header row of the tab's filter shows a filter button in each of its cells, as in Sheets. */
function inFilterHeader(grid: SheetGrid, r: number, c: number): boolean {
  const f = grid.sheet.basicFilter?.range;
  if (!f || r !== (f.startRowIndex ?? 0)) return false;
  return c >= (f.startColumnIndex ?? 0) && c < (f.endColumnIndex ?? grid.columnCount);
}

function rowHtml(grid: SheetGrid, r: number, extent: Extent, spreadsheetId: string): string {
  const height = grid.rowHeights[r] ?? 21;
  const frozenEdge = r === grid.frozenRows - 1 ? " frozen-edge" : "";
  const parts = [`<tr style="height:${height}px"><th class="rh${frozenEdge}">${r + 1}</th>`];
  for (let c = 0; c < extent.columns; c++) {
    if (grid.hiddenColumns.has(c)) continue;
    const k = `${r}:${c}`;
    if (grid.covered.has(k)) continue;
    const merge = grid.merges.get(k);
    const rows = merge ? Math.min(merge.rows, extent.rows - r) : 1;
    const cols = merge ? Math.min(merge.cols, extent.columns - c) : 1;
    const cell = grid.cell(r, c);
    const attrs = [`data-ref="${columnLetters(c)}${r + 1}"`];
    if (rows > 1) attrs.push(`rowspan="${rows}"`);
    if (cols > 1) attrs.push(`colspan="${cols}"`);
    const classes = [
      c === grid.frozenColumns - 1 ? "frozen-col-edge" : "",
      cell?.note ? "has-note" : "",
      inFilterHeader(grid, r, c) ? "filter" : "",
    ]
      .filter(Boolean)
      .join(" ");
    if (classes) attrs.push(`class="${classes}"`);
    if (cell?.note) attrs.push(`title="${escapeHtml(cell.note)}"`);
    const css = cellCss(grid, r, c, rows, cols);
    if (css.length) attrs.push(`style="${escapeHtml(css.join(";"))}"`);
    parts.push(`<td ${attrs.join(" ")}>${cellContentHtml(cell, spreadsheetId)}</td>`);
  }
  parts.push("</tr>");
  return parts.join("");
}

/** The table of one tab; `spreadsheetId` makes links into the same spreadsheet local. */
export function gridHtml(grid: SheetGrid, extent: Extent, spreadsheetId: string): string {
  const cols: string[] = [`<col style="width:${ROW_HEADER_PX}px">`];
  const heads: string[] = ['<th class="corner"></th>'];
  let width = ROW_HEADER_PX;
  for (let c = 0; c < extent.columns; c++) {
    if (grid.hiddenColumns.has(c)) continue;
    const w = grid.columnWidths[c] ?? 100;
    width += w;
    cols.push(`<col style="width:${w}px">`);
    const sticky =
      c < grid.frozenColumns
        ? ` style="position:sticky;left:${ROW_HEADER_PX + offsetOf(grid.columnWidths, grid.hiddenColumns, c)}px;z-index:4"`
        : "";
    heads.push(`<th class="ch"${sticky}>${columnLetters(c)}</th>`);
  }
  const head: string[] = [`<tr style="height:${COLUMN_HEADER_PX}px">${heads.join("")}</tr>`];
  const body: string[] = [];
  for (let r = 0; r < extent.rows; r++) {
    if (grid.hiddenRows.has(r)) continue;
    (r < grid.frozenRows ? head : body).push(rowHtml(grid, r, extent, spreadsheetId));
  }
  const classes = grid.hideGridlines ? "grid no-gridlines" : "grid";
  return `<table class="${classes}" style="width:${width}px"><colgroup>${cols.join("")}</colgroup><thead>${head.join("")}</thead><tbody>${body.join("")}</tbody></table>`;
}
