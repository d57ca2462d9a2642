import type { TemplateDef } from "../../../shared/schema/template.ts";
import { adjacentRuns, type TabLayout, tabLayout } from "../entry/template-tab.ts";
import type { AddonContext, GasSheet } from "../gas/types.ts";
import { type ColumnAt, numberFormatFor, validationFor } from "./column-formats.ts";
import { HEADER_ROW, headerNote, TITLE_ROW } from "./create-template-tab.ts";
import { isGeneratedTitle } from "./title-row.ts";

export type RefreshResult = { ok: true } | { ok: false; error: string };

/**
 * Tạo biểu mẫu on a template tab that already exists: its template columns get today's
 * data validation, number formats and header notes, so a tab made by an older version
 * stops refusing what the guide allows (`-`, `không` in a count). Only formats, rules and
 * notes are written, never a value, and no row or column is inserted, deleted or moved.
 * Columns are found by their headers, as the Worker finds them, so a tab whose columns
 * were reordered, or that has columns of the unit's own, is fitted where it stands.
 */
export function refreshTemplateTab(
  ctx: AddonContext,
  template: TemplateDef,
  sheet: GasSheet,
): RefreshResult {
  const found = tabLayout(sheet, template);
  if (!found.ok) return found;
  try {
    fitRules(ctx, template, sheet, found.layout);
  } catch (error) {
    // A range someone protected fully (not warning-only) refuses the write; the other
    // tabs still get their rules, and the alert names this one.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `không ghi được quy tắc mới vào trang (${reason}).` };
  }
  return { ok: true };
}

function fitRules(
  ctx: AddonContext,
  template: TemplateDef,
  sheet: GasSheet,
  layout: TabLayout,
): void {
  const { headerRow, columns } = layout;
  const columnAt: ColumnAt = (key) => {
    const index = columns.get(key);
    return index === undefined ? undefined : index + 1;
  };
  const firstRow = headerRow + 1;
  const dataRows = sheet.getMaxRows() - headerRow;
  const cells = template.columns
    .flatMap((column) => {
      const index = columns.get(column.key);
      return index === undefined ? [] : [{ index, column }];
    })
    .sort((a, b) => a.index - b.index);
  for (const run of adjacentRuns(cells)) {
    const start = run[0]!.index + 1;
    sheet
      .getRange(headerRow, start, 1, run.length)
      .setNotes([run.map((c) => headerNote(c.column))]);
  }
  // One format and one rule per column, whatever the number of rows: a tab grown to tens
  // of thousands of rows costs the same two calls a column, not a grid of that size.
  if (dataRows > 0) {
    for (const { index, column } of cells) {
      sheet
        .getRange(firstRow, index + 1, dataRows, 1)
        .setNumberFormat(numberFormatFor(column))
        .setDataValidation(validationFor(ctx.app, template, column, firstRow, columnAt));
    }
  }
  // The title's note only where the add-on wrote the title: row 1 may be the unit's own.
  if (headerRow === HEADER_ROW) {
    const title = sheet.getRange(TITLE_ROW, 1, 1, 1);
    if (isGeneratedTitle(template, title.getValue())) title.setNote(template.description);
  }
}
