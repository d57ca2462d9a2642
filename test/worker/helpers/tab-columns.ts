import { METRICS, type MetricId } from "../../../shared/metrics.ts";

/**
 * Columns of an output tab found by their header, so a test keeps reading the right cell
 * when a column is added in front (`Theo đơn vị` gained `Nộp báo cáo`, issue 11).
 */

type Grid = readonly (readonly unknown[])[];

/** The header row: the first row whose first cell is `Mã đơn vị`. */
export function headerRow(rows: Grid): readonly unknown[] {
  const header = rows.find((r) => r[0] === "Mã đơn vị");
  if (!header) throw new Error("no header row starting with Mã đơn vị");
  return header;
}

/** The 0-based column headed `title`; throws when the tab has no such column. */
export function columnOf(rows: Grid, title: string): number {
  const at = headerRow(rows).indexOf(title);
  if (at < 0) throw new Error(`no column "${title}"`);
  return at;
}

/** A metric's header in `Theo đơn vị`: `label (unit)`. */
export function metricHeader(id: MetricId): string {
  const metric = METRICS.find((m) => m.id === id);
  if (!metric) throw new Error(`no metric ${id}`);
  return `${metric.label} (${metric.unit})`;
}

/** The column of a metric in `Theo đơn vị`. */
export const metricColumn = (rows: Grid, id: MetricId) => columnOf(rows, metricHeader(id));
