// What Drive knows of each spreadsheet: when it was created and last modified, its version
// and its folders. Every successful write moves `modifiedTime` (always forward, so two writes
// in one millisecond still differ) and `version`, as Drive does for a Sheets edit.

export interface DriveMetadata {
  /** Epoch milliseconds. */
  createdTime: number;
  /** Epoch milliseconds; Drive reports RFC 3339 with milliseconds. */
  modifiedTime: number;
  version: number;
  parents: string[];
}

export const SPREADSHEET_MIME_TYPE = "application/vnd.google-apps.spreadsheet";

/** Records a write at `now`. */
export function touch(meta: DriveMetadata, now: number): void {
  meta.modifiedTime = Math.max(now, meta.modifiedTime + 1);
  meta.version += 1;
}

/** RFC 3339 in UTC with milliseconds, as Drive writes times: `2026-11-30T08:00:00.000Z`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/** Epoch ms of an RFC 3339 time as Drive reads it (no zone means UTC); NaN if it is not one. */
export function parseRfc3339(text: string): number {
  const m = RFC3339.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const ms = frac ? frac.slice(1, 4).padEnd(3, "0") : "000";
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${zone.toUpperCase()}`;
  // Date.parse would roll 2026-02-31 over to March; Drive refuses such a date.
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return Number.NaN;
  return Date.parse(iso);
}
