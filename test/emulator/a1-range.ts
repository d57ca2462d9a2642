// A1 notation as the Sheets API reads and writes it: `'Kiểm tra, giám sát'!A1:Z`, `Sheet1!A:C`,
// `Sheet1!2:5`, `A1:B2` (first sheet), a bare sheet title, R1C1 cells. Parsing never touches
// Unicode normalisation: Google matches titles as typed, so an NFD title is not an NFC one.

/** A rectangle of a grid, 0-based, end-exclusive; an undefined end is open (to the grid edge). */
export interface GridRect {
  startRow: number;
  startCol: number;
  endRow: number | undefined;
  endCol: number | undefined;
}

export interface ParsedA1 {
  /** undefined when the text names no sheet (the first sheet is meant). */
  sheetTitle: string | undefined;
  /** undefined when the whole sheet is meant. */
  rect: GridRect | undefined;
  /** A lone cell (`A1`): an origin for writes, not a bound. */
  singleCell: boolean;
}

/** Sheets allows columns up to ZZZ (18,278) and at most 10 million cells per spreadsheet. */
export const MAX_COLUMNS = 18278;
export const MAX_ROWS = 10_000_000;

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^[Rr][0-9]*[Cc][0-9]*$/;
const PLAIN_TITLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Quotes a title the way Google's responses do: only when it is not a plain identifier. */
export function quoteSheetTitle(title: string): string {
  if (PLAIN_TITLE.test(title) && !CELL_LIKE.test(title) && !R1C1_LIKE.test(title)) return title;
  return `'${title.replaceAll("'", "''")}'`;
}

/** Always-quoted form, as Google's "Requested writing within range [...]" message uses. */
export function alwaysQuoted(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

function endpointText(row: number | undefined, col: number | undefined): string {
  return `${col === undefined ? "" : columnLetters(col)}${row === undefined ? "" : row + 1}`;
}

/** The cell part of a rectangle, e.g. `A1:C10`, `A2:C`, `A:C`, `3:4`, or `B7` for one cell. */
export function formatRect(rect: GridRect): string {
  if (rect.endRow === undefined && rect.endCol === undefined) {
    return endpointText(rect.startRow, rect.startCol);
  }
  const lastRow = rect.endRow === undefined ? undefined : rect.endRow - 1;
  const lastCol = rect.endCol === undefined ? undefined : rect.endCol - 1;
  if (lastRow === rect.startRow && lastCol === rect.startCol) {
    return endpointText(rect.startRow, rect.startCol);
  }
  const wholeRows = rect.startCol === 0 && rect.endCol === undefined && lastRow !== undefined;
  const wholeCols = rect.startRow === 0 && rect.endRow === undefined && lastCol !== undefined;
  if (wholeRows) return `${rect.startRow + 1}:${(lastRow ?? 0) + 1}`;
  if (wholeCols) return `${columnLetters(rect.startCol)}:${columnLetters(lastCol ?? 0)}`;
  return `${endpointText(rect.startRow, rect.startCol)}:${endpointText(lastRow, lastCol)}`;
}

export function formatA1(title: string, rect: GridRect | undefined): string {
  const quoted = quoteSheetTitle(title);
  return rect ? `${quoted}!${formatRect(rect)}` : quoted;
}

interface Endpoint {
  row: number | undefined;
  col: number | undefined;
}

const A1_ENDPOINT = /^([A-Za-z]{1,3})?([0-9]+)?$/;
const R1C1_ENDPOINT = /^[Rr]([0-9]+)[Cc]([0-9]+)$/;

function parseEndpoint(text: string): Endpoint | undefined {
  const r1c1 = R1C1_ENDPOINT.exec(text);
  if (r1c1) {
    const row = Number(r1c1[1]);
    const col = Number(r1c1[2]);
    if (row < 1 || col < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return undefined;
    return { row: row - 1, col: col - 1 };
  }
  const m = A1_ENDPOINT.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const col = m[1] === undefined ? undefined : columnIndex(m[1]);
  const row = m[2] === undefined ? undefined : Number(m[2]) - 1;
  if (row !== undefined && (row < 0 || row >= MAX_ROWS)) return undefined;
  if (col !== undefined && col >= MAX_COLUMNS) return undefined;
  return { row, col };
}

function order(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** Parses the part after `!`. Reversed corners are normalised (`B2:A1` is `A1:B2`). */
export function parseCellPart(text: string): { rect: GridRect; singleCell: boolean } | undefined {
  const parts = text.split(":");
  if (parts.length > 2) return undefined;
  const a = parseEndpoint(parts[0] ?? "");
  if (!a) return undefined;
  if (parts.length === 1) {
    if (a.row === undefined || a.col === undefined) return undefined;
    return {
      rect: { startRow: a.row, startCol: a.col, endRow: a.row + 1, endCol: a.col + 1 },
      singleCell: true,
    };
  }
  const b = parseEndpoint(parts[1] ?? "");
  if (!b) return undefined;
  const colOnlyA = a.row === undefined;
  const rowOnlyA = a.col === undefined;
  const colOnlyB = b.row === undefined;
  const rowOnlyB = b.col === undefined;
  if ((colOnlyA && rowOnlyB) || (rowOnlyA && colOnlyB)) return undefined;
  let startCol = a.col ?? 0;
  let endCol: number | undefined;
  if (b.col !== undefined) {
    const [lo, hi] = order(a.col ?? 0, b.col);
    startCol = a.col === undefined ? 0 : lo;
    endCol = a.col === undefined ? b.col + 1 : hi + 1;
  }
  let startRow = a.row ?? 0;
  let endRow: number | undefined;
  if (b.row !== undefined) {
    const [lo, hi] = order(a.row ?? 0, b.row);
    startRow = a.row === undefined ? 0 : lo;
    endRow = a.row === undefined ? b.row + 1 : hi + 1;
  }
  return { rect: { startRow, startCol, endRow, endCol }, singleCell: false };
}

/** Reads a quoted title at the start of `text`; returns it and the rest after the closing quote. */
function readQuoted(text: string): { title: string; rest: string } | undefined {
  let title = "";
  let i = 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      if (text[i + 1] === "'") {
        title += "'";
        i += 2;
        continue;
      }
      return { title, rest: text.slice(i + 1) };
    }
    title += ch;
    i += 1;
  }
  return undefined;
}

/**
 * All readings of a range string, most specific first. A bare string such as `A1` could be a
 * cell of the first sheet or a tab titled "A1"; the resolver picks the first that exists.
 */
export function parseA1(text: string): ParsedA1[] {
  if (text.length === 0) return [];
  if (text.startsWith("'")) {
    const q = readQuoted(text);
    if (!q || q.title.length === 0) return [];
    if (q.rest === "") return [{ sheetTitle: q.title, rect: undefined, singleCell: false }];
    if (!q.rest.startsWith("!")) return [];
    const cells = parseCellPart(q.rest.slice(1));
    return cells ? [{ sheetTitle: q.title, ...cells }] : [];
  }
  const out: ParsedA1[] = [];
  const bang = text.lastIndexOf("!");
  if (bang > 0) {
    const cells = parseCellPart(text.slice(bang + 1));
    if (cells) out.push({ sheetTitle: text.slice(0, bang), ...cells });
  } else if (bang < 0) {
    const cells = parseCellPart(text);
    if (cells) out.push({ sheetTitle: undefined, ...cells });
  }
  // Any unquoted text may also be a whole tab's title (Google's own samples use `Class Data`).
  out.unshift({ sheetTitle: text, rect: undefined, singleCell: false });
  return out;
}
