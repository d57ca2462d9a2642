import type { IsoDate } from "../schema/template.ts";

/**
 * Calendar dates without time zones. Sheets stores a date as the number of days since
 * 1899-12-30 (its epoch); the product's rows carry `YYYY-MM-DD` strings.
 */

export const MS_PER_DAY = 86_400_000;
/** Vietnam is UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
}

/** The date, or null when the day does not exist in that month (31/02, 29/02/2026). */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) {
    return null;
  }
  return isoDate(year, month, day);
}

/** The serials of the first day of MIN_YEAR and of the day after MAX_YEAR ends. */
export const MIN_SERIAL = Math.round((Date.UTC(MIN_YEAR, 0, 1) - EPOCH_UTC) / MS_PER_DAY);
export const END_SERIAL = Math.round((Date.UTC(MAX_YEAR + 1, 0, 1) - EPOCH_UTC) / MS_PER_DAY);

// Every date cell of every unit is a serial in this range: each day's string is built
// once, and the table cannot outgrow the 101 years (≈ 37,000 short strings).
const serialDates: (IsoDate | undefined)[] = [];

function computeIsoDate(day: number): IsoDate {
  const t = new Date(EPOCH_UTC + day * MS_PER_DAY);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** A Sheets serial (fractions are a time of day and are dropped) to its calendar date. */
export function serialToIsoDate(serial: number): IsoDate {
  const day = Math.floor(serial);
  if (day < MIN_SERIAL || day >= END_SERIAL) return computeIsoDate(day);
  const at = day - MIN_SERIAL;
  let date = serialDates[at];
  if (date === undefined) {
    date = computeIsoDate(day);
    serialDates[at] = date;
  }
  return date;
}

export function isoDateToSerial(date: IsoDate): number {
  const [y, m, d] = splitIsoDate(date);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_UTC) / MS_PER_DAY);
}

const ZERO = 48;

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

export function splitIsoDate(date: IsoDate): [number, number, number] {
  // `isoDate` writes YYYY-MM-DD; read that shape from its digits, anything else by parts.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (!Number.isNaN(y + m + d)) return [y, m, d];
  }
  const [y = 0, m = 0, d = 0] = date.split("-").map(Number);
  return [y, m, d];
}

/** `dd/mm/yyyy`, as Vietnamese offices write dates. */
export function formatDateVi(date: IsoDate): string {
  const [y, m, d] = splitIsoDate(date);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return serialToIsoDate(isoDateToSerial(date) + days);
}

/** The calendar date of an instant in Vietnam (UTC+7, no daylight saving). */
export function vietnamDate(instant: Date): IsoDate {
  const t = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
