/**
 * The cells a data check highlighted on one sheet, kept in a document property between
 * runs: "row:col" or "row:col=#rrggbb" (the background the cell had before), comma
 * separated, so 300 cells stay well under the 9 KB a property value may hold.
 */
export interface TrackedCell {
  readonly row: number;
  readonly column: number;
  /** The background before highlighting, or null for the default. */
  readonly original: string | null;
}

const ITEM = /^(\d+):(\d+)(?:=(#[0-9a-f]{3,8}))?$/i;

export function encodeTracked(cells: readonly TrackedCell[]): string {
  return cells.map((c) => `${c.row}:${c.column}${c.original ? `=${c.original}` : ""}`).join(",");
}

/** Unreadable items are dropped: losing a highlight's memory beats failing the check. */
export function decodeTracked(text: string | null): TrackedCell[] {
  if (!text) return [];
  const cells: TrackedCell[] = [];
  for (const item of text.split(",")) {
    const match = ITEM.exec(item.trim());
    if (!match) continue;
    const row = Number(match[1]);
    const column = Number(match[2]);
    if (row < 1 || column < 1) continue;
    cells.push({ row, column, original: match[3]?.toLowerCase() ?? null });
  }
  return cells;
}
