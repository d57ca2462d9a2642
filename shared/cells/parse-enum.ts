import type { EnumColumn } from "../schema/template.ts";
import { displayValue, foldKey, isBlank } from "../text/fold.ts";
import { BLANK, type CellResult } from "./result.ts";

const lookups = new WeakMap<EnumColumn, Map<string, CellResult<string>>>();

/**
 * Folded spelling → the result for its canonical value, for the values and the declared
 * aliases. One frozen result per value: a dropdown cell allocates nothing.
 */
function lookupFor(column: EnumColumn): Map<string, CellResult<string>> {
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
    lookups.set(column, found);
    lookup = found;
  }
  return lookup;
}

/** An enum cell, matched however it was typed (NFD, case, spacing, tone placement, alias). */
export function parseEnum(column: EnumColumn, raw: unknown): CellResult<string> {
  if (isBlank(raw)) return BLANK;
  if (typeof raw !== "string" && typeof raw !== "number") return notAllowed(column, raw);
  return lookupFor(column).get(foldKey(String(raw))) ?? notAllowed(column, raw);
}

function notAllowed(column: EnumColumn, raw: unknown): CellResult<string> {
  return {
    ok: false,
    message: `"${displayValue(raw)}" không có trong danh sách. Hãy chọn một trong: ${column.values.join("; ")}.`,
  };
}
