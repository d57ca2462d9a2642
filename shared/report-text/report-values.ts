import { formatDateVi } from "../cells/dates.ts";
import { INVALID_ROWS_METRIC, METRICS } from "../metrics.ts";
import { parsePeriodId } from "../periods.ts";
import type { IsoDate } from "../schema/template.ts";
import { wholePercent } from "../whole-percent.ts";
import { changeInWords } from "./change-words.ts";
import { formatNumberVi, formatPercentVi } from "./number-format.ts";

/** Figures by metric id (a missing id reads as 0). */
export type ReportFigures = Readonly<Record<string, number>>;

/** The reporting rate over the expected units (totals.json `completeness`). */
export interface ReportingRate {
  readonly expected: number;
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  readonly notSubmitted: number;
  readonly changedAfterSubmission: number;
}

/** How this run read the units, by status (every registered unit exactly once). */
export interface UnitReadCounts {
  readonly fresh: number;
  readonly stale: number;
  readonly unreadable: number;
  readonly missing: number;
}

/** Everything the report's wording may quote, as plain figures. */
export interface ReportFacts {
  readonly period: { readonly id: string; readonly from: IsoDate; readonly to: IsoDate };
  /** The period as reports name it, e.g. `Quý III năm 2026` (shared/period-names.ts);
   * `{period}` writes it for the middle of a sentence: `quý III năm 2026`. */
  readonly periodName: string;
  readonly total: ReportFigures;
  /** The same period one year earlier. */
  readonly lastYear: ReportFigures;
  /** The previous period, for quarters and halves; null for years and nine months. */
  readonly previous: ReportFigures | null;
  readonly units: UnitReadCounts;
  /** Null until the run knows the units' submissions. */
  readonly reportingRate: ReportingRate | null;
}

// Not compared with earlier periods: it counts rows of every period (docs/domain.md).
const PERIODLESS: ReadonlySet<string> = new Set([INVALID_ROWS_METRIC.id]);

const RATE_COUNTS = [
  "expected",
  "submitted",
  "onTime",
  "late",
  "notSubmitted",
  "changedAfterSubmission",
] as const;
const RATE_PERCENTS = ["submittedPercent", "onTimePercent"] as const;
const UNIT_COUNTS = ["unitsFresh", "unitsStale", "unitsUnreadable", "unitsMissing"] as const;
const PERIOD_NAMES = ["period", "from", "to"] as const;

/** Names that need the reporting rate: unavailable (not unknown) while it is null. */
export const REPORTING_RATE_NAMES: readonly string[] = [
  ...RATE_COUNTS.filter((n) => n !== "expected"),
  ...RATE_PERCENTS,
];

/** Every placeholder name the wording may use (docs/output.md lists them). */
export function placeholderNames(): string[] {
  const names: string[] = [...PERIOD_NAMES, ...RATE_COUNTS, ...RATE_PERCENTS, ...UNIT_COUNTS];
  for (const { id } of METRICS) {
    names.push(id);
    if (!PERIODLESS.has(id)) names.push(`${id}.lastYear`, `${id}.previous`, `${id}.change`);
  }
  return names;
}

/** `2026-Q3` → `năm 2025`: how the change phrase names the same period last year. */
export function lastYearLabel(periodId: string): string {
  const parsed = parsePeriodId(periodId);
  return parsed ? `năm ${parsed.year - 1}` : "năm trước";
}

/**
 * The text of every placeholder for these facts: figures as `1.234`, percentages as
 * `67%`, dates as `dd/mm/yyyy`, comparisons in words. `{x.previous}` is empty when the
 * period has no previous one; the reporting rate's names are absent while it is unknown.
 */
export function reportValues(facts: ReportFacts): Record<string, string> {
  const values: Record<string, string> = {
    period: inSentence(facts.periodName),
    from: formatDateVi(facts.period.from),
    to: formatDateVi(facts.period.to),
    unitsFresh: formatNumberVi(facts.units.fresh),
    unitsStale: formatNumberVi(facts.units.stale),
    unitsUnreadable: formatNumberVi(facts.units.unreadable),
    unitsMissing: formatNumberVi(facts.units.missing),
    expected: formatNumberVi(
      facts.units.fresh + facts.units.stale + facts.units.unreadable + facts.units.missing,
    ),
  };
  const rate = facts.reportingRate;
  if (rate) {
    for (const name of RATE_COUNTS) values[name] = formatNumberVi(rate[name]);
    values.submittedPercent = percentOfExpected(rate.submitted, rate.expected);
    values.onTimePercent = percentOfExpected(rate.onTime, rate.expected);
  }
  const label = lastYearLabel(facts.period.id);
  for (const { id } of METRICS) {
    const current = facts.total[id] ?? 0;
    values[id] = formatNumberVi(current);
    if (PERIODLESS.has(id)) continue;
    const lastYear = facts.lastYear[id] ?? 0;
    values[`${id}.lastYear`] = formatNumberVi(lastYear);
    values[`${id}.previous`] = facts.previous ? formatNumberVi(facts.previous[id] ?? 0) : "";
    values[`${id}.change`] = changeInWords(current, lastYear, label);
  }
  return values;
}

/** Whole percentages, as the reporting-rate line of `Tổng hợp` shows them (`67%`). */
function percentOfExpected(count: number, expected: number): string {
  return formatPercentVi(expected === 0 ? 0 : wholePercent(count, expected));
}

/** `Quý III năm 2026` → `quý III năm 2026`, as prose writes it mid-sentence (`Trong quý III…`). */
function inSentence(name: string): string {
  const first = name.codePointAt(0);
  if (first === undefined) return name;
  const head = String.fromCodePoint(first);
  return head.toLocaleLowerCase("vi") + name.slice(head.length);
}
