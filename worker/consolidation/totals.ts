import { aggregateUnit, sumMetrics } from "../../shared/aggregate.ts";
import { type Metrics, zeroMetrics } from "../../shared/metrics.ts";
import type { Period, PeriodRule } from "../../shared/periods.ts";
import type { UnitStatus } from "../storage/types.ts";
import { loadSnapshots, loadUnitStates } from "../storage/unit-repository.ts";

/** The body of `GET /api/totals` and of `out/totals.json` (local-run.md). */
export interface TotalsBody {
  readonly period: {
    readonly id: string;
    readonly rule: PeriodRule;
    readonly from: string;
    readonly to: string;
  };
  readonly generatedAt: string;
  readonly units: readonly UnitTotals[];
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
  readonly metrics: Metrics;
}

/**
 * Totals for any period from the snapshots in D1, without calling Google: every
 * registered unit in registry order with the status the latest run gave it. Units
 * without figures (unreadable, missing) count zero and say why.
 */
export async function computeTotals(
  db: D1Database,
  provinceId: string,
  period: Period,
  now: Date,
): Promise<TotalsBody> {
  const [states, snapshots] = await Promise.all([
    loadUnitStates(db, provinceId),
    loadSnapshots(db, provinceId),
  ]);
  const units = states.map((state): UnitTotals => {
    const hasFigures = state.status === "fresh" || state.status === "stale";
    const snapshot = hasFigures ? snapshots.get(state.code) : undefined;
    return {
      code: state.code,
      name: state.name,
      spreadsheetId: state.spreadsheetId,
      status: state.status,
      readAt: hasFigures ? state.readAt : null,
      error: state.error,
      metrics: snapshot
        ? aggregateUnit(snapshot.rows, snapshot.invalidRows, period)
        : zeroMetrics(),
    };
  });
  return {
    period: { id: period.id, rule: period.rule, from: period.from, to: period.to },
    generatedAt: now.toISOString(),
    units,
    total: sumMetrics(units.map((u) => u.metrics)),
  };
}
