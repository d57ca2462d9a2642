// Where each chart sits on its tab, in the page's pixels: anchored to a cell with offsets, as
// Sheets places an overlay chart, at the size stored in its position.

import type { sheets_v4 } from "@googleapis/sheets";
import { cssColor } from "./cell-style.ts";
import { chartConfig, chartKind } from "./chart-config.ts";
import type { SheetGrid } from "./grid-model.ts";
import { offsetOf } from "./grid-model.ts";
import { COLUMN_HEADER_PX, ROW_HEADER_PX } from "./render-grid.ts";

/** Sheets' default size of a new chart. */
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 371;

export interface PlacedChart {
  readonly canvasId: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly background: string;
  readonly title: string;
  /** The Chart.js configuration; undefined for a kind the preview does not draw. */
  readonly config: Record<string, unknown> | undefined;
  readonly kind: string;
}

export function placeCharts(grid: SheetGrid, grids: ReadonlyMap<number, SheetGrid>): PlacedChart[] {
  return (grid.sheet.charts ?? []).map((chart, i) => {
    const spec = chart.spec ?? {};
    const overlay = chart.position?.overlayPosition;
    const anchor = overlay?.anchorCell;
    const row = anchor?.rowIndex ?? 0;
    const col = anchor?.columnIndex ?? 0;
    return {
      canvasId: `chart-${grid.sheetId}-${chart.chartId ?? i}`,
      left:
        ROW_HEADER_PX +
        offsetOf(grid.columnWidths, grid.hiddenColumns, col) +
        (overlay?.offsetXPixels ?? 0),
      top:
        COLUMN_HEADER_PX +
        offsetOf(grid.rowHeights, grid.hiddenRows, row) +
        (overlay?.offsetYPixels ?? 0),
      width: overlay?.widthPixels || DEFAULT_WIDTH,
      height: overlay?.heightPixels || DEFAULT_HEIGHT,
      background: cssColor(spec.backgroundColorStyle, spec.backgroundColor) ?? "#ffffff",
      title: spec.title ?? "",
      config: chartConfig(spec as sheets_v4.Schema$ChartSpec, grids),
      kind: chartKind(spec),
    };
  });
}
