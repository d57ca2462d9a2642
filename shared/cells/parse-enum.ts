import type { EnumColumn } from "../schema/template.ts";
import { displayValue, foldKey, isBlank } from "../text/fold.ts";
import type { CellResult } from "./result.ts";

const lookups = new WeakMap<EnumColumn, Map<string, string>>();

/** Folded spelling → canonical value, for the values and the declared aliases. */
function lookupFor(column: EnumColumn): Map<string, string> {
  let lookup = lookups.get(column);
  if (!lookup) {
    lookup = new Map();
    for (const value of column.values) lookup.set(foldKey(value), value);
    for (const [alias, value] of Object.entries(column.aliases ?? {})) {
      lookup.set(foldKey(alias), value);
    }
    lookups.set(column, lookup);
  }
  return lookup;
}

/** An enum cell, matched however it was typed (NFD, case, spacing, tone placement, alias). */
export function parseEnum(column: EnumColumn, raw: unknown): CellResult<string> {
  if (isBlank(raw)) return { ok: true, value: null };
  if (typeof raw !== "string" && typeof raw !== "number") return notAllowed(column, raw);
  const value = lookupFor(column).get(foldKey(String(raw)));
  return value === undefined ? notAllowed(column, raw) : { ok: true, value };
}

function notAllowed(column: EnumColumn, raw: unknown): CellResult<string> {
  return {
    ok: false,
    message: `"${displayValue(raw)}" không có trong danh sách. Hãy chọn một trong: ${column.values.join("; ")}.`,
  };
}
