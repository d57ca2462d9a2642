import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { putAll, putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { failingAtTheWrite, setFaults } from "./helpers/faults.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";
import { emulatorStats, requestsFor } from "./sheets-emulator-control.ts";

const P = "publish-tinh";
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } };
const period = resolvePeriod("2026")!;
const NOW = new Date("2026-11-23T08:00:00.000Z");

async function readsOf(id: string, since: number) {
  const email = JSON.parse(String(env.GOOGLE_SERVICE_ACCOUNT_JSON)).client_email as string;
  return requestsFor(await emulatorStats(email), id).filter(
    (r) => r.kind === "read" && r.at >= since,
  );
}

async function summaryTab() {
  return (await readSpreadsheet(P)).sheets.find((s) => s.title === "Tổng hợp")!.values;
}

describe("the sheet and the API after a provincial write that failed", () => {
  it("serve the same, last published figures; the next good write moves both", async () => {
    await putAll([
      provinceSeed(P, [["A", "Đơn vị A", "publish-a"]]),
      unitSeed("publish-a", "A", cleanUnitTabs()),
    ]);
    expect((await runJob(P, {}, fast)).status).toBe("succeeded");
    const sheetBefore = await summaryTab();
    const apiBefore = await computeTotals(env.DB, P, period, NOW);
    const statesBefore = await loadUnitStates(env.DB, P);
    expect(apiBefore.total.trainings).toBe(1);

    // The unit drops its trainings tab; this run reads it, but Google refuses the write.
    await putSpreadsheet(unitSeed("publish-a", "A", cleanUnitTabs().slice(0, 3)));
    const failed = await runJob(P, {}, { ...fast, fetch: failingAtTheWrite(P) });
    expect(failed.status).toBe("failed");
    expect(await summaryTab()).toEqual(sheetBefore);
    expect(await computeTotals(env.DB, P, period, NOW)).toEqual(apiBefore);
    expect(await loadUnitStates(env.DB, P)).toEqual(statesBefore);

    // The failed run's reads are pending: the next run writes them without reading again.
    await setFaults(P, { failFirst: 0 });
    const since = Date.now();
    expect((await runJob(P, {}, fast)).status).toBe("succeeded");
    expect(await readsOf("publish-a", since)).toEqual([]);
    expect(await summaryTab()).not.toEqual(sheetBefore);
    expect((await computeTotals(env.DB, P, period, NOW)).total.trainings).toBe(0);
  });
});
