import { aggregateUnit, sumMetrics } from "../../shared/aggregate.ts";
import { previousPeriod, samePeriodLastYear } from "../../shared/comparison.ts";
import type { Metrics } from "../../shared/metrics.ts";
import type { Period } from "../../shared/periods.ts";
import type { UnitOutcome, UnitSnapshot } from "./model.ts";
import { chartQuarters, KEY_FIGURES } from "./output/charts-tab.ts";
import type { Figures } from "./output/report-layout.ts";

/**
 * A unit's figures for every period a report shows, computed once when the unit is
 * decided: the report then sums them without going back to the unit's rows (which stay
 * packed, snapshot-codec.ts), so a province's memory grows with its units, not its rows.
 */
export interface UnitFigures {
  /** The report's period these figures are for (periodKey). */
  readonly key: string;
  /** The report's period (the outcome's `metrics`). */
  readonly period: Metrics;
  readonly samePeriodLastYear: Metrics | null;
  readonly previousPeriod: Metrics | null;
  /** The quarters the charts show, in chartQuarters order (null: no such quarter): only
   * the key figures they plot, in KEY_FIGURES order (a unit's memory, times 3,321). */
  readonly quarters: readonly (readonly number[] | null)[];
}

export function unitFigures(snapshot: UnitSnapshot, period: Period): UnitFigures {
  // One read of the rows: a packed snapshot decodes them on each read.
  const { rows, invalidRows } = snapshot;
  const of = (p: Period | null) => (p ? aggregateUnit(rows, invalidRows, p) : null);
  const { thisYear, lastYear } = chartQuarters(period);
  return {
    key: periodKey(period),
    period: aggregateUnit(rows, invalidRows, period),
    samePeriodLastYear: of(samePeriodLastYear(period)),
    previousPeriod: of(previousPeriod(period)),
    quarters: [...thisYear, ...lastYear].map((q) => {
      const m = of(q);
      return m && KEY_FIGURES.map((k) => m[k.id]);
    }),
  };
}

/** An outcome's figures: as decided, or from its snapshot for an outcome made without. */
export function figuresOf(outcome: UnitOutcome, period: Period): UnitFigures | null {
  const { figures } = outcome;
  if (figures && figures.key === periodKey(period)) return figures;
  return outcome.snapshot ? unitFigures(outcome.snapshot, period) : null;
}

/** The province's total of one of the figures, over the units that have figures. */
export function sumFigures(
  figures: readonly (UnitFigures | null)[],
  pick: (f: UnitFigures) => Metrics | null,
): Metrics {
  const list: Metrics[] = [];
  for (const f of figures) {
    const m = f && pick(f);
    if (m) list.push(m);
  }
  return sumMetrics(list);
}

function periodKey(period: Period): string {
  return `${period.id}|${period.rule}|${period.from}|${period.to}`;
}

/** The province's key figures of one chart quarter (`index` in chartQuarters order). */
export function sumQuarter(figures: readonly (UnitFigures | null)[], index: number): Figures {
  const total = KEY_FIGURES.map(() => 0);
  for (const f of figures) {
    const q = f?.quarters[index];
    for (let k = 0; q && k < total.length; k++) total[k]! += q[k] ?? 0;
  }
  return Object.fromEntries(KEY_FIGURES.map((k, i) => [k.id, total[i]!]));
}
