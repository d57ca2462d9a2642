import { formatDateVi } from "../../../shared/cells/dates.ts";
import { periodName } from "../../../shared/period-names.ts";
import {
  PERIOD_PARTS,
  type Period,
  type PeriodRule,
  reportingYear,
  resolvePeriod,
} from "../../../shared/periods.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import type { PeriodChoice } from "./submission-api.ts";

export function periodChoice(period: Period, today: IsoDate): PeriodChoice {
  return {
    id: period.id,
    name: periodName(period),
    dates: `${formatDateVi(period.from)} – ${formatDateVi(period.to)}`,
    from: period.from,
    to: period.to,
    open: period.to >= today,
  };
}

/**
 * The periods a unit reports on: quarters, halves, nine months and the year, of this
 * reporting year and the last, that have started by today. A report for last year's
 * fourth quarter is due after the new year has begun, so last year stays in the list.
 */
export function periodChoices(today: IsoDate, rule: PeriodRule): PeriodChoice[] {
  const year = reportingYear(today, rule);
  const choices: PeriodChoice[] = [];
  for (const y of [year, year - 1]) {
    for (const id of [...PERIOD_PARTS.map((part) => `${y}-${part}`), String(y)]) {
      const period = resolvePeriod(id, rule);
      if (period && period.from <= today) choices.push(periodChoice(period, today));
    }
  }
  return choices;
}

/** The latest quarter whose last day is before today: what is due now. */
export function defaultPeriodId(choices: readonly PeriodChoice[]): string {
  const ended = choices.filter((c) => !c.open && /-Q[1-4]$/.test(c.id));
  ended.sort((a, b) => (a.to < b.to ? 1 : -1));
  return ended[0]?.id ?? choices[0]?.id ?? "";
}
