import { addDays, isoDate, MAX_YEAR, MIN_YEAR, splitIsoDate } from "./cells/dates.ts";
import type { IsoDate } from "./schema/template.ts";

/**
 * Reporting periods. `decree09` follows the statistics cut-off of Nghị định
 * 09/2019/NĐ-CP (Art. 12): year N runs 15/12/(N-1)–14/12/N and its quarters start on the
 * 15th of the last month of each calendar quarter. `calendar` uses calendar dates.
 */
export const PERIOD_RULES = ["decree09", "calendar"] as const;
export type PeriodRule = (typeof PERIOD_RULES)[number];
export const DEFAULT_PERIOD_RULE: PeriodRule = "decree09";

export const PERIOD_PARTS = ["Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M"] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];

export interface Period {
  readonly id: string;
  readonly rule: PeriodRule;
  /** First day, inclusive. */
  readonly from: IsoDate;
  /** Last day, inclusive. */
  readonly to: IsoDate;
}

// Each part as [first month, number of months] within its year, counted from January.
const PART_MONTHS: Record<PeriodPart | "year", [number, number]> = {
  year: [1, 12],
  Q1: [1, 3],
  Q2: [4, 3],
  Q3: [7, 3],
  Q4: [10, 3],
  H1: [1, 6],
  H2: [7, 6],
  "9M": [1, 9],
};

const PERIOD_ID = /^(\d{4})(?:-(Q[1-4]|H[12]|9M))?$/;

export function parsePeriodId(id: string): { year: number; part: PeriodPart | null } | null {
  const m = PERIOD_ID.exec(id.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return { year, part: (m[2] as PeriodPart | undefined) ?? null };
}

/** The period's dates, or null when the id is not one of `YYYY`, `YYYY-Qn`, `-H1/H2`, `-9M`. */
export function resolvePeriod(id: string, rule: PeriodRule = DEFAULT_PERIOD_RULE): Period | null {
  const parsed = parsePeriodId(id);
  if (!parsed) return null;
  const [startMonth, months] = PART_MONTHS[parsed.part ?? "year"];
  const from = monthStart(parsed.year, startMonth, rule);
  const endMonth = startMonth + months;
  const to = addDays(
    monthStart(parsed.year + Math.floor((endMonth - 1) / 12), ((endMonth - 1) % 12) + 1, rule),
    -1,
  );
  const canonical = parsed.part ? `${parsed.year}-${parsed.part}` : String(parsed.year);
  return { id: canonical, rule, from, to };
}

/** Where a calendar month's reporting starts: its 1st, or the 15th of the month before. */
function monthStart(year: number, month: number, rule: PeriodRule): IsoDate {
  if (rule === "calendar") return isoDate(year, month, 1);
  return month === 1 ? isoDate(year - 1, 12, 15) : isoDate(year, month - 1, 15);
}

/** The reporting year a date belongs to (20/12/2026 is in 2027 under decree09). */
export function reportingYear(date: IsoDate, rule: PeriodRule = DEFAULT_PERIOD_RULE): number {
  const [y, m, d] = splitIsoDate(date);
  return rule === "decree09" && m === 12 && d >= 15 ? y + 1 : y;
}

/** The id of the reporting year that contains `date`: the default period of `Tổng hợp`. */
export function currentYearPeriodId(date: IsoDate, rule: PeriodRule = DEFAULT_PERIOD_RULE): string {
  return String(reportingYear(date, rule));
}

/** The quarter that contains a date, e.g. `2026-Q2`. */
export function quarterOf(date: IsoDate, rule: PeriodRule = DEFAULT_PERIOD_RULE): string {
  const year = reportingYear(date, rule);
  for (const part of ["Q1", "Q2", "Q3", "Q4"] as const) {
    const p = resolvePeriod(`${year}-${part}`, rule);
    if (p && isInPeriod(date, p)) return p.id;
  }
  return `${year}-Q4`;
}

export function isInPeriod(date: IsoDate, period: Pick<Period, "from" | "to">): boolean {
  return date >= period.from && date <= period.to;
}
