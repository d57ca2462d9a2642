import { Hono } from "hono";
import { z } from "zod";
import { vietnamDate } from "../../shared/cells/dates.ts";
import {
  currentYearPeriodId,
  DEFAULT_PERIOD_RULE,
  PERIOD_RULES,
  resolvePeriod,
} from "../../shared/periods.ts";
import { computeTotals } from "../consolidation/totals.ts";
import { latestRun } from "../storage/run-repository.ts";
import type { AppEnv } from "./create-app.ts";
import { HttpError } from "./http-error.ts";

const query = z.object({
  period: z.string().trim().min(1).optional(),
  rule: z.enum(PERIOD_RULES).optional(),
});

export function totalsRoutes() {
  const routes = new Hono<AppEnv>();

  /**
   * `?period=2026-H1` (any period id; default: the period the latest run showed, else
   * the current year) and `?rule=` (default: the province's rule as the latest run read it).
   */
  routes.get("/", async (c) => {
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      throw field === "period"
        ? invalidPeriod(c.req.query("period") ?? "")
        : new HttpError(
            400,
            "invalid_query",
            `Tham số không hợp lệ: rule phải là ${PERIOD_RULES.join(" hoặc ")}.`,
          );
    }
    const provinceId = c.get("config").provinceSpreadsheetId;
    const last = await latestRun(c.env.DB, provinceId, ["succeeded"]);
    const rule = parsed.data.rule ?? last?.periodRule ?? DEFAULT_PERIOD_RULE;
    const id =
      parsed.data.period ?? last?.periodId ?? currentYearPeriodId(vietnamDate(new Date()), rule);
    const period = resolvePeriod(id, rule);
    if (!period) throw invalidPeriod(id);
    return c.json(await computeTotals(c.env.DB, provinceId, period, new Date()));
  });

  return routes;
}

function invalidPeriod(id: string): HttpError {
  return new HttpError(
    400,
    "invalid_period",
    `Kỳ báo cáo "${id}" không hợp lệ: dùng 2026, 2026-Q1…2026-Q4, 2026-H1, 2026-H2 hoặc 2026-9M.`,
  );
}
