import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { vietnamDate } from "../../shared/cells/dates.ts";
import { METRICS } from "../../shared/metrics.ts";
import { currentYearPeriodId } from "../../shared/periods.ts";
import worker from "../../worker/index.ts";
import { putAll, readTabValues } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

const TOKEN = "period-test-token-0123456789";

async function totalsOf(provinceId: string, query = "") {
  const testEnv = { ...env, PROVINCE_SPREADSHEET_ID: provinceId, API_TOKEN: TOKEN } as Env;
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`http://worker/api/totals${query}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }),
    testEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return (await response.json()) as {
    period: { id: string; rule: string; from: string; to: string };
    total: Record<string, number>;
  };
}

/** `Kỳ này` of a metric's row in the report table of `Tổng hợp`. */
const thisPeriod = (rows: unknown[][], metric: string) => {
  const label = METRICS.find((m) => m.id === metric)!.label;
  return rows.find((r) => String(r[1]).trim() === label)?.[3];
};

describe("the period Tổng hợp shows", () => {
  it("is the one the province set in Cấu hình, with its rule", async () => {
    const P = "period-q2";
    await putAll([
      provinceSeed(
        P,
        [["A", "Đơn vị A", "period-q2-a"]],
        [
          ["Kỳ báo cáo", "2026-Q2"],
          ["Quy tắc kỳ", "Năm dương lịch"],
        ],
      ),
      unitSeed("period-q2-a", "A", cleanUnitTabs()),
    ]);
    const run = await runJob(P);
    expect(run).toMatchObject({ status: "succeeded", periodId: "2026-Q2", periodRule: "calendar" });
    const rows = await readTabValues(P, "Tổng hợp");
    expect(String(rows[1]?.[0])).toBe(
      "Kỳ báo cáo: Quý II năm 2026 (từ 01/04/2026 đến 30/06/2026, theo năm dương lịch)",
    );
    // Of the clean unit's rows, one inspection (12/05) and two awards (01/04) fall in Q2.
    expect([thisPeriod(rows, "inspections"), thisPeriod(rows, "awards")]).toEqual([1, 2]);
    // The API defaults to the period and rule the latest run showed.
    const totals = await totalsOf(P);
    expect(totals.period).toMatchObject({
      id: "2026-Q2",
      rule: "calendar",
      from: "2026-04-01",
      to: "2026-06-30",
    });
    expect([totals.total.inspections, totals.total.awards]).toEqual([1, 2]);
  });

  it("is the reporting year containing today under Nghị định 09 when Cấu hình is absent", async () => {
    const P = "period-default";
    await putAll([
      provinceSeed(P, [["A", "Đơn vị A", "period-default-a"]], null),
      unitSeed("period-default-a", "A", cleanUnitTabs()),
    ]);
    const expected = currentYearPeriodId(vietnamDate(new Date()), "decree09");
    const run = await runJob(P);
    expect(run).toMatchObject({ status: "succeeded", periodId: expected, periodRule: "decree09" });
    const rows = await readTabValues(P, "Tổng hợp");
    expect(String(rows[1]?.[0])).toMatch(
      new RegExp(`^Kỳ báo cáo: Năm ${expected} \\(từ 15/12/\\d{4} đến 14/12/${expected}, theo mốc`),
    );
  });
});
