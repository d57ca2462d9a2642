import type { GridRange, SheetsRequest } from "../../sheets/request-types.ts";
import type { Format } from "./cells.ts";

/**
 * A format for a rectangle of a tab: rows and columns 0-based, end exclusive. Later
 * blocks win for the format fields they name and leave the others alone, so a row's
 * background and a column's number format combine as they did when every cell had both.
 */
export interface BlockFormat {
  readonly rows: readonly [start: number, end: number];
  readonly columns: readonly [start: number, end: number];
  readonly format: Format;
}

export function block(
  rows: readonly [number, number],
  columns: readonly [number, number],
  format: Format,
): BlockFormat {
  return { rows, columns, format };
}

/** Consecutive rows with the same key, as [start, end) with that key (null keys skipped). */
export function rowRuns<K>(
  keys: readonly (K | null)[],
  firstRow: number,
): { rows: [number, number]; key: K }[] {
  const runs: { rows: [number, number]; key: K }[] = [];
  keys.forEach((key, i) => {
    if (key === null) return;
    const last = runs.at(-1);
    if (last && last.key === key && last.rows[1] === firstRow + i) last.rows[1]++;
    else runs.push({ rows: [firstRow + i, firstRow + i + 1], key });
  });
  return runs;
}

/**
 * One repeatCell per block, clipped to the grid. The field mask names each format field
 * the block sets (`userEnteredFormat.backgroundColor`, ...), so it changes nothing else.
 */
export function blockRequests(
  sheetId: number,
  blocks: readonly BlockFormat[],
  grid: { readonly rowCount: number; readonly columnCount: number },
): SheetsRequest[] {
  const requests: SheetsRequest[] = [];
  for (const { rows, columns, format } of blocks) {
    const keys = Object.keys(format);
    const endRow = Math.min(rows[1], grid.rowCount);
    const endColumn = Math.min(columns[1], grid.columnCount);
    if (!keys.length || rows[0] >= endRow || columns[0] >= endColumn) continue;
    const range: GridRange = {
      sheetId,
      startRowIndex: rows[0],
      endRowIndex: endRow,
      startColumnIndex: columns[0],
      endColumnIndex: endColumn,
    };
    requests.push({
      repeatCell: {
        range,
        cell: { userEnteredFormat: format },
        fields: keys.map((k) => `userEnteredFormat.${k}`).join(","),
      },
    });
  }
  return requests;
}
