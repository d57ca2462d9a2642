import { type Metrics, zeroMetrics } from "./metrics.ts";
import { isInPeriod, type Period } from "./periods.ts";
import type { UnitRows } from "./read-unit.ts";
import type { IsoDate, MetricRule, RowFilter } from "./schema/template.ts";
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
      return rows.filter((row) => matches(rule, row)).length;
    case "sum":
      return sum(rows, rule.key);
    case "sumWhere":
      return sum(
        rows.filter((row) => matches(rule.where, row)),
        rule.key,
      );
    case "distinct": {
      // Same base typed two ways ("UBND xã Hoà Bình" / "UBND Xã  Hòa Bình") counts once.
      const keys = new Set<string>();
      for (const row of rows) {
        const v = row[rule.key];
        if (!isBlankCell(v)) keys.add(foldKey(String(v)));
      }
      return keys.size;
    }
    case "inspectionGroups": {
      const where = rule.where;
      const kept = where ? rows.filter((row) => matches(where, row)) : rows;
      const groups = new Set<string>();
      let single = 0;
      for (const row of kept) {
        const round = row[rule.round];
        // A row without a round cannot be matched with others: an inspection by itself.
        if (isBlankCell(round)) {
          single++;
          continue;
        }
        // JSON keeps the parts apart: no separator can occur inside one of them.
        groups.add(JSON.stringify([...rule.by.map((k) => foldCell(row[k])), foldCell(round)]));
      }
      return groups.size + single;
    }
  }
}

function matches(filter: RowFilter, row: Cells): boolean {
  const v = row[filter.key];
  return typeof v === "string" && filter.in.includes(v);
}

function sum(rows: readonly Cells[], key: string): number {
  return rows.reduce((total, row) => {
    const v = row[key];
    return total + (typeof v === "number" ? v : 0);
  }, 0);
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function foldCell(v: unknown): string {
  return isBlankCell(v) ? "" : foldKey(String(v));
}

/** Totals over units: `Toàn tỉnh`. Distinct counts add up too, being within each unit. */
export function sumMetrics(list: readonly Metrics[]): Metrics {
  const total = zeroMetrics();
  for (const metrics of list) {
    for (const id of Object.keys(total) as (keyof Metrics)[]) total[id] += metrics[id];
  }
  return total;
}
