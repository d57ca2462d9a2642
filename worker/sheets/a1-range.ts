/**
 * A1 ranges with a sheet name, built so any tab title is safe: the title is always quoted
 * and an apostrophe inside it is doubled (`Cán bộ's` → `'Cán bộ''s'`). The title is used
 * exactly as given, never normalised: a tab typed in decomposed Vietnamese (NFD) only
 * matches its own bytes, so callers pass the title Google returned for that sheet.
 */

/** `'Title'` with inner apostrophes doubled. */
export function quoteSheetTitle(title: string): string {
  if (title.length === 0) throw new RangeError("a sheet title cannot be empty");
  return `'${title.replaceAll("'", "''")}'`;
}

// Cell ranges in A1 notation: A1, A1:B2, A:C, 1:5, A2:Z (open-ended). R1C1 is not used.
const CELL_RANGE = /^(?:[A-Za-z]{1,3}\d*|\d+)(?::(?:[A-Za-z]{1,3}\d*|\d+))?$/;

/**
 * `'Title'!A1:Z` or, without `range`, `'Title'` (every cell of the tab).
 * Throws on a cell range that is not plain A1, since splicing arbitrary text after `!`
 * could address another sheet.
 */
export function a1Range(title: string, range?: string): string {
  const quoted = quoteSheetTitle(title);
  if (range === undefined || range === "") return quoted;
  if (!CELL_RANGE.test(range)) throw new RangeError(`not an A1 cell range: ${range}`);
  return `${quoted}!${range}`;
}
