import { aggregateUnit } from "../../../shared/aggregate.ts";
import { percentOf, previousPeriod, samePeriodLastYear } from "../../../shared/comparison.ts";
import { METRIC_SECTIONS, METRICS, type Metrics } from "../../../shared/metrics.ts";
import type { Period } from "../../../shared/periods.ts";
import type { UnitRead } from "../../../shared/read-unit.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import { periodRowCount } from "../../../shared/submission/fingerprint.ts";
import { periodChoice } from "./period-choices.ts";
import type { ReportColumn, ReportLine, ReportSectionView, ReportTable } from "./submission-api.ts";

// Rows left out for errors are counted over every period: nothing to compare them with.
const PERIODLESS = new Set<string>(["invalidRows"]);

/**
 * The unit's own report for a period, laid out as the province's `Tổng hợp`: the same
 * sections, labels, units and comparison columns, figures from shared/ aggregateUnit.
 */
export function reportTable(unit: UnitRead, period: Period, today: IsoDate): ReportTable {
  const lastYear = samePeriodLastYear(period);
  const previous = previousPeriod(period);
  const figures = (p: Period | null): Metrics | null =>
    p ? aggregateUnit(unit.rows, unit.invalidRows, p) : null;
  const current = figures(period) as Metrics;
  const base = figures(lastYear);
  const before = figures(previous);
  const caption = (p: Period | null) => {
    if (!p) return "";
    const choice = periodChoice(p, today);
    return `${choice.name} (${choice.dates})`;
  };
  const columns: ReportColumn[] = [
    { header: "Kỳ này", caption: caption(period) },
    { header: "Cùng kỳ năm trước", caption: caption(lastYear) },
    { header: "So sánh (%)", caption: "Kỳ này so với cùng kỳ" },
    ...(previous ? [{ header: "Kỳ trước", caption: caption(previous) }] : []),
  ];
  const sections: ReportSectionView[] = METRIC_SECTIONS.map((section) => {
    let number = 0;
    const lines: ReportLine[] = METRICS.filter((m) => m.section === section.id).map((m) => {
      const now = current[m.id];
      const values: (number | null)[] = [now];
      if (PERIODLESS.has(m.id)) values.push(null, null, ...(before ? [null] : []));
      else {
        const then = base?.[m.id] ?? 0;
        values.push(then, percentOf(now, then), ...(before ? [before[m.id]] : []));
      }
      return {
        stt: m.breakdown ? "-" : String(++number),
        label: m.label,
        unit: m.unit,
        breakdown: m.breakdown,
        values,
      };
    });
    return { numeral: section.numeral, title: section.title, lines };
  }).filter((s) => s.lines.length > 0);
  return {
    period: periodChoice(period, today),
    columns,
    sections,
    rows: periodRowCount(unit.rows, period),
  };
}
