import { MS_PER_DAY, VIETNAM_OFFSET_MS } from "../../shared/cells/dates.ts";

/** Days from Sheets' epoch (1899-12-30) to the Unix epoch. */
const SERIAL_OF_UNIX_EPOCH = 25_569;

/** `HH:MM dd/mm/yyyy` in Vietnam time, for sentences such as "Cập nhật lúc …". */
export function formatVietnamTime(iso: string): string {
  const t = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCHours())}:${p(t.getUTCMinutes())} ${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** An instant as a Sheets date-time serial in Vietnam's local time (UTC+7, no DST). */
export function vietnamDateTimeSerial(iso: string): number {
  return (Date.parse(iso) + VIETNAM_OFFSET_MS) / MS_PER_DAY + SERIAL_OF_UNIX_EPOCH;
}
