/**
 * Time zones for the fake, done with Intl like Apps Script does with its own zone data:
 * a date cell holds a serial (days since 1899-12-30, wall clock), and Apps Script hands
 * it out as the Date of that wall-clock moment in the *spreadsheet's* time zone.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(date: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function wallClockMs(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant whose wall clock in `timeZone` is the serial's date and time. */
export function serialToDate(serial: number, timeZone: string): Date {
  const target = EPOCH_UTC + Math.round(serial * MS_PER_DAY);
  let guess = target;
  // Two rounds settle the zone offset, including across a daylight-saving change.
  for (let i = 0; i < 2; i++) guess = target - (wallClockMs(new Date(guess), timeZone) - guess);
  return new Date(guess);
}

export function dateToSerial(date: Date, timeZone: string): number {
  return (wallClockMs(date, timeZone) - EPOCH_UTC) / MS_PER_DAY;
}

/** Utilities.formatDate for the patterns the add-on uses (SimpleDateFormat letters). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const tokens: Record<string, string> = {
    yyyy: pad(w.year, 4),
    MM: pad(w.month),
    dd: pad(w.day),
    HH: pad(w.hour),
    mm: pad(w.minute),
    ss: pad(w.second),
  };
  const out = pattern.replace(/yyyy|MM|dd|HH|mm|ss|[A-Za-z]/g, (token) => {
    const value = tokens[token];
    if (value === undefined)
      throw new Error(`fake formatDate: pattern letter ${token} not supported`);
    return value;
  });
  return out;
}
