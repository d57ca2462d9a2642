import { percentOf } from "../../shared/comparison.ts";
import { METRIC_SECTIONS, METRICS } from "../../shared/metrics.ts";

type Figures = Readonly<Record<string, number>>;

export interface ReportForPrint {
  readonly period: { readonly id: string };
  readonly total: Figures;
  readonly comparison: {
    readonly samePeriodLastYear: { readonly id: string; readonly total: Figures };
    readonly previousPeriod: { readonly id: string; readonly total: Figures } | null;
  };
}

// invalidRows counts every period, so comparing it with another period would mislead.
const NOT_COMPARED = new Set(["invalidRows"]);

/**
 * The province's report table as `Tổng hợp` lays it out (sections, "Trong đó" rows indented),
 * with this period, the same period last year, So sánh (%) and, for quarters and halves,
 * the previous period: the figures a report quotes, from `totals.json` alone.
 */
export function reportTable(report: ReportForPrint): string {
  const { samePeriodLastYear: lastYear, previousPeriod: previous } = report.comparison;
  const header = [
    "Chỉ tiêu",
    "Đơn vị tính",
    `Kỳ này (${report.period.id})`,
    `Cùng kỳ (${lastYear.id})`,
    "So sánh (%)",
    ...(previous ? [`Kỳ trước (${previous.id})`] : []),
  ];
  const rows: string[][] = [];
  for (const section of METRIC_SECTIONS) {
    rows.push([`${section.numeral}. ${section.title}`]);
    for (const m of METRICS.filter((metric) => metric.section === section.id)) {
      const now = report.total[m.id] ?? 0;
      const compared = !NOT_COMPARED.has(m.id);
      const before = lastYear.total[m.id] ?? 0;
      rows.push([
        `${m.breakdown ? "    " : "  "}${m.label}`,
        m.unit,
        String(now),
        compared ? String(before) : "",
        compared ? String(percentOf(now, before) ?? "") : "",
        ...(previous ? [compared ? String(previous.total[m.id] ?? 0) : ""] : []),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => (r.length === 1 ? r[0]! : line(r))),
  ].join("\n");
}
