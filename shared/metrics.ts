import { TEMPLATES } from "./templates/index.ts";

/** Rows left out for errors, over all periods: the one metric no template owns. */
export const INVALID_ROWS_METRIC = {
  id: "invalidRows",
  label: "Số dòng lỗi",
} as const;

type TemplateMetricId = (typeof TEMPLATES)[number]["metrics"][number]["id"];
export type MetricId = TemplateMetricId | typeof INVALID_ROWS_METRIC.id;

/** Every metric in `Tổng hợp` column order: the templates' metrics, then invalidRows. */
export const METRICS: readonly { readonly id: MetricId; readonly label: string }[] = [
  ...TEMPLATES.flatMap((t) => t.metrics.map((m) => ({ id: m.id, label: m.label }))),
  INVALID_ROWS_METRIC,
];

export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);

export type Metrics = Record<MetricId, number>;

export function zeroMetrics(): Metrics {
  return Object.fromEntries(METRIC_IDS.map((id) => [id, 0])) as Metrics;
}
