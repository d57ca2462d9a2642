import { formatDateVi } from "../../../shared/cells/dates.ts";
import { parseCell } from "../../../shared/cells/parse-cell.ts";
import { findTab } from "../../../shared/read-tab.ts";
import type { IsoDate, TemplateDef } from "../../../shared/schema/template.ts";
import { TEMPLATES, templateById } from "../../../shared/templates/index.ts";
import { displayValue, isBlank } from "../../../shared/text/fold.ts";
import { validateRecord } from "../../../shared/validate-row.ts";
import { withDocumentLock } from "../gas/document-lock.ts";
import type { AddonContext, GasSheet } from "../gas/types.ts";
import { vietnamToday } from "../gas/vietnam-today.ts";
import type {
  DeleteResult,
  EntryResult,
  LoadRowResult,
  RowTarget,
  SubmitOptions,
} from "../server-api.ts";
import { BUSY_MESSAGE } from "./append-entry.ts";
import { findSameRow } from "./same-row.ts";
import { readRecord, rowVersion, type TabLayout, tabLayout, writeRow } from "./template-tab.ts";

const PICK_A_ROW =
  "Hãy bấm vào một ô của dòng cần sửa trong một trang biểu mẫu, rồi bấm lại Sửa dòng đang chọn.";

/** Sửa dòng đang chọn: the row of the active cell, as the form shows it. */
export function loadSelectedRow(ctx: AddonContext): LoadRowResult {
  const range = ctx.spreadsheet.getActiveRange();
  if (!range) return { ok: false, error: `Chưa chọn dòng nào. ${PICK_A_ROW}` };
  const sheet = range.getSheet();
  const template = TEMPLATES.find((t) => findTab(t, [sheet.getName()]) !== undefined);
  if (!template) {
    return {
      ok: false,
      error: `Trang "${sheet.getName()}" không phải trang biểu mẫu. ${PICK_A_ROW}`,
    };
  }
  const found = tabLayout(sheet, template);
  if (!found.ok) return found;
  const row = range.getRow();
  if (row <= found.layout.headerRow) {
    return {
      ok: false,
      error: `Dòng ${row} là dòng tiêu đề, không phải dòng số liệu. ${PICK_A_ROW}`,
    };
  }
  const cells = readRecord(ctx, found.layout, row);
  if (Object.values(cells).every(isBlank)) {
    return { ok: false, error: `Dòng ${row} đang trống. ${PICK_A_ROW}` };
  }
  return {
    ok: true,
    templateId: template.id,
    tab: sheet.getName(),
    row,
    record: formRecord(template, cells),
    version: rowVersion(cells),
  };
}

/** Each cell as the form's control takes it; a cell that does not read stays as typed. */
function formRecord(
  template: TemplateDef,
  cells: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const column of template.columns) {
    const raw = cells[column.key];
    const parsed = parseCell(column, raw);
    if (!parsed.ok || parsed.value === null) record[column.key] = displayValue(raw).trim();
    else if (column.type === "date") record[column.key] = formatDateVi(parsed.value as IsoDate);
    else record[column.key] = String(parsed.value);
  }
  return record;
}

/**
 * Saving a loaded row: written back in place, unless it changed since it was loaded. An
 * edit that makes it look like another row (same key cells) is warned about as an added
 * row is, the row itself excepted, and written once `options.allowSameAs` says so.
 */
export function updateEntry(
  ctx: AddonContext,
  target: RowTarget,
  record: Readonly<Record<string, unknown>>,
  options: SubmitOptions = {},
): EntryResult {
  const template = templateById(String(target?.templateId));
  if (!template) return { ok: false, error: `Không có biểu mẫu "${String(target?.templateId)}".` };
  const checked = validateRecord(template, record ?? {}, { today: vietnamToday(ctx) });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const done = withDocumentLock(ctx, (): EntryResult => {
    const current = unchangedRow(ctx, template, target);
    if (!current.ok) return current;
    const row = checked.row as Record<string, string | number | null>;
    if (options?.allowSameAs !== true) {
      const sheet = current.layout.sheet;
      const same = findSameRow(ctx, sheet, template, row, target.row);
      if (same !== null) return { ok: false, sameAs: { tab: sheet.getName(), row: same } };
    }
    writeRow(current.layout, template, row, target.row);
    ctx.app.flush();
    return {
      ok: true,
      tab: target.tab,
      row: target.row,
      createdTab: false,
      warnings: checked.warnings,
    };
  });
  return done.ok ? done.value : { ok: false, error: BUSY_MESSAGE };
}

/** Xóa dòng (after the form asked): deletes the loaded row, unless it changed meanwhile. */
export function deleteEntry(ctx: AddonContext, target: RowTarget): DeleteResult {
  const template = templateById(String(target?.templateId));
  if (!template) return { ok: false, error: `Không có biểu mẫu "${String(target?.templateId)}".` };
  const done = withDocumentLock(ctx, (): DeleteResult => {
    const current = unchangedRow(ctx, template, target);
    if (!current.ok) return current;
    current.layout.sheet.deleteRow(target.row);
    ctx.app.flush();
    return { ok: true, tab: target.tab, row: target.row };
  });
  return done.ok ? done.value : { ok: false, error: BUSY_MESSAGE };
}

/**
 * The target row's tab layout when its cells are still those that were loaded. Another
 * person's edit, or rows inserted or deleted above it, make the versions differ.
 */
function unchangedRow(
  ctx: AddonContext,
  template: TemplateDef,
  target: RowTarget,
): { ok: true; layout: TabLayout } | { ok: false; error: string } {
  const sheet: GasSheet | undefined = ctx.spreadsheet
    .getSheets()
    .find((s) => s.getName() === target.tab);
  const found = sheet ? tabLayout(sheet, template) : null;
  if (!sheet || !found) {
    return { ok: false, error: `Không còn trang "${target.tab}" trong bảng tính. Chưa ghi gì.` };
  }
  if (!found.ok) return found;
  const row = Math.floor(Number(target.row));
  const changed =
    !(row > found.layout.headerRow) ||
    row > sheet.getLastRow() ||
    rowVersion(readRecord(ctx, found.layout, row)) !== target.version;
  if (changed) {
    return {
      ok: false,
      error: `Dòng ${target.row} của trang "${target.tab}" đã thay đổi (có người sửa, xóa hoặc chèn dòng) từ lúc tải lên biểu mẫu, nên chưa ghi gì. Hãy chọn lại dòng đó và bấm Sửa dòng đang chọn.`,
    };
  }
  return found;
}
