import type { ColumnDef } from "../schema/template.ts";
import { displayValue, normalizeText } from "../text/fold.ts";
import { parseCount } from "./parse-count.ts";
import { parseDate } from "./parse-date.ts";
import { parseEnum } from "./parse-enum.ts";
import { BLANK, type CellResult } from "./result.ts";

/** Text cell: NFC, trimmed, spaces collapsed; numbers typed into text columns kept as typed. */
export function parseText(raw: unknown): CellResult<string> {
  if (typeof raw === "string") {
    const text = normalizeText(raw);
    return text === "" ? BLANK : { ok: true, value: text };
  }
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "number" || typeof raw === "boolean") return { ok: true, value: String(raw) };
  return { ok: false, message: `Giá trị "${displayValue(raw)}" không đọc được như chữ.` };
}

/**
 * One cell of a template column, read as the Sheets API returns it (UNFORMATTED_VALUE,
 * dates as serial numbers). Blank is `null` here; whether that is allowed is the row's call.
 */
export function parseCell(column: ColumnDef, raw: unknown): CellResult<string | number> {
  // Each reader takes blank (null, "", spaces, invisible characters) as null itself.
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
