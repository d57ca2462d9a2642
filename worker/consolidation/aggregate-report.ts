import { sumMetrics } from "../../shared/aggregate.ts";
import { previousPeriod, samePeriodLastYear } from "../../shared/comparison.ts";
import type { Metrics } from "../../shared/metrics.ts";
import type { Period } from "../../shared/periods.ts";
import type { ComparedTotal, ConsolidationReport, Contact, UnitOutcome } from "./model.ts";
import type { ProvinceRead } from "./read-province.ts";
import { figuresOf, sumFigures, type UnitFigures } from "./unit-figures.ts";

/** The province's figures for the report: every unit's metrics summed, the same for the
 * periods the report compares with (from the same snapshots), with the province's own
 * problems (`Đơn vị`, `Cấu hình`) and the registry's contacts beside them. */
export function aggregateReport(
  province: ProvinceRead & { readonly spreadsheetId: string },
  outcomes: readonly UnitOutcome[],
  period: Period,
  generatedAt: string,
): ConsolidationReport {
  // Each unit's figures were computed once, when it was decided: no rows are read here.
  const figures = outcomes.map((o) => figuresOf(o, period));
  const compared = (
    p: Period | null,
    pick: (f: UnitFigures) => Metrics | null,
  ): ComparedTotal | null => p && { period: p, total: sumFigures(figures, pick) };
  const contacts = new Map<string, Contact>();
  for (const unit of province.registry.units) {
    if (unit.contact) contacts.set(unit.code, unit.contact);
  }
  return {
    period,
    generatedAt,
    outcomes,
    provinceIssues: provinceIssues(province),
    total: sumMetrics(outcomes.flatMap((o) => (o.metrics ? [o.metrics] : []))),
    comparison: {
      samePeriodLastYear: compared(samePeriodLastYear(period), (f) => f.samePeriodLastYear),
      previousPeriod: compared(previousPeriod(period), (f) => f.previousPeriod),
    },
    province: {
      spreadsheetId: province.spreadsheetId,
      title: province.title,
      sheets: province.sheets,
    },
    contacts,
  };
}

/** The province's own problems (`Đơn vị`, `Cấu hình`), listed under `Tỉnh` in `Lỗi dữ liệu`. */
export function provinceIssues(province: ProvinceRead): ConsolidationReport["provinceIssues"] {
  return [
    ...province.registry.issues,
    ...province.settings.issues.map((issue) => ({ code: "", issue })),
  ];
}
