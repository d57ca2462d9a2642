/**
 * The shape of the report the tabs lay out: sections (I., II., …) and metrics in report
 * order. Production passes shared/metrics.ts's METRIC_SECTIONS and METRICS; the tab
 * builders take it as input so they depend on the shape, not on the list.
 */
export interface ReportSection {
  readonly id: string;
  /** Roman numeral as the report numbers sections: "I", "II", … */
  readonly numeral: string;
  readonly title: string;
}

export interface ReportMetric {
  readonly id: string;
  readonly label: string;
  /** Đơn vị tính: `cuộc`, `lượt`, … */
  readonly unit: string;
  /** The id of its section. */
  readonly section: string;
  /** A "Trong đó" row: a part of the row above, shown indented and unnumbered. */
  readonly breakdown: boolean;
}

export interface ReportLayout {
  readonly sections: readonly ReportSection[];
  readonly metrics: readonly ReportMetric[];
}

/** Figures by metric id. */
export type Figures = Readonly<Record<string, number>>;

/**
 * Metrics that do not belong to a period (rows left out for errors are counted over all
 * periods): comparing them with an earlier period would only repeat the same figure.
 */
export const PERIODLESS_METRICS: ReadonlySet<string> = new Set(["invalidRows"]);

/** The sections in order, each with its metrics in order (empty sections left out). */
export function sectionsWithMetrics(
  layout: ReportLayout,
): { section: ReportSection; metrics: ReportMetric[] }[] {
  return layout.sections
    .map((section) => ({
      section,
      metrics: layout.metrics.filter((m) => m.section === section.id),
    }))
    .filter((s) => s.metrics.length > 0);
}
