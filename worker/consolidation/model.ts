import type { Issue } from "../../shared/issue.ts";
import type { Metrics } from "../../shared/metrics.ts";
import type { Period, PeriodRule } from "../../shared/periods.ts";
import type { TabProblem, UnitRows } from "../../shared/read-unit.ts";
import type { Submission } from "../../shared/submission/submission-status.ts";
import type { SubmissionsReport } from "./submissions.ts";
import type { UnitFigures } from "./unit-figures.ts";

/**
 * The domain of one consolidation run: units, their statuses and snapshots, the run's
 * record. Storage (worker/storage/) maps these to and from D1 rows; nothing here knows D1.
 */

/** What the status column says about a unit's figures (docs/domain.md, "Unit status"). */
export type UnitStatus = "fresh" | "stale" | "unreadable" | "missing";

/** Tab titles found in a unit's spreadsheet, by template id (null: the tab was missing). */
export type TabTitles = Readonly<Record<string, string | null>>;
/** The sheetId of each template tab found, by template id (for links to its cells). */
export type TabSheetIds = Readonly<Record<string, number>>;

/** The last good read of a unit: enough to compute any period later without Google. */
export interface UnitSnapshot {
  readonly rows: UnitRows;
  /** Each row's 1-based row in the unit's sheet, by template id, in `rows` order (absent
   * in snapshots stored before row numbers were kept; null for such a row). */
  readonly sheetRows?: Readonly<Record<string, readonly (number | null)[]>>;
  readonly issues: readonly Issue[];
  readonly invalidRows: number;
  /** Template tabs whose rows could not all be counted (missing, header not found,
   * required column missing, duplicate title), for the unit's status and `Theo đơn vị`. */
  readonly tabProblems: readonly TabProblem[];
  /** The rows of the unit's `Nộp báo cáo` tab (absent in snapshots stored before it was read). */
  readonly submissions?: readonly Submission[];
}

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
  /** The optional contact columns of `Đơn vị`; null when all are blank. */
  readonly contact: Contact | null;
}

/** Whom the provincial office calls about a unit's report. */
export interface Contact {
  readonly person: string;
  readonly phone: string;
  readonly email: string;
}

/** A registered unit as the latest run left it. */
export interface UnitState {
  readonly code: string;
  /** 0-based position in the registry, the order of `Tổng hợp`. */
  readonly position: number;
  readonly name: string;
  /** null: no spreadsheet registered yet (`missing`). */
  readonly spreadsheetId: string | null;
  readonly status: UnitStatus;
  /** Vietnamese reason for any status but `fresh`, with Google's message when it said one. */
  readonly error: string | null;
  /** ISO instant of the run that decided this status. */
  readonly checkedAt: string;
  /** ISO instant of the last successful read, if any. */
  readonly readAt: string | null;
  /** The spreadsheet the snapshot came from (a unit may change spreadsheets). */
  readonly snapshotSpreadsheetId: string | null;
  /** Tab titles found in that spreadsheet (the next run asks for them directly). */
  readonly tabTitles: TabTitles | null;
  /** The sheetIds of those tabs, learnt when the tabs were listed (absent: not yet). */
  readonly tabSheetIds?: TabSheetIds | null;
}

/** A unit after a run: its status, decided once, and the figures that count for it. */
export interface UnitOutcome {
  readonly state: UnitState;
  /** The rows that count: this run's read (fresh) or the last good one (stale). */
  readonly snapshot: UnitSnapshot | null;
  /** Metrics for the report's period; null when there is no snapshot. */
  readonly metrics: Metrics | null;
  /** The unit's figures for every period the report shows (unit-figures.ts), computed
   * when the unit was decided; absent in an outcome made elsewhere (then from `snapshot`). */
  readonly figures?: UnitFigures | null;
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
  /** Who has submitted the period's report (submissions.ts); absent when not judged. */
  readonly submissions?: SubmissionsReport;
  /** The same figures for the periods a report compares with, from the same snapshots. */
  readonly comparison: {
    /** Null only for a period of the first year periods can name. */
    readonly samePeriodLastYear: ComparedTotal | null;
    /** For quarters and halves; null otherwise. */
    readonly previousPeriod: ComparedTotal | null;
  };
  /** The province's spreadsheet, for links to its own tabs in `Lỗi dữ liệu`. */
  readonly province: {
    readonly spreadsheetId: string;
    readonly title: string;
    readonly sheets: readonly { readonly sheetId: number; readonly title: string }[];
  };
  /** Registry contacts by unit code (units whose contact columns are blank are absent). */
  readonly contacts: ReadonlyMap<string, Contact>;
}

export interface ComparedTotal {
  readonly period: Period;
  readonly total: Metrics;
}

export type RunTrigger = "scheduled" | "api";
export type RunStatus = "running" | "succeeded" | "failed" | "skipped";

export interface RunCounts {
  readonly unitsTotal: number;
  readonly unitsFresh: number;
  readonly unitsStale: number;
  readonly unitsUnreadable: number;
  readonly unitsMissing: number;
  readonly rowsValid: number;
  readonly rowsInvalid: number;
  readonly issues: number;
}

export interface RunRecord {
  readonly id: number;
  readonly provinceId: string;
  readonly trigger: RunTrigger;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly periodId: string | null;
  readonly periodRule: PeriodRule | null;
  readonly counts: RunCounts;
  /** Why a run failed or was skipped, in Vietnamese. */
  readonly message: string | null;
}

export function zeroCounts(): RunCounts {
  return {
    unitsTotal: 0,
    unitsFresh: 0,
    unitsStale: 0,
    unitsUnreadable: 0,
    unitsMissing: 0,
    rowsValid: 0,
    rowsInvalid: 0,
    issues: 0,
  };
}
