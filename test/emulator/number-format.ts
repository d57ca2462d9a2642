// Renders a cell the way FORMATTED_VALUE (and dateTimeRenderOption=FORMATTED_STRING) show it.
// Covers what the product meets: automatic numbers with the locale's decimal mark, TRUE/FALSE,
// and DATE / TIME / DATE_TIME / NUMBER / PERCENT / TEXT number formats with common patterns.

import type { Cell, JsonObject } from "./cell.ts";
import { errorResult } from "./cell.ts";

const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Locales whose decimal mark is a comma (and grouping mark a dot). */
const COMMA_DECIMAL = /^(vi|de|fr|es|it|pt|nl|id|tr|ru|pl|cs|da|nb|sv|fi|ro|hu|uk)(_|$)/;

export function decimalComma(locale: string): boolean {
  return COMMA_DECIMAL.test(locale);
}

export function serialToDate(serial: number): Date {
  return new Date(SHEETS_EPOCH_MS + Math.round(serial * DAY_MS));
}

export function dateToSerial(year: number, month: number, day: number, secondsOfDay = 0): number {
  return (Date.UTC(year, month - 1, day) - SHEETS_EPOCH_MS) / DAY_MS + secondsOfDay / 86_400;
}

export function isDateFormat(cell: Cell | undefined): boolean {
  const t = numberFormatOf(cell)?.type;
  return t === "DATE" || t === "TIME" || t === "DATE_TIME";
}

function numberFormatOf(cell: Cell | undefined): JsonObject | undefined {
  const nf = cell?.format?.numberFormat;
  return nf && typeof nf === "object" ? (nf as JsonObject) : undefined;
}

function defaultPattern(type: string, locale: string): string {
  const dayFirst = !locale.startsWith("en_US");
  const date = dayFirst ? "dd/mm/yyyy" : "m/d/yyyy";
  if (type === "DATE") return date;
  if (type === "TIME") return "h:mm:ss";
  return `${date} h:mm:ss`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Applies a date/time pattern (d, dd, m, mm, mmm, yyyy, yy, h, hh, ss; `mm` next to h/ss is minutes). */
export function formatDatePattern(serial: number, pattern: string): string {
  const d = serialToDate(serial);
  const tokens = pattern.match(/(yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|am\/pm|.)/gi) ?? [];
  const isField = (t: string | undefined) => t !== undefined && /^[a-z]/i.test(t) && t.length <= 5;
  const fields = tokens.map((t, i) => ({ t: t.toLowerCase(), i })).filter((x) => isField(x.t));
  const minuteAt = new Set<number>();
  fields.forEach((f, k) => {
    const prev = fields[k - 1]?.t ?? "";
    const next = fields[k + 1]?.t ?? "";
    if ((f.t === "m" || f.t === "mm") && (prev.startsWith("h") || next.startsWith("s"))) {
      minuteAt.add(f.i);
    }
  });
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  return tokens
    .map((raw, i) => {
      const t = raw.toLowerCase();
      if (t === "yyyy") return String(d.getUTCFullYear());
      if (t === "yy") return pad(d.getUTCFullYear() % 100);
      if (t === "mmmm" || t === "mmm") return months[d.getUTCMonth()] ?? "";
      if (t === "mm" || t === "m") {
        const v = minuteAt.has(i) ? d.getUTCMinutes() : d.getUTCMonth() + 1;
        return t === "mm" ? pad(v) : String(v);
      }
      if (t === "dd") return pad(d.getUTCDate());
      if (t === "d") return String(d.getUTCDate());
      if (t === "hh") return pad(d.getUTCHours());
      if (t === "h") return String(d.getUTCHours());
      if (t === "ss" || t === "s") return pad(d.getUTCSeconds());
      if (t === "am/pm") return d.getUTCHours() < 12 ? "AM" : "PM";
      return raw === '"' || raw === "\\" ? "" : raw;
    })
    .join("");
}

/** "Automatic" rendering: up to 15 significant digits, locale decimal mark, no grouping. */
export function formatAutomaticNumber(n: number, locale: string): string {
  let text: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) text = String(n);
  else if (Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0)) {
    text = n.toExponential(2).replace("e+", "E+").replace("e-", "E-");
  } else text = String(Number(n.toPrecision(15)));
  return decimalComma(locale) ? text.replace(".", ",") : text;
}

function formatNumberPattern(n: number, pattern: string, locale: string): string {
  const percent = pattern.includes("%");
  const value = percent ? n * 100 : n;
  const decimals = /\.([0#]+)/.exec(pattern)?.[1]?.length ?? 0;
  const grouping = pattern.includes(",");
  const [intPart, frac] = Math.abs(value).toFixed(decimals).split(".");
  const groupMark = decimalComma(locale) ? "." : ",";
  const decimalMark = decimalComma(locale) ? "," : ".";
  const grouped = grouping ? (intPart ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, groupMark) : intPart;
  const sign = value < 0 ? "-" : "";
  return `${sign}${grouped}${frac ? decimalMark + frac : ""}${percent ? "%" : ""}`;
}

/** The display string of a cell (FORMATTED_VALUE); undefined for an empty cell. */
export function formattedValue(cell: Cell | undefined, locale: string): string | undefined {
  if (!cell) return undefined;
  if (cell.formula !== undefined || cell.error !== undefined) return errorResult(cell);
  const v = cell.value;
  if (v === undefined || v === "") return undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const nf = numberFormatOf(cell);
  const type = typeof nf?.type === "string" ? nf.type : "";
  const pattern = typeof nf?.pattern === "string" && nf.pattern !== "" ? nf.pattern : undefined;
  if (type === "DATE" || type === "TIME" || type === "DATE_TIME") {
    return formatDatePattern(v, pattern ?? defaultPattern(type, locale));
  }
  if (type === "TEXT") return String(v);
  if (type === "PERCENT") return formatNumberPattern(v, pattern ?? "0.00%", locale);
  if ((type === "NUMBER" || type === "CURRENCY" || type === "SCIENTIFIC") && pattern) {
    return formatNumberPattern(v, pattern, locale);
  }
  return formatAutomaticNumber(v, locale);
}
