import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../shared/metrics.ts";
import type { TotalsBody } from "../../worker/consolidation/totals.ts";
import worker from "../../worker/index.ts";
import { putAll } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { provinceSeed, serial, templateTab, unitSeed } from "./helpers/seeds.ts";

const P = "report-totals-tinh";
const TOKEN = "report-totals-token-0123";
const testEnv = { ...env, PROVINCE_SPREADSHEET_ID: P, API_TOKEN: TOKEN } as unknown as Env;

async function totals(query: string): Promise<TotalsBody> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`http://worker/api/totals${query}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }),
    testEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  expect(response.status).toBe(200);
  return response.json();
}

/** One award dated `day` (awards: one row each, easy to count by hand). */
const award = (day: `${number}-${number}-${number}`) => [
  "1/QĐ-UBND",
  serial(day),
  "Chủ tịch UBND tỉnh",
  "Bằng khen",
  "Tập thể",
  `Tập thể ${day}`,
  "Thực hiện dân chủ ở cơ sở",
  "",
];

beforeAll(async () => {
  // Decree 09 periods. 2026-Q2 = 15/03–14/06/2026: 3 awards; 2025-Q2: 2; 2026-Q1: 1;
  // 2025-Q1: 1 (20/12/2024 is in 2025); 2025-Q4: none; the year 2026: 4, 2025: 3.
  const awards = [
    award("2026-04-01"),
    award("2026-05-01"),
    award("2026-06-14"),
    award("2025-04-10"),
    award("2025-06-01"),
    award("2026-01-05"),
    award("2024-12-20"),
  ];
  await putAll([
    provinceSeed(P, [["A", "Đơn vị A", "report-totals-a"]], [["Kỳ báo cáo", "2026-Q2"]]),
    unitSeed("report-totals-a", "A", [templateTab("awards", awards)]),
  ]);
  expect((await runJob(P)).status).toBe("succeeded");
});

describe("GET /api/totals, version 2", () => {
  it("carries the version, the due date and the periods a report compares with", async () => {
    const q2 = await totals("?period=2026-Q2");
    expect(q2.version).toBe(2);
    // 6 days after the period's last day (14/06): the 20th, as Nghị định 09 has it.
    expect(q2.period).toEqual({
      id: "2026-Q2",
      rule: "decree09",
      from: "2026-03-15",
      to: "2026-06-14",
      dueDate: "2026-06-20",
    });
    expect(q2.total.awards).toBe(3);
    expect(q2.comparison.samePeriodLastYear.id).toBe("2025-Q2");
    expect(q2.comparison.samePeriodLastYear.total.awards).toBe(2);
    expect(q2.comparison.previousPeriod?.id).toBe("2026-Q1");
    expect(q2.comparison.previousPeriod?.total.awards).toBe(1);
    for (const t of [
      q2.total,
      q2.comparison.samePeriodLastYear.total,
      q2.comparison.previousPeriod!.total,
    ]) {
      expect(Object.keys(t)).toEqual([...METRIC_IDS]);
    }
  });

  it("compares the first quarter with the last quarter of the year before, and a year with no previous period", async () => {
    const q1 = await totals("?period=2026-Q1");
    expect(q1.total.awards).toBe(1);
    expect(q1.comparison.samePeriodLastYear.id).toBe("2025-Q1");
    expect(q1.comparison.samePeriodLastYear.total.awards).toBe(1);
    expect(q1.comparison.previousPeriod?.id).toBe("2025-Q4");
    expect(q1.comparison.previousPeriod?.total.awards).toBe(0);
    const year = await totals("?period=2026");
    expect(year.total.awards).toBe(4);
    expect(year.comparison.samePeriodLastYear.total.awards).toBe(3);
    expect(year.comparison.previousPeriod).toBeNull();
    const h1 = await totals("?period=2026-H1");
    expect(h1.comparison.previousPeriod?.id).toBe("2025-H2");
    expect((await totals("?period=2026-9M")).comparison.previousPeriod).toBeNull();
  });
});
