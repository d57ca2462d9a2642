import { findTab } from "../../../shared/read-tab.ts";
import { TEMPLATES } from "../../../shared/templates/index.ts";
import { withDocumentLock } from "../gas/document-lock.ts";
import type { AddonContext } from "../gas/types.ts";
import { loadUnitSettings } from "../settings/unit-store.ts";
import { createTemplateTab } from "./create-template-tab.ts";

export interface CreateTemplatesResult {
  /** Tabs created by this run, in template order. */
  readonly created: string[];
  /** Template tabs that were already there (matched as shared/ matches them) and left alone. */
  readonly existing: string[];
  readonly locale: string;
  /** Another person was creating tabs at the same moment and did not finish in time. */
  readonly busy?: boolean;
}

/** Tạo biểu mẫu: adds each missing template tab; existing tabs are never touched. */
export function createTemplates(ctx: AddonContext): CreateTemplatesResult {
  // Two people clicking at once would both see a tab missing and both insert it.
  const result = withDocumentLock(ctx, () => createMissingTabs(ctx));
  if (result.ok) return result.value;
  return { created: [], existing: [], locale: ctx.spreadsheet.getSpreadsheetLocale(), busy: true };
}

function createMissingTabs(ctx: AddonContext): CreateTemplatesResult {
  const unit = loadUnitSettings(ctx.documentProperties);
  const titles = ctx.spreadsheet.getSheets().map((s) => s.getName());
  const created: string[] = [];
  const existing: string[] = [];
  for (const template of TEMPLATES) {
    const found = findTab(template, titles);
    if (found !== undefined) {
      existing.push(found);
      continue;
    }
    createTemplateTab(ctx, template, unit);
    created.push(template.title);
  }
  return { created, existing, locale: ctx.spreadsheet.getSpreadsheetLocale() };
}

/** The alert shown after Tạo biểu mẫu. */
export function createTemplatesMessage(result: CreateTemplatesResult): string {
  if (result.busy) {
    return "Một người khác đang tạo biểu mẫu trong bảng tính này. Hãy thử lại sau vài giây.";
  }
  const parts: string[] = [];
  if (result.created.length > 0) parts.push(`Đã tạo: ${result.created.join(", ")}.`);
  if (result.existing.length > 0) {
    parts.push(`Đã có sẵn, giữ nguyên: ${result.existing.join(", ")}.`);
  }
  if (result.created.length === 0) parts.push("Bảng tính đã có đủ các biểu mẫu.");
  const warning = localeWarning(result.locale);
  if (warning) parts.push(warning);
  return parts.join("\n\n");
}

/**
 * Outside a Vietnamese locale Sheets reads a typed 05/06/2026 as 6 May (or not as a date
 * at all), so staff are told where to change it; the add-on does not change it for them.
 */
export function localeWarning(locale: string): string | null {
  if (locale.toLowerCase().startsWith("vi")) return null;
  return `Lưu ý: bảng tính đang dùng ngôn ngữ và vùng "${locale}", nên ngày gõ tay có thể bị hiểu sai thứ tự ngày/tháng. Hãy vào Tệp › Cài đặt, thẻ Chung, chọn khu vực Việt Nam.`;
}
