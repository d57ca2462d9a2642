// Writes every tab as `DIR/<spreadsheetId>/<tab title>.csv`, as Sheets' own CSV export does:
// displayed (formatted) values, UTF-8, RFC 4180 quoting, CRLF between rows, rows padded to the
// last used column, trailing empty rows and columns dropped. One difference, for the people
// who open these files: text that a spreadsheet program would run as a formula is escaped.

import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { formattedValue } from "./number-format.ts";
import { SPREADSHEET_ID_PATTERN } from "./seed-format.ts";
import type { SheetState, SpreadsheetState, Store } from "./store.ts";
import { valueExtent } from "./store.ts";

// OWASP's CSV-injection advice: a field starting with one of these is run by Excel,
// LibreOffice and Sheets when the file is opened, so it gets a leading single quote.
const FORMULA_START = /^[=+\-@\t\r]/;

// A negative number as a format shows it ("-5", "-1.234,50", "-12%"): never run, left as is.
const NEGATIVE_NUMBER = /^-[\d.,\u00a0 ]*\d[\d.,\u00a0 ]*%?$/;

function csvField(v: string, isNumber: boolean): string {
  // A lone "-" (a report's "none", a sub-row's number) is no formula in any program.
  const inert = v === "-" || (isNumber && NEGATIVE_NUMBER.test(v));
  const safe = !inert && FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function sheetToCsv(sheet: SheetState, locale: string): string {
  const [rows, cols] = valueExtent(sheet);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const fields: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = sheet.rows[r]?.[c];
      fields.push(csvField(formattedValue(cell, locale) ?? "", typeof cell?.value === "number"));
    }
    lines.push(fields.join(","));
  }
  return lines.join("\r\n");
}

/** A tab title as a file name: only the characters no file system takes are escaped. */
export function csvFileName(title: string): string {
  return `${title.replaceAll("%", "%25").replaceAll("/", "%2F").replaceAll("\\", "%5C").replaceAll("\u0000", "%00")}.csv`;
}

export async function dumpSpreadsheetCsv(ss: SpreadsheetState, dir: string): Promise<string[]> {
  const folder = join(dir, ss.spreadsheetId);
  // Seeds are checked on the way in; this keeps any other path to the store from escaping.
  if (!SPREADSHEET_ID_PATTERN.test(ss.spreadsheetId) || relative(dir, folder).startsWith(".")) {
    throw new Error(`refusing to dump spreadsheet id "${ss.spreadsheetId}": not a Google id`);
  }
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const sheet of ss.sheets) {
    const file = join(folder, csvFileName(sheet.properties.title));
    await writeFile(file, sheetToCsv(sheet, ss.properties.locale), "utf8");
    written.push(file);
  }
  return written;
}

/** Dumps every spreadsheet of the store; returns the files written. */
export async function dumpCsv(store: Store, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const id of store.ids()) {
    const ss = store.get(id);
    if (ss) written.push(...(await dumpSpreadsheetCsv(ss, dir)));
  }
  return written;
}
