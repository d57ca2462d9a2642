// valueInputOption=USER_ENTERED: a string is parsed as if typed into the UI. `=…` becomes a
// formula, `'…` forces text, numeric-looking text becomes a number (so `0123` loses its zero),
// TRUE/FALSE become booleans, dates and times become serial numbers with a date format.
// Locale-aware for the decimal mark (vi_VN writes 1.234,5); other locale rules are simplified.

import type { CellValue, JsonObject } from "./cell.ts";
import { dateToSerial, decimalComma } from "./number-format.ts";

export interface ParsedInput {
  value?: CellValue;
  formula?: string;
  /** A number format Sheets would suggest, applied only when the cell has none yet. */
  numberFormat?: JsonObject;
}

const DOT_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string, locale: string): number | undefined {
  if (!/\d/.test(text)) return undefined;
  if (decimalComma(locale)) {
    if (!COMMA_NUMBER.test(text)) return undefined;
    return Number(text.replaceAll(".", "").replace(",", "."));
  }
  if (!DOT_NUMBER.test(text)) return undefined;
  return Number(text.replaceAll(",", ""));
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function parseTime(text: string | undefined): number | undefined {
  if (text === undefined) return 0;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return h * 3600 + mi * 60 + s;
}

function parseDate(text: string, locale: string): ParsedInput | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: (.+))?$/.exec(text);
  let y: number;
  let mo: number;
  let d: number;
  let timePart: string | undefined;
  let pattern: string;
  if (iso) {
    [y, mo, d, timePart] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4]];
    pattern = "yyyy-mm-dd";
  } else if (local) {
    const dayFirst = !locale.startsWith("en_US");
    const a = Number(local[1]);
    const b = Number(local[2]);
    [d, mo] = dayFirst ? [a, b] : [b, a];
    y = Number(local[3]);
    timePart = local[4];
    pattern = dayFirst ? "dd/mm/yyyy" : "m/d/yyyy";
  } else {
    const seconds = parseTime(text);
    if (seconds === undefined || !text.includes(":")) return undefined;
    return { value: seconds / 86_400, numberFormat: { type: "TIME", pattern: "h:mm:ss" } };
  }
  if (!validDate(y, mo, d)) return undefined;
  const seconds = parseTime(timePart);
  if (seconds === undefined) return undefined;
  const type = timePart === undefined ? "DATE" : "DATE_TIME";
  const fullPattern = timePart === undefined ? pattern : `${pattern} h:mm:ss`;
  return { value: dateToSerial(y, mo, d, seconds), numberFormat: { type, pattern: fullPattern } };
}

/**
 * Parses one typed string. `keepText` is true when the target cell is formatted as plain text
 * (numberFormat TEXT), where Sheets keeps what was typed.
 */
export function parseUserEntered(input: string, locale: string, keepText = false): ParsedInput {
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { formula: input };
  if (keepText) return { value: input };
  const text = input.trim();
  if (text === "") return { value: input };
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  if (text.endsWith("%")) {
    const n = parseNumber(text.slice(0, -1).trim(), locale);
    if (n !== undefined) {
      const decimals = /[.,](\d+)%?$/.exec(text)?.[1]?.length ?? 0;
      const pattern = decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
      return { value: n / 100, numberFormat: { type: "PERCENT", pattern } };
    }
  }
  if (locale.startsWith("en") && /^-?\$/.test(text)) {
    const n = parseNumber(text.replace("$", ""), locale);
    if (n !== undefined) {
      return { value: n, numberFormat: { type: "CURRENCY", pattern: '"$"#,##0.00' } };
    }
  }
  const n = parseNumber(text, locale);
  if (n !== undefined && Number.isFinite(n)) return { value: n };
  const date = parseDate(text, locale);
  if (date) return date;
  return { value: input };
}
