import { sha256 } from "@noble/hashes/sha2.js";
import { isInPeriod, type Period } from "../periods.ts";
import type { UnitRows } from "../read-unit.ts";
import type { ColumnDef, IsoDate } from "../schema/template.ts";
import { TEMPLATES } from "../templates/index.ts";
import { normalizeText } from "../text/fold.ts";
import { utf8Bytes } from "./utf8.ts";

/**
 * `Mã kiểm tra`: whether the rows a unit reported are still the rows in its sheet. The
 * add-on (when submitting) and the Worker (every run) compute it with this code from the
 * valid rows of the period, so only a changed figure changes it: not row order, blank
 * rows, hand-typed totals, rows with errors, or how a date or a name was typed.
 */

export const FINGERPRINT_HEX_DIGITS = 16;

type Cells = Readonly<Record<string, unknown>>;

/** One line per valid row of the period: tab title, then each template column, `|`-separated. */
export function fingerprintLines(rows: UnitRows, period: Pick<Period, "from" | "to">): string[] {
  const lines: string[] = [];
  for (const template of TEMPLATES) {
    for (const row of inPeriod(rows, template.id, template.dateKey, period)) {
      lines.push([template.title, ...template.columns.map((c) => cellText(c, row))].join("|"));
    }
  }
  return lines;
}

/** The first 16 lowercase hex digits of SHA-256 over the sorted lines joined by `\n`. */
export function fingerprint(rows: UnitRows, period: Pick<Period, "from" | "to">): string {
  const text = fingerprintLines(rows, period).sort().join("\n");
  const digest = sha256(utf8Bytes(text));
  let hex = "";
  for (const byte of digest.subarray(0, FINGERPRINT_HEX_DIGITS / 2)) {
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}

/** `Số dòng` of a submission: the valid rows of the period in all four templates. */
export function periodRowCount(rows: UnitRows, period: Pick<Period, "from" | "to">): number {
  return TEMPLATES.reduce((n, t) => n + inPeriod(rows, t.id, t.dateKey, period).length, 0);
}

function inPeriod(
  rows: UnitRows,
  id: string,
  dateKey: string,
  period: Pick<Period, "from" | "to">,
): readonly Cells[] {
  const all = ((rows as Readonly<Record<string, readonly Cells[]>>)[id] ?? []) as readonly Cells[];
  return all.filter((row) => {
    const date = row[dateKey];
    return typeof date === "string" && isInPeriod(date as IsoDate, period);
  });
}

// Rows are already normalised by the reader; normalising text again keeps a snapshot
// written by older code giving the same line.
function cellText(column: ColumnDef, row: Cells): string {
  const value = row[column.key];
  if (column.type === "count") return typeof value === "number" ? String(value) : "0";
  if (value === null || value === undefined) return "";
  return column.type === "text" ? normalizeText(String(value)) : String(value);
}
