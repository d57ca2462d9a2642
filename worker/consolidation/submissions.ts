import type { Period } from "../../shared/periods.ts";
import type { ReportingRate } from "../../shared/report-text/report-values.ts";
import type { IsoDate } from "../../shared/schema/template.ts";
import { fingerprint, periodRowCount } from "../../shared/submission/fingerprint.ts";
import {
  type Submission,
  type SubmissionState,
  type SubmissionStatus,
  submissionStatus,
} from "../../shared/submission/submission-status.ts";
import type { TabTitles, UnitSnapshot, UnitState } from "./model.ts";
import { type SeenRow, type Sighting, sightingKey } from "./sightings.ts";

/**
 * Whether each unit has submitted its report for the period (docs/domain.md, "Submitting a
 * period's report"): the status of its counting `Nộp báo cáo` row, judged against `Hạn
 * nộp` by the time it states, or by when the Worker first saw it when an earlier read did
 * not have it (the backdating guard), and whether its rows changed since.
 */

/** Keys kept beside the template ids in a unit's stored tab titles (model.ts TabTitles):
 * the `Nộp báo cáo` tab's title (null: the sheet has none) and the sheet's time zone, both
 * learned by spreadsheets.get, so later runs read the tab in the one batchGet. */
export const SUBMISSION_TAB_KEY = "@submissionTab";
export const TIME_ZONE_KEY = "@timeZone";

/** The stored time zone, when this unit's titles were learned with it. */
export function knownTimeZone(titles: TabTitles | null | undefined): string | null {
  const zone = titles?.[TIME_ZONE_KEY];
  return typeof zone === "string" && zone !== "" ? zone : null;
}

/** One unit's submission for the reported period, as every output shows it. */
export interface UnitSubmission {
  readonly code: string;
  readonly status: SubmissionStatus;
  /** When the Worker first saw the counting row (ISO), null when not submitted. */
  readonly recordedAt: string | null;
  /** Valid rows of the period in the unit's figures now (null: no figures). */
  readonly rowsNow: number | null;
}

export interface SubmissionsReport {
  /** The last on-time day (whole day, Asia/Ho_Chi_Minh). */
  readonly due: IsoDate;
  /** By unit code, for every expected unit. */
  readonly units: ReadonlyMap<string, UnitSubmission>;
  readonly rate: ReportingRate;
}

/** A unit as the judge needs it: its code and the figures that count for it. */
export interface JudgedUnit {
  readonly code: string;
  readonly snapshot: UnitSnapshot | null;
}

/** Every unit's status for `period` under the province's rule, and the reporting rate. */
export function judgeSubmissions(
  units: readonly JudgedUnit[],
  period: Period,
  due: IsoDate,
  sightings: ReadonlyMap<string, Sighting>,
): SubmissionsReport {
  const judged = new Map<string, UnitSubmission>();
  for (const unit of units) judged.set(unit.code, judgeUnit(unit, period, due, sightings));
  return { due, units: judged, rate: reportingRate([...judged.values()]) };
}

function judgeUnit(
  { code, snapshot }: JudgedUnit,
  period: Period,
  due: IsoDate,
  sightings: ReadonlyMap<string, Sighting>,
): UnitSubmission {
  const input = {
    submissions: snapshot?.submissions ?? [],
    period,
    due,
    fingerprint: snapshot ? fingerprint(snapshot.rows, period) : null,
  };
  const first = submissionStatus(input);
  const rowsNow = snapshot ? periodRowCount(snapshot.rows, period) : null;
  if (first.submission === null) return { code, status: first, recordedAt: null, rowsNow };
  const sighting = sightings.get(sightingKey(code, first.submission)) ?? null;
  if (sighting === null) return { code, status: first, recordedAt: null, rowsNow };
  const seen = {
    firstSeenAt: Date.parse(sighting.firstSeenAt),
    readBefore: sighting.readBefore === null ? null : Date.parse(sighting.readBefore),
  };
  return {
    code,
    status: submissionStatus({ ...input, seen }),
    recordedAt: sighting.firstSeenAt,
    rowsNow,
  };
}

/** Counts over the expected units (every unit given, `missing` ones included). */
export function reportingRate(units: readonly Pick<UnitSubmission, "status">[]): ReportingRate {
  const count = (state: SubmissionState) => units.filter((u) => u.status.state === state).length;
  const onTime = count("onTime");
  const late = count("late");
  return {
    expected: units.length,
    submitted: onTime + late,
    onTime,
    late,
    notSubmitted: count("notSubmitted"),
    changedAfterSubmission: units.filter((u) => u.status.changed).length,
  };
}

/**
 * The rows of `Nộp báo cáo` read now that the province must remember: every row of a
 * unit read in this run. `readBefore` is the unit's previous successful read of the same
 * spreadsheet, if that read looked at the tab (it stored the sheet's time zone with the
 * titles) and came before this one; a read by older code, or of another spreadsheet, says
 * nothing about the row. A unit kept unread (Drive shows it unchanged) carries its last
 * read's time, which held these very rows: that read is not "before" them.
 */
export function rowsSeen(
  outcomes: readonly { readonly state: UnitState; readonly snapshot: UnitSnapshot | null }[],
  known: ReadonlyMap<string, UnitState>,
): SeenRow[] {
  const seen: SeenRow[] = [];
  for (const { state, snapshot } of outcomes) {
    if (state.status !== "fresh" || !state.readAt) continue;
    const previous = known.get(state.code);
    const lookedBefore =
      previous?.readAt != null &&
      Date.parse(previous.readAt) < Date.parse(state.readAt) &&
      previous.snapshotSpreadsheetId === state.spreadsheetId &&
      knownTimeZone(previous.tabTitles) !== null;
    for (const submission of snapshot?.submissions ?? []) {
      seen.push({
        code: state.code,
        submission,
        seenAt: state.readAt,
        readBefore: lookedBefore ? previous.readAt : null,
      });
    }
  }
  return seen;
}

/** `units[].submission` of totals.json (docs/output.md). */
export interface SubmissionJson {
  readonly status: SubmissionState;
  readonly submittedAt: string | null;
  readonly recordedAt: string | null;
  readonly daysLate: number | null;
  readonly changedAfterSubmission: boolean;
  readonly by: string | null;
}

export function submissionJson(unit: UnitSubmission | undefined): SubmissionJson {
  const s = unit?.status.submission ?? null;
  if (!unit || s === null) {
    return {
      status: "notSubmitted",
      submittedAt: null,
      recordedAt: null,
      daysLate: null,
      changedAfterSubmission: false,
      by: null,
    };
  }
  return {
    status: unit.status.state,
    submittedAt: new Date(s.submittedAt).toISOString(),
    recordedAt: unit.recordedAt,
    daysLate: unit.status.daysLate,
    changedAfterSubmission: unit.status.changed,
    by: s.by === "" ? null : s.by,
  };
}

// Output wording moved to submissions-text.ts; report-view.ts (another area) still imports
// these from here until its owner moves the import.
export { byUnitSubmission, byUnitTotalSubmission, reportingRateLine } from "./submissions-text.ts";
export type { Submission };
