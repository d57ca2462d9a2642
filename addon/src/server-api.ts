/**
 * The functions the add-on's HTML pages call through `google.script.run`, with their
 * argument and result shapes. Client and server both import this file, so a renamed or
 * reshaped server function is a compile error on both sides; `SERVER_FUNCTIONS` lets the
 * bundle test check each one is a top-level function in the built script.
 */
import type { Problem } from "../../shared/validate-row.ts";

export interface UnitSettings {
  readonly code: string;
  readonly name: string;
}

export interface SettingsView extends UnitSettings {
  /** The Worker's service account (script property SERVICE_ACCOUNT_EMAIL), or null if unset. */
  readonly serviceAccountEmail: string | null;
}

export type SaveSettingsResult =
  | { ok: true; settings: SettingsView; updatedTitles: string[] }
  | { ok: false; problems: { field: keyof UnitSettings; message: string }[] };

export interface EntryContext {
  /** "Xã Hòa Bình (mã 001)", or null before Cài đặt đơn vị. */
  readonly unitLabel: string | null;
  /** Template ids whose tab already exists (the others are created on first entry). */
  readonly existingTemplates: string[];
}

export type EntryResult =
  | { ok: true; tab: string; row: number; createdTab: boolean }
  | { ok: false; problems: Problem[] }
  | { ok: false; error: string };

export interface CheckIssue {
  readonly severity: "error" | "warning";
  /** The template's tab title, as `shared/` names it. */
  readonly tab: string;
  /** The sheet's actual name (for "go to cell"), null when the tab is missing. */
  readonly sheetName: string | null;
  readonly row: number | null;
  readonly column: string | null;
  /** 1-based column of the marked cell, or null. */
  readonly columnNumber: number | null;
  /** The full message from `shared/` (names tab, row and column). */
  readonly message: string;
  /** The same message without the location prefix, for lists grouped by location. */
  readonly detail: string;
}

export interface CheckTabSummary {
  readonly title: string;
  readonly sheetName: string | null;
  readonly validRows: number;
  readonly invalidRows: number;
  readonly warnings: number;
}

export interface CheckReport {
  readonly tabs: CheckTabSummary[];
  readonly issues: CheckIssue[];
  /** Cells highlighted with a note in this run. */
  readonly markedCells: number;
  /** Problems listed but not highlighted (past the per-tab cap). */
  readonly unmarked: number;
}

export interface ServerApi {
  getEntryContext(): EntryContext;
  submitEntry(templateId: string, record: Record<string, string>): EntryResult;
  runDataCheck(): CheckReport;
  goToCell(sheetName: string, row: number, column: number): boolean;
  getUnitSettings(): SettingsView;
  saveUnitSettings(input: UnitSettings): SaveSettingsResult;
}

export type ServerFunctionName = keyof ServerApi;

export const SERVER_FUNCTIONS = [
  "getEntryContext",
  "submitEntry",
  "runDataCheck",
  "goToCell",
  "getUnitSettings",
  "saveUnitSettings",
] as const satisfies readonly ServerFunctionName[];

// Compile-time: the list above names every function of ServerApi.
type Unlisted = Exclude<ServerFunctionName, (typeof SERVER_FUNCTIONS)[number]>;
export const SERVER_FUNCTIONS_COMPLETE: [Unlisted] extends [never] ? true : never = true;
