import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { getRun, latestRun } from "../../worker/storage/run-repository.ts";
import { loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { putAll, putSpreadsheet, readTabValues } from "./helpers/emulator.ts";
import { d1FailingAfterTheWrite } from "./helpers/flaky-d1.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

// docs/faults.md, "D1 failing after the provincial write landed": the sheet shows the new
// run, the API and D1's units still the last published one, the run is recorded failed
// when D1 answers for it; the next good run brings the sheet and the API in step.

const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } };
const period = resolvePeriod("2026")!;
const NOW = new Date("2026-11-23T08:00:00.000Z");
const TRAININGS = "Số lớp tập huấn";

/** `Số lớp tập huấn` in the `Kỳ này` column of `Tổng hợp`, as the office reads it. */
async function trainingsInSheet(provinceId: string): Promise<unknown> {
  const values = await readTabValues(provinceId, "Tổng hợp");
  const header = values.find((r) => r.includes("Kỳ này"));
  const row = values.find((r) => r.includes(TRAININGS));
  expect(header, "Tổng hợp has a Kỳ này column").toBeDefined();
  expect(row, `Tổng hợp has a ${TRAININGS} row`).toBeDefined();
  return row?.[header?.indexOf("Kỳ này") ?? -1];
}

/** The newest run's `Kết quả` in `Nhật ký` (newest first, under the header). */
async function newestLogResult(provinceId: string): Promise<unknown> {
  const values = await readTabValues(provinceId, "Nhật ký");
  return values[1]?.[values[0]?.indexOf("Kết quả") ?? -1];
}

/** A province of one unit, published once with 1 training; then the unit drops its
 * trainings tab, so a run that reads it would show 0. */
async function publishedThenEdited(provinceId: string, unitId: string) {
  await putAll([
    provinceSeed(provinceId, [["A", "Đơn vị A", unitId]]),
    unitSeed(unitId, "A", cleanUnitTabs()),
  ]);
  expect((await runJob(provinceId, {}, fast)).status).toBe("succeeded");
  expect(await trainingsInSheet(provinceId)).toBe(1);
  const published = {
    api: await computeTotals(env.DB, provinceId, period, NOW),
    units: await loadUnitStates(env.DB, provinceId),
  };
  expect(published.api.total.trainings).toBe(1);
  await putSpreadsheet(unitSeed(unitId, "A", cleanUnitTabs().slice(0, 3)));
  return published;
}

describe("D1 failing after the provincial write landed", () => {
  it("D1 answers for the run only: the sheet shows the new run, the API the last published; the run failed; the next good run moves the API", async () => {
    const P = "d1-after-tinh";
    const published = await publishedThenEdited(P, "d1-after-a");

    // Only the run record and the lease still answer: every save of the run is refused.
    const d1 = d1FailingAfterTheWrite(P, (sql) => /\b(runs|locks)\b/i.test(sql));
    const run = await runJob(P, {}, { ...fast, fetch: d1.fetch }, { db: d1.db });
    expect(d1.refused.length).toBeGreaterThan(0);
    expect(run.status).toBe("failed");
    expect(run.message).toContain("D1");

    // The sheet: the write landed, so the new figures; Nhật ký says this run failed.
    expect(await trainingsInSheet(P)).toBe(0);
    expect(await newestLogResult(P)).toBe("Thất bại");
    // The API and D1's units: still what was published before.
    expect(await computeTotals(env.DB, P, period, NOW)).toEqual(published.api);
    expect(await loadUnitStates(env.DB, P)).toEqual(published.units);
    expect((await latestRun(env.DB, P))?.status).toBe("failed");

    // The next good run: the sheet and the API agree again.
    expect((await runJob(P, {}, fast)).status).toBe("succeeded");
    expect(await trainingsInSheet(P)).toBe(0);
    expect((await computeTotals(env.DB, P, period, NOW)).total.trainings).toBe(0);
    expect(await newestLogResult(P)).toBe("Hoàn thành");
  });

  it("D1 down altogether: the run cannot even be recorded; once its lease ends the next run closes it as failed and moves the API", async () => {
    const P = "d1-down-tinh";
    const published = await publishedThenEdited(P, "d1-down-a");

    // Long enough that a loaded machine still renews it in time, short enough to wait out.
    const leaseMs = 1_500;
    const d1 = d1FailingAfterTheWrite(P);
    // Nothing to record the failure in: the run's promise rejects (the Worker logs it).
    await expect(
      runJob(P, { leaseMs }, { ...fast, fetch: d1.fetch }, { db: d1.db }),
    ).rejects.toThrow(/D1/);
    const stuck = await latestRun(env.DB, P);
    expect(stuck?.status).toBe("running");
    expect(await trainingsInSheet(P)).toBe(0);
    // The write said what the run expected to be: done.
    expect(await newestLogResult(P)).toBe("Hoàn thành");
    expect(await computeTotals(env.DB, P, period, NOW)).toEqual(published.api);
    expect(await loadUnitStates(env.DB, P)).toEqual(published.units);

    // D1 is back; the stuck run's lease runs out and the next run takes over.
    await new Promise((resolve) => setTimeout(resolve, leaseMs + 50));
    const next = await runJob(P, { leaseMs, lockWaitMs: 0 }, fast);
    expect(next.status).toBe("succeeded");
    expect((await getRun(env.DB, stuck!.id))?.status).toBe("failed");
    const log = await readTabValues(P, "Nhật ký");
    const result = log[0]?.indexOf("Kết quả") ?? -1;
    expect([log[1]?.[result], log[2]?.[result]]).toEqual(["Hoàn thành", "Thất bại"]);
    expect(await trainingsInSheet(P)).toBe(0);
    expect((await computeTotals(env.DB, P, period, NOW)).total.trainings).toBe(0);
  });
});
