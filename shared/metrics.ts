import { TEMPLATES, type TemplateId } from "./templates/index.ts";

/**
 * The report's sections, in order. The first four are the templates (same ids); the last
 * is about the data itself.
 */
export const METRIC_SECTIONS = [
  { id: "inspections", numeral: "I", title: "Kiểm tra, giám sát" },
  { id: "awards", numeral: "II", title: "Khen thưởng" },
  { id: "dialogues", numeral: "III", title: "Đối thoại" },
  { id: "trainings", numeral: "IV", title: "Tập huấn, hội nghị, tuyên truyền" },
  { id: "quality", numeral: "V", title: "Chất lượng số liệu" },
] as const;

export type SectionId = (typeof METRIC_SECTIONS)[number]["id"];

/** Rows left out for errors, over all periods: the one metric no template owns. */
export const INVALID_ROWS_METRIC = {
  id: "invalidRows",
  label: "Số dòng lỗi chưa được tính",
  unit: "dòng",
  section: "quality",
  breakdown: false,
} as const;

type TemplateMetricId = (typeof TEMPLATES)[number]["metrics"][number]["id"];
export type MetricId = TemplateMetricId | typeof INVALID_ROWS_METRIC.id;

export interface MetricInfo {
  readonly id: MetricId;
  /** `Chỉ tiêu`: what is counted, as the report table says it (NFC). */
  readonly label: string;
  /** `Đơn vị tính`. */
  readonly unit: string;
  readonly section: SectionId;
  /** A "Trong đó" row: a part of the row above it, shown indented. */
  readonly breakdown: boolean;
}

// Each template's metrics sit in the section of the same id: the compiler checks it here.
const TEMPLATE_SECTION: Record<TemplateId, SectionId> = {
  inspections: "inspections",
  awards: "awards",
  dialogues: "dialogues",
  trainings: "trainings",
};

/** Every metric in report order: the templates' metrics, then invalidRows. */
export const METRICS: readonly MetricInfo[] = [
  ...TEMPLATES.flatMap((t) =>
    t.metrics.map(
      (m): MetricInfo => ({
        id: m.id,
        label: m.label,
        unit: m.unit,
        section: TEMPLATE_SECTION[t.id],
        breakdown: "breakdown" in m && m.breakdown === true,
      }),
    ),
  ),
  INVALID_ROWS_METRIC,
];

export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);

export type Metrics = Record<MetricId, number>;

export function zeroMetrics(): Metrics {
  return Object.fromEntries(METRIC_IDS.map((id) => [id, 0])) as Metrics;
}
