import { type Period, parsePeriodId, resolvePeriod } from "./periods.ts";
import { wholePercent } from "./whole-percent.ts";

/**
 * The periods a report compares with: the same period one year earlier (every kind), and
 * the period just before (quarters and halves only: a year's or nine months' "previous"
 * is not something a report quotes). Same rule as the period itself.
 */

/** `2026-Q3` → `2025-Q3`; `2026` → `2025`. Null only below the first year periods have. */
export function samePeriodLastYear(period: Pick<Period, "id" | "rule">): Period | null {
  const parsed = parsePeriodId(period.id);
  if (!parsed) return null;
  const id = parsed.part ? `${parsed.year - 1}-${parsed.part}` : String(parsed.year - 1);
  return resolvePeriod(id, period.rule);
}

const PREVIOUS: Readonly<Record<string, [yearBack: number, part: string]>> = {
  Q1: [1, "Q4"],
  Q2: [0, "Q1"],
  Q3: [0, "Q2"],
  Q4: [0, "Q3"],
  H1: [1, "H2"],
  H2: [0, "H1"],
};

/** `2026-Q1` → `2025-Q4`, `2026-H1` → `2025-H2`; null for years and nine months. */
export function previousPeriod(period: Pick<Period, "id" | "rule">): Period | null {
  const parsed = parsePeriodId(period.id);
  const previous = parsed?.part ? PREVIOUS[parsed.part] : undefined;
  if (!parsed || !previous) return null;
  const [yearBack, part] = previous;
  return resolvePeriod(`${parsed.year - yearBack}-${part}`, period.rule);
}

/**
 * `So sánh (%)`: current ÷ base × 100, rounded half up to a whole number (exactly: 41
 * against 40 is 103); null (blank) when base is 0.
 */
export function percentOf(current: number, base: number): number | null {
  if (base === 0) return null;
  return wholePercent(current, base);
}
