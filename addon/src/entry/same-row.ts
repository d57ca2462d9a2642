import { readTab } from "../../../shared/read-tab.ts";
import type { TemplateDef } from "../../../shared/schema/template.ts";
import { foldKey } from "../../../shared/text/fold.ts";
import { readSheetValues } from "../check/sheet-values.ts";
import type { AddonContext, GasSheet } from "../gas/types.ts";
import { entryRules } from "./entry-rules.ts";

/**
 * The first row of the tab (other than `except`) whose `sameAs` cells (entry-rules.ts)
 * read the same as `row`'s, or null. Text compares as the Worker folds it (case, tone
 * marks, spaces), so "UBND xã A" and "ubnd  xã A" are the same base.
 */
export function findSameRow(
  ctx: AddonContext,
  sheet: GasSheet,
  template: TemplateDef,
  row: Readonly<Record<string, string | number | null>>,
  except: number | null = null,
): number | null {
  const keys = entryRules(template.id).sameAs;
  if (keys.length === 0) return null;
  const values = readSheetValues(sheet, ctx.spreadsheet.getSpreadsheetTimeZone(), ctx.formatDate);
  const wanted = keys.map((key) => comparable(row[key] ?? null));
  const existing = readTab(template, values, template.title).rows;
  const found = existing.find(
    (r) =>
      r.sheetRow !== except &&
      keys.every((key, i) => {
        const value = (r.row as Record<string, string | number | null>)[key] ?? null;
        return comparable(value) === wanted[i];
      }),
  );
  return found?.sheetRow ?? null;
}

function comparable(value: string | number | null): string {
  return typeof value === "string" ? foldKey(value) : String(value);
}
