/**
 * The functions the add-on's HTML pages call through `google.script.run`, with their
 * argument and result shapes. Client and server both import this file, so a renamed or
 * reshaped server function is a compile error on both sides; `SERVER_FUNCTIONS` lets the
 * bundle test check each one is a top-level function in the built script.
 */

import type { PeriodRule } from "../../shared/periods.ts";
import type { IsoDate } from "../../shared/schema/template.ts";
import type { Problem } from "../../shared/validate-row.ts";
import type {
  ReportContext,
  ReportTable,
  SubmissionPreview,
  SubmitResult,
} from "./submission/submission-api.ts";

export interface UnitSettings {
  readonly code: string;
  readonly name: string;
  /** `Người lập biểu`: the name a submission records (issue 11). */
  readonly preparer?: string;
  /** The unit's `Quy tắc kỳ` for Nộp báo cáo (issue 11); decree09 when unset. */
  readonly rule?: PeriodRule;
}

export interface SettingsView extends UnitSettings {
  /** The Worker's service account (script property SERVICE_ACCOUNT_EMAIL), or null if unset. */
  readonly serviceAccountEmail: string | null;
  readonly preparer: string;
  readonly rule: PeriodRule;
}

export type SaveSettingsResult =
  | { ok: true; settings: SettingsView; updatedTitles: string[] }
  | { ok: false; problems: { field: keyof UnitSettings; message: string }[] };

export interface EntryContext {
  /** "Xã Hòa Bình (mã 001)", or null before Cài đặt đơn vị. */
  readonly unitLabel: string | null;
  /** Template ids whose tab already exists (the others are created on first entry). */
  readonly existingTemplates: string[];
  /** Today in Asia/Ho_Chi_Minh by the server's clock, for the "date after today" warning. */
  readonly today: IsoDate;
}

export interface SubmitOptions {
  /** The person saw the "same as row N" warning and chose to add (or save) the row anyway. */
  readonly allowSameAs?: boolean;
}

export type EntryResult =
  | { ok: true; tab: string; row: number; createdTab: boolean; warnings: Problem[] }
  | { ok: false; problems: Problem[] }
  /** An existing row has the same key cells (entry-rules.ts `sameAs`); nothing written. */
  | { ok: false; sameAs: { tab: string; row: number } }
  | { ok: false; error: string };

/** A template row loaded into the form for Sửa dòng đang chọn. */
export interface LoadedRow {
  readonly templateId: string;
  readonly tab: string;
  readonly row: number;
  /** Cells by column key as the form shows them (dates dd/mm/yyyy, counts as digits). */
  readonly record: Record<string, string>;
  /** The row's cells as read, to refuse a write-back over someone else's change. */
  readonly version: string;
}

export type LoadRowResult = ({ ok: true } & LoadedRow) | { ok: false; error: string };

export interface RowTarget {
  readonly templateId: string;
  readonly tab: string;
  readonly row: number;
  readonly version: string;
}

export type DeleteResult = { ok: true; tab: string; row: number } | { ok: false; error: string };

export interface CheckIssue {
  readonly severity: "error" | "warning";
  /** The tab title as `shared/` names it: a template's, or `Nộp báo cáo`. */
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
  submitEntry(
    templateId: string,
    record: Record<string, string>,
    options?: SubmitOptions,
  ): EntryResult;
  loadSelectedRow(): LoadRowResult;
  updateEntry(
    target: RowTarget,
    record: Record<string, string>,
    options?: SubmitOptions,
  ): EntryResult;
  deleteEntry(target: RowTarget): DeleteResult;
  runDataCheck(): CheckReport;
  goToCell(sheetName: string, row: number, column: number): boolean;
  getUnitSettings(): SettingsView;
  saveUnitSettings(input: UnitSettings): SaveSettingsResult;
  getReportContext(): ReportContext;
  getOwnTotals(periodId: string): { ok: true; table: ReportTable } | { ok: false; message: string };
  previewSubmission(periodId: string): SubmissionPreview | null;
  submitReport(periodId: string, seenFingerprint: string, note: string): SubmitResult;
}

export type ServerFunctionName = keyof ServerApi;

export const SERVER_FUNCTIONS = [
  "getEntryContext",
  "submitEntry",
  "loadSelectedRow",
  "updateEntry",
  "deleteEntry",
  "runDataCheck",
  "goToCell",
  "getUnitSettings",
  "saveUnitSettings",
  "getReportContext",
  "getOwnTotals",
  "previewSubmission",
  "submitReport",
] as const satisfies readonly ServerFunctionName[];

// Compile-time: the list above names every function of ServerApi.
type Unlisted = Exclude<ServerFunctionName, (typeof SERVER_FUNCTIONS)[number]>;
export const SERVER_FUNCTIONS_COMPLETE: [Unlisted] extends [never] ? true : never = true;
