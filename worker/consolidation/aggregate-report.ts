import { sumMetrics } from "../../shared/aggregate.ts";
import type { Period } from "../../shared/periods.ts";
import type { ConsolidationReport, UnitOutcome } from "./model.ts";
import type { ProvinceRead } from "./read-province.ts";

/** The province's figures for the report: every unit's metrics summed, with the
 * province's own problems (`Đơn vị`, `Cấu hình`) beside them. */
export function aggregateReport(
  province: ProvinceRead,
  outcomes: readonly UnitOutcome[],
  period: Period,
  generatedAt: string,
): ConsolidationReport {
  return {
    period,
    generatedAt,
    outcomes,
    provinceIssues: [
      ...province.registry.issues,
      ...province.settings.issues.map((issue) => ({ code: "", issue })),
    ],
    total: sumMetrics(outcomes.flatMap((o) => (o.metrics ? [o.metrics] : []))),
  };
}
