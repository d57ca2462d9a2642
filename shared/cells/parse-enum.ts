import type { EnumColumn } from "../schema/template.ts";
import { displayValue, foldKey, isBlank } from "../text/fold.ts";
import { StringCache } from "../text/string-cache.ts";
import { BLANK, type CellResult } from "./result.ts";

interface Lookup {
  /** Folded spelling → the result for its canonical value. */
  readonly folded: Map<string, CellResult<string>>;
  /**
   * The cells as typed that matched: a dropdown cell is one of a few spellings, so the
   * next one typed the same way is one lookup (no blank test, no fold). Bounded: a
   * hundred spellings a value is more than offices type.
   */
  readonly typed: StringCache<CellResult<string>>;
}

const lookups = new WeakMap<EnumColumn, Lookup>();

/**
 * Folded spelling → the result for its canonical value, for the values and the declared
 * aliases. One frozen result per value: a dropdown cell allocates nothing.
 */
function lookupFor(column: EnumColumn): Lookup {
  let lookup = lookups.get(column);
  if (!lookup) {
    const found = new Map<string, CellResult<string>>();
    const results = new Map<string, CellResult<string>>();
    const add = (spelling: string, value: string) => {
      let result = results.get(value);
      if (!result) {
        result = Object.freeze({ ok: true as const, value });
        results.set(value, result);
      }
      found.set(foldKey(spelling), result);
    };
    for (const value of column.values) add(value, value);
    for (const [alias, value] of Object.entries(column.aliases ?? {})) add(alias, value);
    lookup = { folded: found, typed: new StringCache(100 * column.values.length) };
    lookups.set(column, lookup);
  }
  return lookup;
}

/** An enum cell, matched however it was typed (NFD, case, spacing, tone placement, alias). */
export function parseEnum(column: EnumColumn, raw: unknown): CellResult<string> {
  const lookup = lookupFor(column);
  if (typeof raw === "string") {
    const known = lookup.typed.get(raw);
    if (known !== undefined) return known;
  }
  if (isBlank(raw)) return BLANK;
  if (typeof raw !== "string" && typeof raw !== "number") return notAllowed(column, raw);
  const found = lookup.folded.get(foldKey(String(raw)));
  if (found === undefined) return notAllowed(column, raw);
  if (typeof raw === "string") lookup.typed.set(raw, found);
  return found;
}

function notAllowed(column: EnumColumn, raw: unknown): CellResult<string> {
  return {
    ok: false,
    message: `"${displayValue(raw)}" không có trong danh sách. Hãy chọn một trong: ${column.values.join("; ")}.`,
  };
}
