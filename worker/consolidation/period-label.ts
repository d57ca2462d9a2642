import { formatDateVi } from "../../shared/cells/dates.ts";
import { type Period, type PeriodRule, parsePeriodId } from "../../shared/periods.ts";

const PART_LABELS: Record<string, (year: number) => string> = {
  Q1: (y) => `Quý I năm ${y}`,
  Q2: (y) => `Quý II năm ${y}`,
  Q3: (y) => `Quý III năm ${y}`,
  Q4: (y) => `Quý IV năm ${y}`,
  H1: (y) => `6 tháng đầu năm ${y}`,
  H2: (y) => `6 tháng cuối năm ${y}`,
  "9M": (y) => `9 tháng năm ${y}`,
};

const RULE_PHRASES: Record<PeriodRule, string> = {
  decree09: "theo mốc thống kê của Nghị định 09/2019/NĐ-CP",
  calendar: "theo năm dương lịch",
};

/** "6 tháng đầu năm 2026", as reports name their period. */
export function periodName(period: Pick<Period, "id">): string {
  const parsed = parsePeriodId(period.id);
  if (!parsed) return period.id;
  return parsed.part
    ? (PART_LABELS[parsed.part]?.(parsed.year) ?? period.id)
    : `Năm ${parsed.year}`;
}

/** "Năm 2026 (từ 15/12/2025 đến 14/12/2026, theo mốc thống kê của Nghị định 09/2019/NĐ-CP)". */
export function periodSentence(period: Period): string {
  return `${periodName(period)} (từ ${formatDateVi(period.from)} đến ${formatDateVi(period.to)}, ${RULE_PHRASES[period.rule]})`;
}
