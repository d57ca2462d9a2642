// The local preview: one self-contained HTML page showing a spreadsheet (the Sheets API
// Spreadsheet resource, fetched with grid data) as Sheets would: a tab bar, each visible tab's
// cells with their formats, and its charts drawn by Chart.js from their stored specs. No
// network: the script and styles are inside the page.

import type { sheets_v4 } from "@googleapis/sheets";
import { cssColor } from "./cell-style.ts";
import type { PlacedChart } from "./chart-placement.ts";
import { placeCharts } from "./chart-placement.ts";
import { clientBundle } from "./client-bundle.ts";
import { escapeHtml, jsonForScript } from "./escape.ts";
import type { SheetGrid } from "./grid-model.ts";
import { countToReach, sheetGrid } from "./grid-model.ts";
import { PAGE_CSS } from "./page-style.ts";
import type { Extent } from "./render-grid.ts";
import { COLUMN_HEADER_PX, gridHtml, ROW_HEADER_PX } from "./render-grid.ts";

/** Empty rows and columns drawn past the used ones, and the least drawn, as a sheet shows. */
const MARGIN_ROWS = 10;
const MARGIN_COLUMNS = 2;
const MIN_ROWS = 20;
const MIN_COLUMNS = 8;
/**
 * A bound on each tab's rows, so a large province still gives a page a browser opens
 * quickly; the rest is in the CSV files beside the page.
 */
export const MAX_ROWS_PER_TAB = 3000;

export interface PreviewOptions {
  /** The page's script; by default the bundled client with Chart.js. */
  readonly script?: string;
}

function extentOf(grid: SheetGrid, charts: PlacedChart[]): Extent {
  let rows = Math.max(grid.usedRows + MARGIN_ROWS, MIN_ROWS);
  let columns = Math.max(grid.usedColumns + MARGIN_COLUMNS, MIN_COLUMNS);
  for (const c of charts) {
    rows = Math.max(
      rows,
      countToReach(grid.rowHeights, grid.hiddenRows, c.top + c.height - COLUMN_HEADER_PX) + 1,
    );
    columns = Math.max(
      columns,
      countToReach(grid.columnWidths, grid.hiddenColumns, c.left + c.width - ROW_HEADER_PX) + 1,
    );
  }
  return {
    rows: Math.min(rows, grid.rowCount, MAX_ROWS_PER_TAB),
    columns: Math.min(columns, grid.columnCount),
  };
}

function chartHtml(c: PlacedChart): string {
  const box = `left:${c.left}px;top:${c.top}px;width:${c.width}px;height:${c.height}px;background:${c.background}`;
  const label = escapeHtml(c.title || "Biểu đồ");
  const inner = c.config
    ? `<canvas id="${escapeHtml(c.canvasId)}" width="${c.width}" height="${c.height}" role="img" aria-label="${label}"></canvas>`
    : `<div class="undrawn">${label}: bản xem trước chưa vẽ được loại biểu đồ ${escapeHtml(c.kind)}.</div>`;
  return `<div class="chart" style="${escapeHtml(box)}">${inner}</div>`;
}

function tabButton(grid: SheetGrid, selected: boolean): string {
  const p = grid.sheet.properties ?? {};
  const colour = cssColor(p.tabColorStyle, p.tabColor);
  const style = colour ? ` style="border-bottom-color:${escapeHtml(colour)}"` : "";
  return `<button type="button" role="tab" data-gid="${grid.sheetId}" aria-selected="${selected}"${style}>${escapeHtml(grid.title)}</button>`;
}

export function renderPreview(
  spreadsheet: sheets_v4.Schema$Spreadsheet,
  options: PreviewOptions = {},
): string {
  const id = spreadsheet.spreadsheetId ?? "";
  const title = spreadsheet.properties?.title ?? id;
  const all = (spreadsheet.sheets ?? []).map(sheetGrid);
  const grids = new Map(all.map((g) => [g.sheetId, g]));
  // Hidden tabs are not in Sheets' tab bar either.
  const visible = all.filter((g) => !g.sheet.properties?.hidden);
  const entries: { canvasId: string; config: unknown }[] = [];
  const sections = visible.map((grid, i) => {
    const charts = placeCharts(grid, grids);
    for (const c of charts) if (c.config) entries.push({ canvasId: c.canvasId, config: c.config });
    const extent = extentOf(grid, charts);
    const table = gridHtml(grid, extent, id);
    const cut =
      grid.usedRows > extent.rows
        ? `<p class="cut">Bản xem trước chỉ hiện ${extent.rows.toLocaleString("vi-VN")} dòng đầu trong ${grid.usedRows.toLocaleString("vi-VN")} dòng của trang tính này; đủ cả trong tệp CSV cùng thư mục.</p>`
        : "";
    const hidden = i === 0 ? "" : " hidden";
    return `<section class="sheet" role="tabpanel" data-gid="${grid.sheetId}" aria-label="${escapeHtml(grid.title)}"${hidden}><div class="area">${table}${charts.map(chartHtml).join("")}</div>${cut}</section>`;
  });
  const tabs = visible.map((g, i) => tabButton(g, i === 0)).join("");
  const script = options.script ?? clientBundle();
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · bản xem trước</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="top"><h1>${escapeHtml(title)}</h1><span class="sub">Bản xem trước cục bộ, chỉ để xem · ${visible.length} trang tính</span></header>
<noscript><p>Cần bật JavaScript để chuyển trang tính và vẽ biểu đồ.</p></noscript>
<main>${sections.join("")}</main>
<nav class="tabs" role="tablist" aria-label="Trang tính">${tabs}</nav>
<script type="application/json" id="qcdc-charts">${jsonForScript(entries)}</script>
<script>${script}</script>
</body>
</html>
`;
}
