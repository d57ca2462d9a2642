import { isoDateToSerial } from "../../../shared/cells/dates.ts";
import { findTab, HEADER_SEARCH_ROWS, readTab } from "../../../shared/read-tab.ts";
import type { IsoDate, TemplateDef } from "../../../shared/schema/template.ts";
import { TEMPLATES, templateById } from "../../../shared/templates/index.ts";
import { validateRecord } from "../../../shared/validate-row.ts";
import { withDocumentLock } from "../gas/document-lock.ts";
import type { AddonContext, CellValue, GasSheet } from "../gas/types.ts";
import type { EntryContext, EntryResult } from "../server-api.ts";
import { loadUnitSettings, unitLabel } from "../settings/unit-store.ts";
import { numberFormatFor } from "../templates/column-formats.ts";
import { createTemplateTab } from "../templates/create-template-tab.ts";

export function getEntryContext(ctx: AddonContext): EntryContext {
  const titles = ctx.spreadsheet.getSheets().map((s) => s.getName());
  return {
    unitLabel: unitLabel(loadUnitSettings(ctx.documentProperties)),
    existingTemplates: TEMPLATES.filter((t) => findTab(t, titles) !== undefined).map((t) => t.id),
  };
}

/**
 * Nhập liệu: validates the sidebar's record with shared/ (the client did too, but the
 * server is the one that writes) and appends it below the tab's last row. A missing tab
 * is created from the template first.
 */
export function submitEntry(
  ctx: AddonContext,
  templateId: string,
  record: Readonly<Record<string, unknown>>,
): EntryResult {
  const template = templateById(String(templateId));
  if (!template) return { ok: false, error: `Không có biểu mẫu "${String(templateId)}".` };
  const checked = validateRecord(template, record ?? {});
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const written = withDocumentLock(ctx, () =>
    appendRow(ctx, template, checked.row as Record<string, string | number | null>),
  );
  if (!written.ok) {
    return {
      ok: false,
      error: "Bảng tính đang bận ghi dữ liệu của người khác. Hãy bấm Ghi lại sau vài giây.",
    };
  }
  return written.value;
}

function appendRow(
  ctx: AddonContext,
  template: TemplateDef,
  row: Readonly<Record<string, string | number | null>>,
): EntryResult {
  const sheets = ctx.spreadsheet.getSheets();
  const found = findTab(
    template,
    sheets.map((s) => s.getName()),
  );
  const sheet: GasSheet =
    sheets.find((s) => s.getName() === found) ??
    createTemplateTab(ctx, template, loadUnitSettings(ctx.documentProperties));
  const createdTab = found === undefined;

  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const top =
    lastRow > 0 && lastColumn > 0
      ? sheet.getRange(1, 1, Math.min(lastRow, HEADER_SEARCH_ROWS), lastColumn).getValues()
      : [];
  // readTab on the top rows gives the same "no header" / "missing column" message as the Worker.
  const head = readTab(template, top, template.title);
  const tabProblem = head.issues.find((i) => i.severity === "error" && i.column === null);
  if (head.headerRow === null || tabProblem) {
    return { ok: false, error: tabProblem?.message ?? "Không tìm thấy dòng tiêu đề." };
  }

  const width = Math.max(...head.columns.values()) + 1;
  const rowNumber = Math.max(lastRow, head.headerRow) + 1;
  // A full grid (1000 rows by default) grows by a row, as appendRow would do.
  const maxRows = sheet.getMaxRows();
  if (rowNumber > maxRows) sheet.insertRowsAfter(maxRows, rowNumber - maxRows);
  const range = sheet.getRange(rowNumber, 1, 1, width);
  const formats = range.getNumberFormats()[0] ?? [];
  const values: CellValue[] = Array.from({ length: width }, () => "");
  for (const column of template.columns) {
    const index = head.columns.get(column.key);
    if (index === undefined) continue;
    formats[index] = numberFormatFor(column);
    values[index] = cellValue(column.type, row[column.key] ?? null);
  }
  // Formats before values: "@" must already be on a text cell when the string arrives.
  range.setNumberFormats([Array.from({ length: width }, (_, i) => formats[i] ?? "")]);
  range.setValues([values]);
  ctx.app.flush();
  return { ok: true, tab: sheet.getName(), row: rowNumber, createdTab };
}

/** Dates go in as Sheets serials (no time zone involved); counts as numbers; text as text. */
function cellValue(type: string, value: string | number | null): CellValue {
  if (value === null) return "";
  if (type === "date") return isoDateToSerial(value as IsoDate);
  return value;
}
