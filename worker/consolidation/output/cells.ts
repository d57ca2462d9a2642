import { isoDateToSerial } from "../../../shared/cells/dates.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import type { CellData } from "../../sheets/request-types.ts";

/**
 * Cells of the output tabs. Every value from a unit's sheet is written as stringValue or
 * numberValue: Google stores them as data, so a district cell `=IMPORTXML(...)` stays
 * text in the province's sheet. No builder here produces formulaValue.
 */

export type Rgb = { readonly red: number; readonly green: number; readonly blue: number };

export const COLORS = {
  header: { red: 0.851, green: 0.918, blue: 0.827 },
  title: { red: 0.8, green: 0.0, blue: 0.0 },
  total: { red: 0.953, green: 0.953, blue: 0.953 },
  stale: { red: 1, green: 0.949, blue: 0.8 },
  unreadable: { red: 0.957, green: 0.8, blue: 0.8 },
  missing: { red: 0.937, green: 0.937, blue: 0.937 },
} as const satisfies Record<string, Rgb>;

export const DATE_FORMAT = { type: "DATE", pattern: "dd/mm/yyyy" } as const;
export const DATE_TIME_FORMAT = { type: "DATE_TIME", pattern: "dd/mm/yyyy hh:mm:ss" } as const;
const INTEGER_FORMAT = { type: "NUMBER", pattern: "#,##0" } as const;

export type Format = Record<string, unknown>;

export function text(value: string, format?: Format): CellData {
  return format
    ? { userEnteredValue: { stringValue: value }, userEnteredFormat: format }
    : { userEnteredValue: { stringValue: value } };
}

export function num(value: number, format: Format = {}): CellData {
  return {
    userEnteredValue: { numberValue: value },
    userEnteredFormat: { numberFormat: INTEGER_FORMAT, ...format },
  };
}

export function date(value: IsoDate, format: Format = {}): CellData {
  return {
    userEnteredValue: { numberValue: isoDateToSerial(value) },
    userEnteredFormat: { numberFormat: DATE_FORMAT, ...format },
  };
}

const MS_PER_DAY = 86_400_000;
const SERIAL_OF_UNIX_EPOCH = 25_569;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** An instant as a Sheets date-time serial in Vietnam's local time (UTC+7, no DST). */
export function dateTime(iso: string, format: Format = {}): CellData {
  const serial = (Date.parse(iso) + VIETNAM_OFFSET_MS) / MS_PER_DAY + SERIAL_OF_UNIX_EPOCH;
  return {
    userEnteredValue: { numberValue: serial },
    userEnteredFormat: { numberFormat: DATE_TIME_FORMAT, ...format },
  };
}

export function blank(format?: Format): CellData {
  return format ? { userEnteredFormat: format } : {};
}

/** Adds (or overrides) format fields of a cell, e.g. a row's background. */
export function withFormat(cell: CellData, format: Format): CellData {
  return { ...cell, userEnteredFormat: { ...(cell.userEnteredFormat ?? {}), ...format } };
}

export function withNote(cell: CellData, note: string): CellData {
  return { ...cell, note };
}

export const BOLD: Format = { textFormat: { bold: true } };
export const HEADER: Format = {
  textFormat: { bold: true },
  backgroundColor: COLORS.header,
  wrapStrategy: "WRAP",
  verticalAlignment: "MIDDLE",
  horizontalAlignment: "CENTER",
};

/** `HH:MM dd/mm/yyyy` in Vietnam time, for sentences such as "Cập nhật lúc …". */
export function formatVietnamTime(iso: string): string {
  const t = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCHours())}:${p(t.getUTCMinutes())} ${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}
