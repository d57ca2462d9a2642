/**
 * Entry points: the functions Apps Script calls (simple triggers, menu items, and the
 * HTML pages through google.script.run). build.mjs bundles this module as an iife named
 * QCDC and adds a top-level `function name() {}` stub for every function exported here,
 * because Apps Script only sees top-level function declarations. Each entry point is a
 * thin wrapper: the work is in the modules, which take their services as arguments.
 */
import { goToCell as goTo, runDataCheck as runCheck } from "./check/run-check.ts";
import { getEntryContext as entryContext, submitEntry as submit } from "./entry/append-entry.ts";
import {
  loadSelectedRow as loadRow,
  deleteEntry as remove,
  updateEntry as update,
} from "./entry/edit-row.ts";
import type { AddonContext } from "./gas/types.ts";
import { buildMenu } from "./menu.ts";
import { type DialogPage, PAGES, type Page } from "./pages.ts";
import type {
  CheckReport,
  DeleteResult,
  EntryContext,
  EntryResult,
  LoadRowResult,
  RowTarget,
  SaveSettingsResult,
  ServerApi,
  SettingsView,
  SubmitOptions,
  UnitSettings,
} from "./server-api.ts";
import { saveUnitSettings as save, getUnitSettings as settings } from "./settings/unit-settings.ts";
import type {
  ReportContext,
  ReportTable,
  SubmissionPreview,
  SubmitResult,
} from "./submission/submission-api.ts";
import {
  getOwnTotals as ownTotals,
  previewSubmission as previewReport,
  getReportContext as reportContext,
  submitReport as submitOwnReport,
} from "./submission/submit-report.ts";
import { createTemplates, createTemplatesMessage } from "./templates/create-templates.ts";

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

export function menuOpenOwnTotals(): void {
  showDialog(PAGES.ownTotals);
}

export function menuOpenSubmit(): void {
  showDialog(PAGES.submit);
}

export function menuOpenGuide(): void {
  showDialog(PAGES.guide);
}

function showSidebar(page: Page): void {
  const html = HtmlService.createHtmlOutputFromFile(page.file).setTitle(page.title);
  SpreadsheetApp.getUi().showSidebar(html);
}

function showDialog(page: DialogPage): void {
  const html = HtmlService.createHtmlOutputFromFile(page.file)
    .setWidth(page.width)
    .setHeight(page.height);
  SpreadsheetApp.getUi().showModalDialog(html, page.title);
}

// ---- Called by the HTML pages through google.script.run (see server-api.ts). ----

export function getEntryContext(): EntryContext {
  return entryContext(context());
}

export function submitEntry(
  templateId: string,
  record: Record<string, string>,
  options?: SubmitOptions,
): EntryResult {
  return submit(context(), templateId, record, options);
}

export function loadSelectedRow(): LoadRowResult {
  return loadRow(context());
}

export function updateEntry(
  target: RowTarget,
  record: Record<string, string>,
  options?: SubmitOptions,
): EntryResult {
  return update(context(), target, record, options);
}

export function deleteEntry(target: RowTarget): DeleteResult {
  return remove(context(), target);
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

export function getReportContext(): ReportContext {
  return reportContext(context());
}

export function getOwnTotals(
  periodId: string,
): { ok: true; table: ReportTable } | { ok: false; message: string } {
  return ownTotals(context(), periodId);
}

export function previewSubmission(periodId: string): SubmissionPreview | null {
  return previewReport(context(), periodId);
}

export function submitReport(
  periodId: string,
  seenFingerprint: string,
  note: string,
): SubmitResult {
  return submitOwnReport(context(), periodId, seenFingerprint, note);
}

// Compile-time check that the functions above are the API the pages were built against.
({
  getEntryContext,
  submitEntry,
  loadSelectedRow,
  updateEntry,
  deleteEntry,
  runDataCheck,
  goToCell,
  getUnitSettings,
  saveUnitSettings,
  getReportContext,
  getOwnTotals,
  previewSubmission,
  submitReport,
}) satisfies ServerApi;
