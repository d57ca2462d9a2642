import { type Metrics, zeroMetrics } from "./metrics.ts";
import { isInPeriod, type Period } from "./periods.ts";
import type { UnitRows } from "./read-unit.ts";
import type { IsoDate, MetricRule } from "./schema/template.ts";
import { TEMPLATES } from "./templates/index.ts";
import { foldKey } from "./text/fold.ts";

type Cells = Readonly<Record<string, unknown>>;

/**
 * One unit's metrics for a period, from its valid rows. `invalidRows` counts rows left
 * out for errors over all periods (a broken date has no period to fall in).
 */
export function aggregateUnit(
  rows: UnitRows,
  invalidRows: number,
  period: Pick<Period, "from" | "to">,
): Metrics {
  const metrics = zeroMetrics();
  for (const template of TEMPLATES) {
    const all = (rows[template.id] ?? []) as readonly Cells[];
    const inPeriod = all.filter((row) => {
      const date = row[template.dateKey];
      return typeof date === "string" && isInPeriod(date as IsoDate, period);
    });
    for (const metric of template.metrics) {
      metrics[metric.id] = compute(metric, inPeriod);
    }
  }
  metrics.invalidRows = invalidRows;
  return metrics;
}

function compute(rule: MetricRule, rows: readonly Cells[]): number {
  switch (rule.kind) {
    case "rows":
      return rows.length;
    case "rowsWhere":
      return rows.filter((row) => row[rule.key] === rule.equals).length;
    case "sum":
      return rows.reduce((sum, row) => {
        const v = row[rule.key];
        return sum + (typeof v === "number" ? v : 0);
      }, 0);
    case "distinct": {
      // Same base typed two ways ("UBND xã Hoà Bình" / "UBND Xã  Hòa Bình") counts once.
      const keys = new Set<string>();
      for (const row of rows) {
        const v = row[rule.key];
        if (v !== null && v !== undefined && v !== "") keys.add(foldKey(String(v)));
      }
      return keys.size;
    }
  }
}

/** Totals over units: `Toàn tỉnh`. Distinct counts add up too, being within each unit. */
export function sumMetrics(list: readonly Metrics[]): Metrics {
  const total = zeroMetrics();
  for (const metrics of list) {
    for (const id of Object.keys(total) as (keyof Metrics)[]) total[id] += metrics[id];
  }
  return total;
}
