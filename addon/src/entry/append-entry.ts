import { TEMPLATES, templateById } from "../../../shared/templates/index.ts";
import { validateRecord } from "../../../shared/validate-row.ts";
import { withDocumentLock } from "../gas/document-lock.ts";
import type { AddonContext } from "../gas/types.ts";
import { vietnamToday } from "../gas/vietnam-today.ts";
import type { EntryContext, EntryResult, SubmitOptions } from "../server-api.ts";
import { loadUnitSettings, unitLabel } from "../settings/unit-store.ts";
import { createTemplateTab } from "../templates/create-template-tab.ts";
import { findSameRow } from "./same-row.ts";
import { findTemplateSheet, tabLayout, writeRow } from "./template-tab.ts";

export const BUSY_MESSAGE =
  "Bảng tính đang bận ghi dữ liệu của người khác. Hãy bấm Ghi lại sau vài giây.";

export function getEntryContext(ctx: AddonContext): EntryContext {
  return {
    unitLabel: unitLabel(loadUnitSettings(ctx.documentProperties)),
    existingTemplates: TEMPLATES.filter((t) => findTemplateSheet(ctx, t) !== undefined).map(
      (t) => t.id,
    ),
    today: vietnamToday(ctx),
  };
}

/**
 * Nhập liệu: validates the sidebar's record with shared/ (the client did too, but the
 * server is the one that writes) and appends it below the tab's last row. A missing tab
 * is created from the template first. A row whose key cells match an existing row is
 * not written unless `options.allowSameAs` says the person chose to add it anyway.
 */
export function submitEntry(
  ctx: AddonContext,
  templateId: string,
  record: Readonly<Record<string, unknown>>,
  options: SubmitOptions = {},
): EntryResult {
  const template = templateById(String(templateId));
  if (!template) return { ok: false, error: `Không có biểu mẫu "${String(templateId)}".` };
  const checked = validateRecord(template, record ?? {}, { today: vietnamToday(ctx) });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const row = checked.row as Record<string, string | number | null>;
  const written = withDocumentLock(ctx, (): EntryResult => {
    const existing = findTemplateSheet(ctx, template);
    const sheet =
      existing ?? createTemplateTab(ctx, template, loadUnitSettings(ctx.documentProperties));
    const found = tabLayout(sheet, template);
    if (!found.ok) return { ok: false, error: found.error };
    if (existing && options?.allowSameAs !== true) {
      const same = findSameRow(ctx, sheet, template, row);
      if (same !== null) return { ok: false, sameAs: { tab: sheet.getName(), row: same } };
    }
    const layout = found.layout;
    const rowNumber = Math.max(sheet.getLastRow(), layout.headerRow) + 1;
    // A full grid (1000 rows by default) grows by a row, as appendRow would do.
    const maxRows = sheet.getMaxRows();
    if (rowNumber > maxRows) sheet.insertRowsAfter(maxRows, rowNumber - maxRows);
    writeRow(layout, template, row, rowNumber);
    ctx.app.flush();
    return {
      ok: true,
      tab: sheet.getName(),
      row: rowNumber,
      createdTab: existing === undefined,
      warnings: checked.warnings,
    };
  });
  return written.ok ? written.value : { ok: false, error: BUSY_MESSAGE };
}
