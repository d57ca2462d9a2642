import { isoDateToSerial } from "../../shared/cells/dates.ts";
import type { Period } from "../../shared/periods.ts";
import type { ColumnDef } from "../../shared/schema/template.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import type { SeedSheet } from "../emulator/seed-format.ts";

/**
 * A unit's tabs (as the Sheets API holds them, dates as serials) with one figure of the
 * period raised by one: the first row of the period in a template tab, in a count column
 * no other column bounds from above (`atMost`), so the row stays valid and is still
 * counted. Null when no template row falls in the period.
 */
export function withFigureChanged<S extends SeedSheet>(
  sheets: readonly S[],
  period: Period,
): S[] | null {
  const from = isoDateToSerial(period.from);
  const to = isoDateToSerial(period.to);
  for (const [i, tab] of sheets.entries()) {
    const template = TEMPLATES.find((t) => t.title === tab.title);
    if (!template) continue;
    const date = template.columns.findIndex((c) => c.key === template.dateKey);
    const columns: readonly ColumnDef[] = template.columns;
    const count = columns.findIndex((c) => c.type === "count" && c.atMost === undefined);
    const values = tab.values ?? [];
    const at = values.findIndex((row) => {
      const serial = row[date];
      return typeof serial === "number" && serial >= from && serial <= to;
    });
    if (at < 0 || count < 0) continue;
    const changed = values.map((row) => [...row]);
    changed[at]![count] = Number(changed[at]![count] || 0) + 1;
    return sheets.map((t, j) => (j === i ? { ...t, values: changed } : t));
  }
  return null;
}
