import type { ColumnDef } from "../schema/template.ts";
import { displayValue, isBlank, normalizeText } from "../text/fold.ts";
import { parseCount } from "./parse-count.ts";
import { parseDate } from "./parse-date.ts";
import { parseEnum } from "./parse-enum.ts";
import type { CellResult } from "./result.ts";

/** Text cell: NFC, trimmed, spaces collapsed; numbers typed into text columns kept as typed. */
export function parseText(raw: unknown): CellResult<string> {
  if (isBlank(raw)) return { ok: true, value: null };
  if (typeof raw === "string") return { ok: true, value: normalizeText(raw) };
  if (typeof raw === "number" || typeof raw === "boolean") return { ok: true, value: String(raw) };
  return { ok: false, message: `Giá trị "${displayValue(raw)}" không đọc được như chữ.` };
}

/**
 * One cell of a template column, read as the Sheets API returns it (UNFORMATTED_VALUE,
 * dates as serial numbers). Blank is `null` here; whether that is allowed is the row's call.
 */
export function parseCell(column: ColumnDef, raw: unknown): CellResult<string | number> {
  if (isBlank(raw)) return { ok: true, value: null };
  switch (column.type) {
    case "date":
      return parseDate(raw);
    case "count":
      return parseCount(raw);
    case "enum":
      return parseEnum(column, raw);
    case "text":
      return parseText(raw);
  }
}
