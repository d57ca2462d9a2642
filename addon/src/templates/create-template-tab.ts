import type { ColumnDef, TemplateDef } from "../../../shared/schema/template.ts";
import type { AddonContext, GasSheet } from "../gas/types.ts";
import type { UnitSettings } from "../server-api.ts";
import { numberFormatFor, TEXT_FORMAT, validationFor } from "./column-formats.ts";
import { titleText } from "./title-row.ts";

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
export const HEADER_BACKGROUND = "#cfe2f3";
export const PROTECTION_DESCRIPTION =
  "Tiêu đề biểu mẫu Báo cáo QCDC: giữ nguyên tên các cột để hệ thống đọc được số liệu.";

/**
 * Appends one template tab, laid out from the schema. Every write covers a whole row or
 * block (setValues/setNotes/setNumberFormats/setDataValidations), so the number of calls
 * depends on the number of columns only through the column-width runs.
 */
export function createTemplateTab(
  ctx: AddonContext,
  template: TemplateDef,
  unit: UnitSettings | null,
): GasSheet {
  const spreadsheet = ctx.spreadsheet;
  const sheet = spreadsheet.insertSheet(template.title, spreadsheet.getNumSheets());
  const width = template.columns.length;

  // Title and header are text: format first so a unit name like "=..." is never a formula.
  sheet.getRange(TITLE_ROW, 1, 2, width).setNumberFormat(TEXT_FORMAT);
  sheet
    .getRange(TITLE_ROW, 1, 1, 1)
    .setValue(titleText(template, unit))
    .setNote(template.description)
    .setFontWeight("bold")
    .setFontSize(13);
  sheet
    .getRange(HEADER_ROW, 1, 1, width)
    .setValues([template.columns.map((c) => c.header)])
    .setNotes([template.columns.map(headerNote)])
    .setFontWeight("bold")
    .setBackground(HEADER_BACKGROUND)
    .setWrap(true)
    .setVerticalAlignment("middle");
  // Warning-only: a full protection locks the header for everyone but its creator, and the
  // add-on itself runs as whoever uses it (it rewrites the title when the unit changes).
  sheet
    .getRange(TITLE_ROW, 1, 2, width)
    .protect()
    .setDescription(PROTECTION_DESCRIPTION)
    .setWarningOnly(true);
  sheet.setFrozenRows(HEADER_ROW);
  for (const run of widthRuns(template.columns)) {
    sheet.setColumnWidths(run.start, run.count, run.width);
  }

  const dataRows = sheet.getMaxRows() - HEADER_ROW;
  if (dataRows > 0) {
    const formats = template.columns.map(numberFormatFor);
    const rules = template.columns.map((c) => validationFor(ctx.app, template, c, FIRST_DATA_ROW));
    sheet
      .getRange(FIRST_DATA_ROW, 1, dataRows, width)
      .setNumberFormats(Array.from({ length: dataRows }, () => formats))
      .setDataValidations(Array.from({ length: dataRows }, () => rules));
  }
  return sheet;
}

/** The header cell's note: what to type, whether it is required, and the allowed values. */
export function headerNote(column: ColumnDef): string {
  const lines = [column.note, column.required ? "Bắt buộc." : "Không bắt buộc."];
  if (column.type === "enum") lines.push(`Giá trị: ${column.values.join("; ")}.`);
  return lines.join("\n");
}

/** Consecutive columns of equal width, so each run is one setColumnWidths call. */
function widthRuns(
  columns: readonly ColumnDef[],
): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  columns.forEach((column, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === column.width) last.count++;
    else runs.push({ start: i + 1, count: 1, width: column.width });
  });
  return runs;
}
