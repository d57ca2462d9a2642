import type { Period } from "../../shared/periods.ts";
import { DEFAULT_DUE, type DueSetting, dueDate } from "../../shared/province-settings.ts";
import {
  loadDueSetting,
  loadSightings,
  recordSightings,
  type StoredDue,
  saveDueSetting,
} from "../storage/submission-repository.ts";
import type { UnitOutcome, UnitSnapshot, UnitState } from "./model.ts";
import { judgeSubmissions, rowsSeen, type SubmissionsReport } from "./submissions.ts";

/**
 * The run's submissions step, between reading the units and writing the report: the rows
 * read now are remembered (first sighting only), then every unit is judged for the
 * reported period with what D1 remembers of its counting row. The province's `Hạn nộp`
 * is kept for GET /api/totals.
 */
export async function judgeRunSubmissions(
  db: D1Database,
  provinceId: string,
  input: {
    readonly outcomes: readonly UnitOutcome[];
    /** The units as the previous run left them (their last reads). */
    readonly known: ReadonlyMap<string, UnitState>;
    readonly period: Period;
    readonly due: DueSetting;
  },
): Promise<SubmissionsReport> {
  await recordSightings(db, provinceId, rowsSeen(input.outcomes, input.known));
  await saveDueSetting(db, provinceId, { due: input.due, periodId: input.period.id });
  const sightings = await loadSightings(db, provinceId, input.period.id);
  return judgeSubmissions(
    input.outcomes.map((o) => ({ code: o.state.code, snapshot: o.snapshot })),
    input.period,
    dueDate(input.period, input.due),
    sightings,
  );
}

/**
 * The same judgement from D1 alone, for GET /api/totals: each unit's stored snapshot
 * (fresh and stale units; others have no figures and count as not submitted), the
 * sightings, and `Hạn nộp` as the latest run read it unless the caller gives one.
 */
export async function judgeStoredSubmissions(
  db: D1Database,
  provinceId: string,
  input: {
    readonly states: readonly UnitState[];
    readonly snapshots: ReadonlyMap<string, UnitSnapshot>;
    readonly period: Period;
    readonly due?: DueSetting | undefined;
  },
): Promise<SubmissionsReport> {
  const [storedDue, sightings] = await Promise.all([
    input.due
      ? Promise.resolve(input.due)
      : loadDueSetting(db, provinceId).then(dueFor(input.period)),
    loadSightings(db, provinceId, input.period.id),
  ]);
  const hasFigures = (s: UnitState) => s.status === "fresh" || s.status === "stale";
  return judgeSubmissions(
    input.states.map((s) => ({
      code: s.code,
      snapshot: hasFigures(s) ? (input.snapshots.get(s.code) ?? null) : null,
    })),
    input.period,
    dueDate(input.period, storedDue ?? DEFAULT_DUE),
    sightings,
  );
}

/**
 * `Hạn nộp` for a period the API asks about: days after the period's end hold for every
 * period, but a date is the due day of the period `Kỳ báo cáo` named when it was read;
 * any other period gets the default (docs/domain.md).
 */
function dueFor(period: Pick<Period, "id">) {
  return (stored: StoredDue | null): DueSetting | null => {
    if (!stored) return null;
    const forOther = stored.periodId !== null && stored.periodId !== period.id;
    return "date" in stored.due && forOther ? DEFAULT_DUE : stored.due;
  };
}
