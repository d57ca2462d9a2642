import type { Issue } from "../../shared/issue.ts";
import type { PeriodRule } from "../../shared/periods.ts";
import type { UnitRows } from "../../shared/read-unit.ts";

/** What the status column says about a unit's figures (domain.md, "Unit status"). */
export type UnitStatus = "fresh" | "stale" | "unreadable" | "missing";

/** The last good read of a unit: enough to compute any period later without Google. */
export interface UnitSnapshot {
  readonly rows: UnitRows;
  readonly issues: readonly Issue[];
  readonly invalidRows: number;
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
  /** Tab titles found in that spreadsheet, by template id (null: the tab was missing). */
  readonly tabTitles: TabTitles | null;
}

export type TabTitles = Readonly<Record<string, string | null>>;

export interface UnitStateWithSnapshot extends UnitState {
  readonly snapshot: UnitSnapshot | null;
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
