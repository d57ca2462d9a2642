/**
 * Entry points: the functions Apps Script calls (simple triggers, menu items, and the
 * HTML pages through google.script.run). build.mjs bundles this module as an iife named
 * QCDC and adds a top-level `function name() {}` stub for every function exported here,
 * because Apps Script only sees top-level function declarations. Each entry point is a
 * thin wrapper: the work is in the modules, which take their services as arguments.
 */
import { goToCell as goTo, runDataCheck as runCheck } from "./check/run-check.ts";
import { getEntryContext as entryContext, submitEntry as submit } from "./entry/append-entry.ts";
import type { AddonContext } from "./gas/types.ts";
import { buildMenu } from "./menu.ts";
import type {
  CheckReport,
  EntryContext,
  EntryResult,
  SaveSettingsResult,
  ServerApi,
  SettingsView,
  UnitSettings,
} from "./server-api.ts";
import { saveUnitSettings as save, getUnitSettings as settings } from "./settings/unit-settings.ts";
import { createTemplates, createTemplatesMessage } from "./templates/create-templates.ts";

/** HTML files in addon/dist (build.mjs writes them; the bundle test checks they exist). */
export const PAGES = {
  entry: { file: "Sidebar", title: "Nhập liệu" },
  check: { file: "Check", title: "Kiểm tra dữ liệu" },
  settings: { file: "Settings", title: "Cài đặt đơn vị", width: 440, height: 470 },
  guide: { file: "Guide", title: "Hướng dẫn sử dụng", width: 600, height: 560 },
} as const;

function context(): AddonContext {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    app: SpreadsheetApp,
    documentProperties: PropertiesService.getDocumentProperties(),
    scriptProperties: PropertiesService.getScriptProperties(),
    formatDate: (date, timeZone, format) => Utilities.formatDate(date, timeZone, format),
    documentLock: () => LockService.getDocumentLock(),
  };
}

// Under AuthMode.NONE (add-on installed but not yet used in this file) only the menu may
// be built: no properties, no sheet access. buildMenu needs nothing else in any mode.
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function menuCreateTemplates(): void {
  const ui = SpreadsheetApp.getUi();
  const message = createTemplatesMessage(createTemplates(context()));
  ui.alert("Tạo biểu mẫu", message, ui.ButtonSet.OK);
}

export function menuOpenEntry(): void {
  showSidebar(PAGES.entry);
}

export function menuRunCheck(): void {
  showSidebar(PAGES.check);
}

export function menuOpenSettings(): void {
  showDialog(PAGES.settings);
}

export function menuOpenGuide(): void {
  showDialog(PAGES.guide);
}

function showSidebar(page: { file: string; title: string }): void {
  const html = HtmlService.createHtmlOutputFromFile(page.file).setTitle(page.title);
  SpreadsheetApp.getUi().showSidebar(html);
}

function showDialog(page: { file: string; title: string; width: number; height: number }): void {
  const html = HtmlService.createHtmlOutputFromFile(page.file)
    .setWidth(page.width)
    .setHeight(page.height);
  SpreadsheetApp.getUi().showModalDialog(html, page.title);
}

// ---- Called by the HTML pages through google.script.run (see server-api.ts). ----

export function getEntryContext(): EntryContext {
  return entryContext(context());
}

export function submitEntry(templateId: string, record: Record<string, string>): EntryResult {
  return submit(context(), templateId, record);
}

export function runDataCheck(): CheckReport {
  return runCheck(context());
}

export function goToCell(sheetName: string, row: number, column: number): boolean {
  return goTo(context(), sheetName, row, column);
}

export function getUnitSettings(): SettingsView {
  return settings(context());
}

export function saveUnitSettings(input: UnitSettings): SaveSettingsResult {
  return save(context(), input);
}

// Compile-time check that the functions above are the API the pages were built against.
({
  getEntryContext,
  submitEntry,
  runDataCheck,
  goToCell,
  getUnitSettings,
  saveUnitSettings,
}) satisfies ServerApi;
