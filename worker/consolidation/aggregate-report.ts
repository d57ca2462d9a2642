import { aggregateUnit, sumMetrics } from "../../shared/aggregate.ts";
import { previousPeriod, samePeriodLastYear } from "../../shared/comparison.ts";
import type { Period } from "../../shared/periods.ts";
import type { ComparedTotal, ConsolidationReport, Contact, UnitOutcome } from "./model.ts";
import type { ProvinceRead } from "./read-province.ts";

/** The province's figures for the report: every unit's metrics summed, the same for the
 * periods the report compares with (from the same snapshots), with the province's own
 * problems (`Đơn vị`, `Cấu hình`) and the registry's contacts beside them. */
export function aggregateReport(
  province: ProvinceRead & { readonly spreadsheetId: string },
  outcomes: readonly UnitOutcome[],
  period: Period,
  generatedAt: string,
): ConsolidationReport {
  const compared = (p: Period | null): ComparedTotal | null =>
    p && {
      period: p,
      total: sumMetrics(
        outcomes.flatMap(({ snapshot }) =>
          snapshot ? [aggregateUnit(snapshot.rows, snapshot.invalidRows, p)] : [],
        ),
      ),
    };
  const contacts = new Map<string, Contact>();
  for (const unit of province.registry.units) {
    if (unit.contact) contacts.set(unit.code, unit.contact);
  }
  return {
    period,
    generatedAt,
    outcomes,
    provinceIssues: [
      ...province.registry.issues,
      ...province.settings.issues.map((issue) => ({ code: "", issue })),
    ],
    total: sumMetrics(outcomes.flatMap((o) => (o.metrics ? [o.metrics] : []))),
    comparison: {
      samePeriodLastYear: compared(samePeriodLastYear(period)),
      previousPeriod: compared(previousPeriod(period)),
    },
    province: {
      spreadsheetId: province.spreadsheetId,
      title: province.title,
      sheets: province.sheets,
    },
    contacts,
  };
}
