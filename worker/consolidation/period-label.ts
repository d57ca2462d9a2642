import { formatDateVi } from "../../shared/cells/dates.ts";
import { periodName } from "../../shared/period-names.ts";
import type { Period, PeriodRule } from "../../shared/periods.ts";

const RULE_PHRASES: Record<PeriodRule, string> = {
  decree09: "theo mốc thống kê của Nghị định 09/2019/NĐ-CP",
  calendar: "theo năm dương lịch",
};

/** "Năm 2026 (từ 15/12/2025 đến 14/12/2026, theo mốc thống kê của Nghị định 09/2019/NĐ-CP)". */
export function periodSentence(period: Period): string {
  return `${periodName(period)} (từ ${formatDateVi(period.from)} đến ${formatDateVi(period.to)}, ${RULE_PHRASES[period.rule]})`;
}
