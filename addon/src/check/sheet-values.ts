import { isoDateToSerial } from "../../../shared/cells/dates.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import type { GasSheet } from "../gas/types.ts";

type FormatDate = (date: Date, timeZone: string, format: string) => string;

/**
 * A sheet's values from A1 as the Sheets API returns them with UNFORMATTED_VALUE, which is
 * what shared/ reads: Apps Script's getValues() turns date cells into Date objects, so
 * those go back to serial numbers.
 */
export function readSheetValues(
  sheet: GasSheet,
  timeZone: string,
  formatDate: FormatDate,
): unknown[][] {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows < 1 || columns < 1) return [];
  return sheet
    .getRange(1, 1, rows, columns)
    .getValues()
    .map((row) => row.map((value) => toUnformatted(value, timeZone, formatDate)));
}

/**
 * A Date from getValues() is the cell's wall-clock date and time in the *spreadsheet's*
 * time zone (which may differ from the script's Asia/Ho_Chi_Minh), so it is read back as
 * wall-clock text in that zone and turned into days (+ fraction) since 1899-12-30.
 */
export function toUnformatted(value: unknown, timeZone: string, formatDate: FormatDate): unknown {
  // Not `instanceof Date`: values may come from another realm (Apps Script, a test's vm).
  if (Object.prototype.toString.call(value) !== "[object Date]") return value;
  const date = value as Date;
  if (Number.isNaN(date.getTime())) return "";
  const [day = "", time = ""] = formatDate(date, timeZone, "yyyy-MM-dd HH:mm:ss").split(" ");
  const [h = 0, m = 0, s = 0] = time.split(":").map(Number);
  return isoDateToSerial(day as IsoDate) + (h * 3600 + m * 60 + s) / 86_400;
}
