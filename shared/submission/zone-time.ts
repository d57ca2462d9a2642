import { MS_PER_DAY, VIETNAM_OFFSET_MS } from "../cells/dates.ts";

/**
 * A Sheets date-time serial is a wall-clock time in the spreadsheet's time zone. Vietnam
 * has no daylight saving, but a unit's sheet may be set to another zone; Intl (present in
 * V8, workerd and Apps Script alike) gives that zone's offset.
 */

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const MAX_ZONES = 16;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    if (formatters.size >= MAX_ZONES) formatters.clear();
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      // An unknown zone: the sheets this product serves are in Vietnam.
    }
    formatters.set(timeZone, f);
  }
  return formatters.get(timeZone) ?? null;
}

/** The zone's offset from UTC at an instant (ms); Vietnam's for an unknown zone. */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const f = formatter(timeZone);
  if (!f) return VIETNAM_OFFSET_MS;
  const parts = f.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time (as epoch ms read as UTC) in a zone. */
export function wallClockToInstant(wall: number, timeZone: string): number {
  // Twice: the offset at the guessed instant settles any daylight-saving edge.
  const first = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, first);
}

/** A Sheets serial date-time (days since 1899-12-30, fraction = time of day) in a zone. */
export function serialToInstant(serial: number, timeZone: string): number {
  return wallClockToInstant(EPOCH_UTC + Math.round(serial * MS_PER_DAY), timeZone);
}
