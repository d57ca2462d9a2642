import { aggregateUnit, sumMetrics } from "../../shared/aggregate.ts";
import { previousPeriod, samePeriodLastYear } from "../../shared/comparison.ts";
import { type Metrics, zeroMetrics } from "../../shared/metrics.ts";
import type { Period, PeriodRule } from "../../shared/periods.ts";
import type { DueSetting } from "../../shared/province-settings.ts";
import type { ReportingRate } from "../../shared/report-text/report-values.ts";
import { loadSnapshots, loadUnitStates } from "../storage/unit-repository.ts";
import type { UnitStatus } from "./model.ts";
import { judgeStoredSubmissions } from "./submission-step.ts";
import { type SubmissionJson, submissionJson } from "./submissions.ts";

/** The body of `GET /api/totals` and of `out/totals.json` (docs/local-run.md), version 2. */
export interface TotalsBody {
  readonly version: 2;
  readonly period: {
    readonly id: string;
    readonly rule: PeriodRule;
    readonly from: string;
    readonly to: string;
    /** The last day a unit's report for the period is on time. */
    readonly dueDate: string;
  };
  readonly generatedAt: string;
  /** The reporting rate over the registered units (docs/output.md). */
  readonly completeness: ReportingRate;
  readonly units: readonly UnitTotals[];
  readonly total: Metrics;
  readonly comparison: {
    readonly samePeriodLastYear: ComparedTotal;
    /** For quarters and halves; null for years and nine months. */
    readonly previousPeriod: ComparedTotal | null;
  };
}

export interface ComparedTotal {
  readonly id: string;
  readonly total: Metrics;
}

export interface UnitTotals {
  readonly code: string;
  readonly name: string;
  readonly spreadsheetId: string | null;
  readonly status: UnitStatus;
  /** When the figures were read (fresh and stale units), else null. */
  readonly readAt: string | null;
  readonly error: string | null;
  /** Template tabs whose rows could not all be counted (docs/domain.md, "Tab problems"). */
  readonly tabProblems: readonly { readonly tab: string; readonly message: string }[];
  /** The unit's submission for the period (submissions.ts). */
  readonly submission: SubmissionJson;
  readonly metrics: Metrics;
}

/**
 * Totals for any period from the snapshots in D1, without calling Google: every
 * registered unit in registry order with the status the latest run gave it, and the
 * same figures for the periods a report compares with. Units without figures
 * (unreadable, missing) count zero and say why. `due` is the province's `Hạn nộp`
 * when known, else the default (6 days after the period's last day).
 */
export async function computeTotals(
  db: D1Database,
  provinceId: string,
  period: Period,
  now: Date,
  /** Default: `Hạn nộp` as the latest run read it (else 6 days after the period). */
  due?: DueSetting,
): Promise<TotalsBody> {
  const [states, snapshots] = await Promise.all([
    loadUnitStates(db, provinceId),
    loadSnapshots(db, provinceId),
  ]);
  const submissions = await judgeStoredSubmissions(db, provinceId, {
    states,
    snapshots,
    period,
    due,
  });
  const lastYear = samePeriodLastYear(period);
  const previous = previousPeriod(period);
  const compared: { lastYear: Metrics[]; previous: Metrics[] } = { lastYear: [], previous: [] };
  const units = states.map((state): UnitTotals => {
    const hasFigures = state.status === "fresh" || state.status === "stale";
    const snapshot = hasFigures ? snapshots.get(state.code) : undefined;
    // One read of the rows per unit: a stored snapshot is packed and decodes them on each.
    const rows = snapshot?.rows;
    const of = (p: Period) =>
      snapshot && rows ? aggregateUnit(rows, snapshot.invalidRows, p) : null;
    const lastYearFigures = lastYear && of(lastYear);
    const previousFigures = previous && of(previous);
    if (lastYearFigures) compared.lastYear.push(lastYearFigures);
    if (previousFigures) compared.previous.push(previousFigures);
    return {
      code: state.code,
      name: state.name,
      spreadsheetId: state.spreadsheetId,
      status: state.status,
      readAt: hasFigures ? state.readAt : null,
      error: state.error,
      tabProblems: (snapshot?.tabProblems ?? []).map(({ tab, message }) => ({ tab, message })),
      submission: submissionJson(submissions.units.get(state.code)),
      metrics: of(period) ?? zeroMetrics(),
    };
  });
  return {
    version: 2,
    period: {
      id: period.id,
      rule: period.rule,
      from: period.from,
      to: period.to,
      dueDate: submissions.due,
    },
    generatedAt: now.toISOString(),
    completeness: submissions.rate,
    units,
    total: sumMetrics(units.map((u) => u.metrics)),
    comparison: {
      // Only a period of the year 2000 has no year before it that periods can name.
      samePeriodLastYear: {
        id: lastYear?.id ?? "",
        total: sumMetrics(compared.lastYear),
      },
      previousPeriod: previous ? { id: previous.id, total: sumMetrics(compared.previous) } : null,
    },
  };
}
