import type { Issue } from "../../shared/issue.ts";
import type { Metrics } from "../../shared/metrics.ts";
import type { Period } from "../../shared/periods.ts";
import type { UnitSnapshot, UnitState } from "../storage/types.ts";

/** One row of the registry tab `Đơn vị`, accepted as a unit. */
export interface RegisteredUnit {
  readonly code: string;
  readonly name: string;
  /** 0-based order among accepted units. */
  readonly position: number;
  /** 1-based row in `Đơn vị`. */
  readonly sheetRow: number;
  /** null when `Bảng tính` is empty (status `missing`). */
  readonly spreadsheetId: string | null;
  /** Why the unit cannot be read although a spreadsheet is given (bad link, duplicate). */
  readonly problem: string | null;
}

/** A unit after a run: its status and the figures that count for it. */
export interface UnitOutcome {
  readonly state: UnitState;
  /** The rows that count: this run's read (fresh) or the last good one (stale). */
  readonly snapshot: UnitSnapshot | null;
  /** Metrics for the report's period; null when there is no snapshot. */
  readonly metrics: Metrics | null;
  /** The error is a registry problem, already listed with its row in `Lỗi dữ liệu`. */
  readonly errorFromRegistry: boolean;
}

/** A problem in the province's own tabs, with the unit it concerns ("" for none). */
export interface ProvinceIssue {
  readonly code: string;
  readonly issue: Issue;
}

/** Everything the output tabs show. */
export interface ConsolidationReport {
  readonly period: Period;
  /** ISO instant the figures were put together. */
  readonly generatedAt: string;
  readonly outcomes: readonly UnitOutcome[];
  /** Problems in the province's own tabs (`Đơn vị`, `Cấu hình`). */
  readonly provinceIssues: readonly ProvinceIssue[];
  readonly total: Metrics;
}
