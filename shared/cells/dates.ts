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

/** A Sheets serial (fractions are a time of day and are dropped) to its calendar date. */
export function serialToIsoDate(serial: number): IsoDate {
  const t = new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function isoDateToSerial(date: IsoDate): number {
  const [y, m, d] = splitIsoDate(date);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_UTC) / MS_PER_DAY);
}

export function splitIsoDate(date: IsoDate): [number, number, number] {
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
