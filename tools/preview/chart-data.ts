// The values a chart's data ranges point at, read from the same spreadsheet's grid data, as
// Sheets reads them: a one-column (or one-row) source in order, several sources one after the
// other, the first `headerCount` entries as headers.

import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetGrid } from "./grid-model.ts";

export interface SourceCell {
  /** What the cell shows (domain labels, series names). */
  text: string;
  /** The number, or null for text and empty cells (a gap in the series). */
  number: number | null;
}

function readCell(grid: SheetGrid, r: number, c: number): SourceCell {
  const cell = grid.cell(r, c);
  const n = cell?.effectiveValue?.numberValue;
  return { text: cell?.formattedValue ?? "", number: typeof n === "number" ? n : null };
}

/** The cells of one GridRange; an open end stops at the last used row or column. */
export function readRange(
  grids: ReadonlyMap<number, SheetGrid>,
  range: sheets_v4.Schema$GridRange,
): SourceCell[] {
  const grid = grids.get(range.sheetId ?? 0);
  if (!grid) return [];
  const r0 = range.startRowIndex ?? 0;
  const c0 = range.startColumnIndex ?? 0;
  const r1 = Math.min(range.endRowIndex ?? grid.usedRows, grid.rowCount);
  const c1 = Math.min(range.endColumnIndex ?? grid.usedColumns, grid.columnCount);
  const out: SourceCell[] = [];
  if (c1 - c0 === 1 || r1 - r0 !== 1) {
    for (let c = c0; c < c1; c++) for (let r = r0; r < r1; r++) out.push(readCell(grid, r, c));
  } else {
    for (let c = c0; c < c1; c++) out.push(readCell(grid, r0, c));
  }
  return out;
}

export function readSource(
  grids: ReadonlyMap<number, SheetGrid>,
  data: sheets_v4.Schema$ChartData | null | undefined,
): SourceCell[] {
  return (data?.sourceRange?.sources ?? []).flatMap((g) => readRange(grids, g));
}

/**
 * Sheets guesses the header count when the spec leaves it out: one header when the first
 * series starts with text followed by numbers.
 */
export function headerCountOf(
  explicit: number | null | undefined,
  firstSeries: SourceCell[],
): number {
  if (typeof explicit === "number") return explicit;
  const [head, ...rest] = firstSeries;
  return head && head.number === null && head.text !== "" && rest.some((c) => c.number !== null)
    ? 1
    : 0;
}
