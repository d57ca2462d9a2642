import { foldKey } from "./text/fold.ts";

/** The header may sit under a title the add-on (or a person) put above it, never lower. */
export const HEADER_SEARCH_ROWS = 10;

/** A column a header row should name: its key and the header text people see. */
export interface WantedHeader<K extends string> {
  readonly key: K;
  readonly header: string;
}

export interface HeaderRow<K extends string> {
  /** 1-based sheet row of the header; the data starts at `values[headerRow]`. */
  readonly headerRow: number;
  /** Column key → 0-based column index, for the headers found in that row. */
  readonly columns: Map<K, number>;
}

// Folded header → key, built once per list of wanted headers (templates are constants).
const lookups = new WeakMap<readonly WantedHeader<string>[], Map<string, string>>();

function lookupFor<K extends string>(wanted: readonly WantedHeader<K>[]): Map<string, K> {
  let lookup = lookups.get(wanted);
  if (!lookup) {
    lookup = new Map(wanted.map((w) => [foldKey(w.header), w.key]));
    lookups.set(wanted, lookup);
  }
  return lookup as Map<string, K>;
}

/**
 * Finds the header row among the first HEADER_SEARCH_ROWS rows: the row naming the most
 * wanted headers (compared folded: NFC/NFD, case, spacing, tone placement), the upper one
 * on a tie. Columns may be in any order, with other columns between. A row naming fewer
 * than `minimum` headers is a title or a data row, not a header. Whether the required
 * columns are all there is the caller's call: it can name the missing ones.
 */
export function locateHeaderRow<K extends string>(
  values: readonly (readonly unknown[] | null | undefined)[],
  wanted: readonly WantedHeader<K>[],
  minimum = 2,
): HeaderRow<K> | null {
  const lookup = lookupFor(wanted);
  let best: HeaderRow<K> | null = null;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const columns = new Map<K, number>();
    row.forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const key = lookup.get(foldKey(cell));
      // A repeated header: the leftmost one is the column, as people read it.
      if (key !== undefined && !columns.has(key)) columns.set(key, c);
    });
    if (columns.size >= minimum && columns.size > (best?.columns.size ?? 0)) {
      best = { headerRow: r + 1, columns };
      // No lower row can name more: the data rows below need not be folded.
      if (columns.size === lookup.size) break;
    }
  }
  return best;
}
