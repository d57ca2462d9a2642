import { vietnamDate } from "../../shared/cells/dates.ts";
import { currentYearPeriodId, type Period, resolvePeriod } from "../../shared/periods.ts";
import type { ProvinceSettings } from "../../shared/province-settings.ts";

/** The period `Tổng hợp` shows: `Cấu hình`, else the reporting year containing `now`. */
export function reportPeriod(settings: ProvinceSettings, now: number): Period {
  const { periodId, rule } = settings;
  const id = periodId ?? currentYearPeriodId(vietnamDate(new Date(now)), rule);
  const period = resolvePeriod(id, rule);
  if (!period) throw new Error(`period ${id} does not resolve`);
  return period;
}
