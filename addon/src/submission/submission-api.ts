/**
 * What `Số liệu của đơn vị…` and `Nộp báo cáo…` exchange with the server through
 * `google.script.run` (server-api.ts lists the functions). Plain JSON shapes: dates as
 * ISO text, numbers as numbers.
 */

import type { PeriodRule } from "../../../shared/periods.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import type { CheckIssue } from "../server-api.ts";

/** A period the officer may pick, under the unit's `Quy tắc kỳ`. */
export interface PeriodChoice {
  readonly id: string;
  /** "Quý III năm 2026" */
  readonly name: string;
  /** "15/06/2026 – 14/09/2026" */
  readonly dates: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The period's last day is today or later. */
  readonly open: boolean;
}

export interface ReportContext {
  /** "Xã Hòa Bình (mã 001)", or null before Cài đặt đơn vị. */
  readonly unitLabel: string | null;
  /** `Người lập biểu` from Cài đặt đơn vị ("" when not set). */
  readonly preparer: string;
  readonly rule: PeriodRule;
  /** "Nghị định 09" or "Năm dương lịch", as the sheets write it. */
  readonly ruleLabel: string;
  /** This year's and last year's periods that have started, newest year first. */
  readonly periods: PeriodChoice[];
  /** The latest quarter that has ended. */
  readonly defaultPeriod: string;
}

/** One figure column: `Kỳ này`, `Cùng kỳ năm trước`, `So sánh (%)`, `Kỳ trước`. */
export interface ReportColumn {
  readonly header: string;
  /** The period it shows, "Quý III năm 2025 (15/06/2025 – 14/09/2025)"; "" for So sánh. */
  readonly caption: string;
}

export interface ReportLine {
  /** `STT`: 1, 2… within a section; "-" for a "Trong đó" row. */
  readonly stt: string;
  readonly label: string;
  readonly unit: string;
  readonly breakdown: boolean;
  /** One per column; null is a blank cell (no base for So sánh, or not compared). */
  readonly values: (number | null)[];
}

export interface ReportSectionView {
  readonly numeral: string;
  readonly title: string;
  readonly lines: ReportLine[];
}

export interface ReportTable {
  readonly period: PeriodChoice;
  readonly columns: ReportColumn[];
  readonly sections: ReportSectionView[];
  /** Valid rows of the period, all four templates: `Số dòng` of a submission. */
  readonly rows: number;
}

/** The last submission already in `Nộp báo cáo` for the period, if any. */
export interface EarlierSubmission {
  /** "14:05 30/11/2026" in the spreadsheet's time zone. */
  readonly submittedAt: string;
  readonly by: string;
  readonly fingerprint: string;
  /** The sheet's rows still give the same `Mã kiểm tra`. */
  readonly unchanged: boolean;
}

export interface SubmissionPreview {
  readonly context: ReportContext;
  readonly table: ReportTable;
  readonly fingerprint: string;
  /** Errors in rows of the period (or whole tabs): each blocks the submission. */
  readonly errors: CheckIssue[];
  /** Warnings in rows of the period: listed, allowed. */
  readonly warnings: CheckIssue[];
  /** What must be set in Cài đặt đơn vị first ("Người lập biểu"…); blocks too. */
  readonly missingSettings: string[];
  readonly earlier: EarlierSubmission | null;
}

export type SubmitResult =
  | {
      readonly ok: true;
      readonly period: PeriodChoice;
      readonly ruleLabel: string;
      readonly rows: number;
      readonly fingerprint: string;
      /** "14:05 30/11/2026" */
      readonly submittedAt: string;
      readonly by: string;
      readonly sheetName: string;
      readonly row: number;
      readonly createdTab: boolean;
    }
  /** Errors or missing settings: nothing written. */
  | { readonly ok: false; readonly reason: "blocked"; readonly preview: SubmissionPreview }
  /** The rows changed since the officer looked at the totals: nothing written. */
  | { readonly ok: false; readonly reason: "changed"; readonly preview: SubmissionPreview }
  | { readonly ok: false; readonly reason: "busy" | "period"; readonly message: string };
