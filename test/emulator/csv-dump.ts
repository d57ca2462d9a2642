// Writes every tab as `DIR/<spreadsheetId>/<tab title>.csv`, as Sheets' own CSV export does:
// displayed (formatted) values, UTF-8, RFC 4180 quoting, CRLF between rows, rows padded to the
// last used column, trailing empty rows and columns dropped.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formattedValue } from "./number-format.ts";
import type { SheetState, SpreadsheetState, Store } from "./store.ts";
import { valueExtent } from "./store.ts";

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function sheetToCsv(sheet: SheetState, locale: string): string {
  const [rows, cols] = valueExtent(sheet);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const fields: string[] = [];
    for (let c = 0; c < cols; c++)
      fields.push(csvField(formattedValue(sheet.rows[r]?.[c], locale) ?? ""));
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
