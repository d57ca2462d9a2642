import { findTab } from "../../../shared/read-tab.ts";
import { TEMPLATES } from "../../../shared/templates/index.ts";
import { normalizeText } from "../../../shared/text/fold.ts";
import type { AddonContext } from "../gas/types.ts";
import type { SaveSettingsResult, SettingsView, UnitSettings } from "../server-api.ts";
import {
  checkReportingInput,
  loadReportingSettings,
  storeReportingSettings,
} from "../submission/reporting-settings.ts";
import { TITLE_ROW } from "../templates/create-template-tab.ts";
import { isGeneratedTitle, titleText } from "../templates/title-row.ts";
import { loadUnitSettings, serviceAccountEmail, storeUnitSettings } from "./unit-store.ts";

export const MAX_CODE_LENGTH = 30;
export const MAX_NAME_LENGTH = 120;

export function getUnitSettings(ctx: AddonContext): SettingsView {
  const unit = loadUnitSettings(ctx.documentProperties);
  return {
    code: unit?.code ?? "",
    name: unit?.name ?? "",
    serviceAccountEmail: serviceAccountEmail(ctx.scriptProperties),
    ...loadReportingSettings(ctx.documentProperties),
  };
}

/**
 * Cài đặt đơn vị: stores the unit in document properties and rewrites the title row of
 * the tabs this add-on generated (only a title it recognises as its own).
 */
export function saveUnitSettings(
  ctx: AddonContext,
  input: Partial<UnitSettings>,
): SaveSettingsResult {
  const code = normalizeText(String(input?.code ?? ""));
  const name = normalizeText(String(input?.name ?? ""));
  const problems: { field: keyof UnitSettings; message: string }[] = [];
  if (code === "")
    problems.push({
      field: "code",
      message: "Hãy nhập mã đơn vị (theo danh sách đơn vị của tỉnh).",
    });
  else if (code.length > MAX_CODE_LENGTH) {
    problems.push({ field: "code", message: `Mã đơn vị dài tối đa ${MAX_CODE_LENGTH} ký tự.` });
  }
  if (name === "")
    problems.push({ field: "name", message: "Hãy nhập tên đơn vị, ví dụ Xã Hòa Bình." });
  else if (name.length > MAX_NAME_LENGTH) {
    problems.push({ field: "name", message: `Tên đơn vị dài tối đa ${MAX_NAME_LENGTH} ký tự.` });
  }
  const reporting = checkReportingInput(input);
  problems.push(...reporting.problems);
  if (problems.length > 0) return { ok: false, problems };

  const unit = { code, name };
  storeUnitSettings(ctx.documentProperties, unit);
  storeReportingSettings(ctx.documentProperties, reporting.settings);
  return { ok: true, settings: getUnitSettings(ctx), updatedTitles: refreshTitles(ctx, unit) };
}

function refreshTitles(ctx: AddonContext, unit: UnitSettings): string[] {
  const sheets = ctx.spreadsheet.getSheets();
  const names = sheets.map((s) => s.getName());
  const updated: string[] = [];
  for (const template of TEMPLATES) {
    const sheet = sheets.find((s) => s.getName() === findTab(template, names));
    if (!sheet) continue;
    const cell = sheet.getRange(TITLE_ROW, 1, 1, 1);
    const current = cell.getValue();
    const next = titleText(template, unit);
    if (!isGeneratedTitle(template, current) || current === next) continue;
    cell.setValue(next);
    updated.push(sheet.getName());
  }
  return updated;
}
