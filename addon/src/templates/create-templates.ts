import { findTab } from "../../../shared/read-tab.ts";
import { TEMPLATES } from "../../../shared/templates/index.ts";
import { withDocumentLock } from "../gas/document-lock.ts";
import type { AddonContext } from "../gas/types.ts";
import { loadUnitSettings } from "../settings/unit-store.ts";
import { createSubmissionSheet, findSubmissionSheet } from "../submission/submission-sheet.ts";
import { createTemplateTab } from "./create-template-tab.ts";
import { refreshTemplateTab } from "./refresh-template-tab.ts";

export interface CreateTemplatesResult {
  /** Tabs created by this run: templates in template order, then `Nộp báo cáo`. */
  readonly created: string[];
  /**
   * Template tabs that were already there (matched as shared/ matches them): their rules,
   * formats and header notes were brought up to date, their cells' values left as they were.
   */
  readonly existing: string[];
  /** Existing template tabs left as they were: no header found, or the write was refused. */
  readonly skipped?: { tab: string; error: string }[];
  readonly locale: string;
  /** Another person was creating tabs at the same moment and did not finish in time. */
  readonly busy?: boolean;
}

/**
 * Tạo biểu mẫu: adds each missing template tab and the `Nộp báo cáo` tab (so the Worker
 * reads every tab of a unit in one batchGet, even before its first submission), and
 * brings the existing template tabs' rules up to date. Running it again changes nothing.
 */
export function createTemplates(ctx: AddonContext): CreateTemplatesResult {
  // Two people clicking at once would both see a tab missing and both insert it.
  const result = withDocumentLock(ctx, () => createMissingTabs(ctx));
  if (result.ok) return result.value;
  return { created: [], existing: [], locale: ctx.spreadsheet.getSpreadsheetLocale(), busy: true };
}

function createMissingTabs(ctx: AddonContext): CreateTemplatesResult {
  const unit = loadUnitSettings(ctx.documentProperties);
  const sheets = ctx.spreadsheet.getSheets();
  const titles = sheets.map((s) => s.getName());
  const created: string[] = [];
  const existing: string[] = [];
  const skipped: { tab: string; error: string }[] = [];
  for (const template of TEMPLATES) {
    const found = findTab(template, titles);
    const sheet = sheets.find((s) => s.getName() === found);
    if (found === undefined || sheet === undefined) {
      createTemplateTab(ctx, template, unit);
      created.push(template.title);
      continue;
    }
    const refreshed = refreshTemplateTab(ctx, template, sheet);
    if (refreshed.ok) existing.push(found);
    else skipped.push({ tab: found, error: refreshed.error });
  }
  // Made exactly as the first submission makes it; an existing one keeps its rows as they are.
  if (findSubmissionSheet(ctx) === null) {
    created.push(createSubmissionSheet(ctx).getName());
  }
  return { created, existing, skipped, locale: ctx.spreadsheet.getSpreadsheetLocale() };
}

/** The alert shown after Tạo biểu mẫu. */
export function createTemplatesMessage(result: CreateTemplatesResult): string {
  if (result.busy) {
    return "Một người khác đang tạo biểu mẫu trong bảng tính này. Hãy thử lại sau vài giây.";
  }
  const parts: string[] = [];
  if (result.created.length > 0) parts.push(`Đã tạo: ${result.created.join(", ")}.`);
  if (result.existing.length > 0) {
    parts.push(
      `Đã có sẵn: ${result.existing.join(", ")}. Đã cập nhật danh sách chọn, quy tắc kiểm tra ô, định dạng và ghi chú các cột theo quy định hiện hành; số liệu đã nhập giữ nguyên.`,
    );
  }
  const skipped = result.skipped ?? [];
  for (const { tab, error } of skipped) {
    parts.push(`Chưa cập nhật được trang "${tab}": ${error}`);
  }
  if (result.created.length === 0 && skipped.length === 0) {
    parts.push("Bảng tính đã có đủ các biểu mẫu.");
  }
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
