import { type Period, parsePeriodId } from "./periods.ts";

// How Vietnamese reports name a period; the add-on's dialogs and the province's tabs say the same.
const PART_NAMES: Record<string, (year: number) => string> = {
  Q1: (y) => `Quý I năm ${y}`,
  Q2: (y) => `Quý II năm ${y}`,
  Q3: (y) => `Quý III năm ${y}`,
  Q4: (y) => `Quý IV năm ${y}`,
  H1: (y) => `6 tháng đầu năm ${y}`,
  H2: (y) => `6 tháng cuối năm ${y}`,
  "9M": (y) => `9 tháng năm ${y}`,
};

/** "6 tháng đầu năm 2026" for `2026-H1`; an id that does not parse is shown as typed. */
export function periodName(period: Pick<Period, "id">): string {
  const parsed = parsePeriodId(period.id);
  if (!parsed) return period.id;
  return parsed.part ? (PART_NAMES[parsed.part]?.(parsed.year) ?? period.id) : `Năm ${parsed.year}`;
}
