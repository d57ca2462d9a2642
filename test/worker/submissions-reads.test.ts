import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { putAll, putSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";
import { emulatorStats, requestsFor } from "./sheets-emulator-control.ts";
import { fingerprintOf, submissionRow, submissionTab } from "./submissions-helpers.ts";

// The point of these tests is the cost in Sheets calls, so they count the emulator's reads.
const P = "sub-reads-tinh";
const tabs = cleanUnitTabs();
const fp = fingerprintOf(tabs, "2026", "calendar");
const row = (local: string) => submissionRow("2026", "Năm dương lịch", local, fp);

async function readsSince(spreadsheetId: string, since: number) {
  const email = JSON.parse(String(env.GOOGLE_SERVICE_ACCOUNT_JSON)).client_email as string;
  return requestsFor(await emulatorStats(email), spreadsheetId)
    .filter((r) => r.kind === "read" && r.at >= since)
    .map((r) => (r.path.includes("values:batchGet") ? "batchGet" : "get"));
}

async function statuses() {
  const totals = await computeTotals(env.DB, P, resolvePeriod("2026", "calendar")!, new Date());
  return Object.fromEntries(totals.units.map((u) => [u.code, u.submission.status]));
}

/** Runs the job and answers each unit's reads in that run. */
async function runCountingReads() {
  const since = Date.now();
  const run = await runJob(P);
  expect(run.status, run.message ?? "").toBe("succeeded");
  return { s: await readsSince("sub-reads-s", since), n: await readsSince("sub-reads-n", since) };
}

describe("reading the Nộp báo cáo tab", () => {
  it("costs no Sheets call beyond the unit's one batchGet once its tabs are known", async () => {
    await putAll([
      provinceSeed(
        P,
        [
          ["S", "Đã nộp", "sub-reads-s"],
          ["N", "Chưa nộp lần nào", "sub-reads-n"],
        ],
        [
          ["Kỳ báo cáo", "2026"],
          ["Quy tắc kỳ", "Năm dương lịch"],
          ["Hạn nộp", "31/12/2099"],
        ],
      ),
      unitSeed("sub-reads-s", "S", [...tabs, submissionTab([row("2027-01-02T09:00:00")])]),
      unitSeed("sub-reads-n", "N", tabs),
    ]);
    // First run: each unit's tabs (and time zone) are listed once, with their values.
    expect(await runCountingReads()).toEqual({ s: ["get"], n: ["get"] });
    expect(await statuses()).toEqual({ S: "onTime", N: "notSubmitted" });

    // S submits again: the new row comes with the templates in the one batchGet. N, which
    // has no such tab yet, has its tabs listed so that its first submission is seen.
    await putSpreadsheet(
      unitSeed("sub-reads-s", "S", [
        ...tabs,
        submissionTab([row("2027-01-02T09:00:00"), row("2027-01-03T09:00:00")]),
      ]),
    );
    expect(await runCountingReads()).toEqual({ s: ["batchGet"], n: ["get"] });

    // N submits; the next run sees it, and from then on N too costs one batchGet.
    await putSpreadsheet(
      unitSeed("sub-reads-n", "N", [...tabs, submissionTab([row("2027-01-04T09:00:00")])]),
    );
    expect(await runCountingReads()).toEqual({ s: ["batchGet"], n: ["get"] });
    expect(await statuses()).toEqual({ S: "onTime", N: "onTime" });
    expect(await runCountingReads()).toEqual({ s: ["batchGet"], n: ["batchGet"] });
    expect(await statuses()).toEqual({ S: "onTime", N: "onTime" });
  });
});
