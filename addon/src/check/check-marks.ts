import { cellA1 } from "../gas/a1-notation.ts";
import type { GasProperties, GasSheet } from "../gas/types.ts";
import { decodeTracked, encodeTracked, type TrackedCell } from "./tracked-cells.ts";

/** Starts the part of a cell note the data check wrote; the person's own note stays above it. */
export const NOTE_MARK = "⚠ Kiểm tra dữ liệu (Báo cáo QCDC):";
export const ERROR_BACKGROUND = "#f4cccc";
export const WARNING_BACKGROUND = "#fff2cc";
/** Cells highlighted per tab per run; the sidebar lists every problem regardless. */
export const MAX_MARKS_PER_TAB = 300;
export const TRACKING_KEY_PREFIX = "QCDC_CHECK_MARKS_";

const DEFAULT_BACKGROUND = "#ffffff";
const OUR_COLORS = new Set([ERROR_BACKGROUND, WARNING_BACKGROUND]);

export interface CellMark {
  readonly row: number;
  readonly column: number;
  readonly severity: "error" | "warning";
  readonly text: string;
}

/**
 * Replaces the marks of the previous check on one sheet with `marks`, in one read and one
 * write of the notes and one background call per colour. Old marks are found two ways:
 * notes carrying NOTE_MARK (these move with the cell when rows are inserted or deleted)
 * and the cells recorded in document properties (with the background each had before),
 * so a person's own notes and colours come back as they were.
 */
export function replaceMarks(
  sheet: GasSheet,
  properties: GasProperties,
  marks: readonly CellMark[],
): number {
  const key = `${TRACKING_KEY_PREFIX}${sheet.getSheetId()}`;
  // Rows or columns deleted since: forget marks that fall outside the grid.
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const tracked = decodeTracked(properties.getProperty(key)).filter(
    (t) => t.row <= maxRows && t.column <= maxColumns,
  );
  const rows = Math.max(
    sheet.getLastRow(),
    ...tracked.map((t) => t.row),
    ...marks.map((m) => m.row),
  );
  const columns = Math.max(
    sheet.getLastColumn(),
    ...tracked.map((t) => t.column),
    ...marks.map((m) => m.column),
  );
  if (rows < 1 || columns < 1) {
    if (tracked.length > 0) properties.deleteProperty(key);
    return 0;
  }
  const range = sheet.getRange(1, 1, rows, columns);
  const notes = range.getNotes();
  const before = range.getBackgrounds().map((row) => row.map(normalColor));
  const after = before.map((row) => [...row]);
  let notesChanged = false;

  const original = new Map(tracked.map((t) => [`${t.row}:${t.column}`, t.original]));
  const restore = (r: number, c: number) => {
    if (OUR_COLORS.has(after[r]?.[c] ?? "")) {
      after[r]![c] = original.get(`${r + 1}:${c + 1}`) ?? DEFAULT_BACKGROUND;
    }
  };
  notes.forEach((row, r) => {
    row.forEach((note, c) => {
      const index = note.indexOf(NOTE_MARK);
      if (index < 0) return;
      row[c] = note.slice(0, index).trimEnd();
      notesChanged = true;
      restore(r, c);
    });
  });
  for (const t of tracked) restore(t.row - 1, t.column - 1);

  const nextTracked: TrackedCell[] = [];
  for (const mark of mergeByCell(marks).slice(0, MAX_MARKS_PER_TAB)) {
    const r = mark.row - 1;
    const c = mark.column - 1;
    const kept = after[r]![c]!;
    nextTracked.push({
      row: mark.row,
      column: mark.column,
      original: kept === DEFAULT_BACKGROUND ? null : kept,
    });
    const own = notes[r]![c]!;
    notes[r]![c] =
      own === "" ? `${NOTE_MARK}\n${mark.text}` : `${own}\n\n${NOTE_MARK}\n${mark.text}`;
    notesChanged = true;
    after[r]![c] = mark.severity === "error" ? ERROR_BACKGROUND : WARNING_BACKGROUND;
  }

  if (notesChanged) range.setNotes(notes);
  for (const [color, cells] of backgroundChanges(before, after)) {
    sheet.getRangeList(cells).setBackground(color === DEFAULT_BACKGROUND ? null : color);
  }
  if (nextTracked.length > 0) properties.setProperty(key, encodeTracked(nextTracked));
  else if (tracked.length > 0) properties.deleteProperty(key);
  return nextTracked.length;
}

/** Two problems in one cell (rare) share the highlight; the note lists both. */
function mergeByCell(marks: readonly CellMark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const mark of marks) {
    const id = `${mark.row}:${mark.column}`;
    const seen = byCell.get(id);
    byCell.set(
      id,
      seen
        ? {
            ...seen,
            severity: seen.severity === "error" ? "error" : mark.severity,
            text: `${seen.text}\n${mark.text}`,
          }
        : mark,
    );
  }
  return [...byCell.values()];
}

/** Target colour → A1 cells whose background must change to it. */
function backgroundChanges(before: string[][], after: string[][]): Map<string, string[]> {
  const changes = new Map<string, string[]>();
  after.forEach((row, r) => {
    row.forEach((color, c) => {
      if (color === before[r]?.[c]) return;
      const list = changes.get(color) ?? [];
      list.push(cellA1(r + 1, c + 1));
      changes.set(color, list);
    });
  });
  return changes;
}

function normalColor(color: string | null | undefined): string {
  return (color || DEFAULT_BACKGROUND).toLowerCase();
}
