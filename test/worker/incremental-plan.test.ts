import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  listDriveChanges,
  planFromListing,
  storedSnapshotLoader,
} from "../../worker/consolidation/changed-units.ts";
import { DRIVE_MARGIN_MS, EDIT_SKEW_MS } from "../../worker/consolidation/drive-margin.ts";
import {
  type RegisteredUnit,
  type UnitSnapshot,
  type UnitState,
  zeroCounts,
} from "../../worker/consolidation/model.ts";
import type { ChangedFiles, DriveClient } from "../../worker/drive/drive-client.ts";
import { finishRun, startRun } from "../../worker/storage/run-repository.ts";

const NOW = Date.parse("2026-11-30T10:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

const unit = (code: string, sheet: string): RegisteredUnit => ({
  code,
  name: code,
  position: 0,
  sheetRow: 3,
  spreadsheetId: sheet,
  problem: null,
  contact: null,
});
const state = (code: string, over: Partial<UnitState>): UnitState => ({
  code,
  position: 0,
  name: code,
  spreadsheetId: `s-${code}`,
  status: "fresh",
  error: null,
  checkedAt: hoursAgo(1),
  readAt: hoursAgo(1),
  snapshotSpreadsheetId: `s-${code}`,
  tabTitles: null,
  ...over,
});

/** One run's listing, then which units it keeps (as run-source.ts and run-read.ts do). */
async function keptBy(drive: DriveClient, provinceId: string) {
  return planFromListing(await listDriveChanges(drive, env.DB, { provinceId }), {
    units,
    known,
    now: NOW,
  });
}

/** A Drive that lists `changed` and remembers what it was asked. */
function fakeDrive(answer: ChangedFiles) {
  const asked: string[] = [];
  const drive: DriveClient = {
    listModifiedSince: async (since) => {
      asked.push(since);
      return answer;
    },
  };
  return { drive, asked };
}

async function succeededRunAt(provinceId: string, startedAt: string) {
  const id = await startRun(env.DB, provinceId, "scheduled", startedAt);
  await finishRun(env.DB, id, {
    status: "succeeded",
    finishedAt: startedAt,
    periodId: "2026",
    periodRule: "decree09",
    counts: zeroCounts(),
    message: null,
  });
}

const units = ["A", "B", "C", "D", "E"].map((c) => unit(c, `s-${c}`));
const known = new Map<string, UnitState>([
  ["A", state("A", {})], // fresh, not listed: kept
  ["B", state("B", {})], // fresh, listed by Drive: read
  ["C", state("C", { status: "stale", error: "403" })], // failed last time: read
  ["D", state("D", { snapshotSpreadsheetId: "s-old" })], // new spreadsheet: read
  ["E", state("E", { readAt: hoursAgo(25) })], // not read for over a day: read
]);

describe("which units a run may keep without reading", () => {
  it("only fresh units of the same spreadsheet, read within a day, that Drive does not list", async () => {
    await succeededRunAt("plan-1", hoursAgo(0.5));
    const { drive, asked } = fakeDrive({
      ok: true,
      files: new Map([["s-B", hoursAgo(0.1)]]),
      calls: 1,
    });
    const plan = await keptBy(drive, "plan-1");
    expect([...plan.unchanged]).toEqual(["A"]);
    expect(plan).toMatchObject({ driveCalls: 1, fullReadReason: null });
    // Asked from the last succeeded run's start, less the margin Drive's times need.
    expect(asked).toEqual([new Date(NOW - 1_800_000 - DRIVE_MARGIN_MS).toISOString()]);
  });

  it("keeps none when Drive fails, and does not ask Drive before a run has succeeded", async () => {
    await succeededRunAt("plan-2", hoursAgo(0.5));
    const failing = fakeDrive({ ok: false, reason: "Drive 503", calls: 1 });
    const down = await keptBy(failing.drive, "plan-2");
    expect(down).toMatchObject({ fullReadReason: "Drive 503" });
    expect(down.unchanged.size).toBe(0);

    const idle = fakeDrive({ ok: true, files: new Map(), calls: 1 });
    const first = await keptBy(idle.drive, "plan-new");
    expect(first).toMatchObject({ driveCalls: 0, fullReadReason: "no succeeded run yet" });
    expect(first.unchanged.size).toBe(0);
    expect(idle.asked).toEqual([]);
  });
});

describe("a unit Drive lists inside its margin", () => {
  it("is kept when the last cycle read it after the edit Drive shows, read otherwise", async () => {
    const cycleStart = NOW - 1_800_000;
    await succeededRunAt("plan-3", new Date(cycleStart).toISOString());
    const at = (ms: number) => new Date(ms).toISOString();
    const readInCycle = at(cycleStart + 60_000);
    const cases: [code: string, readAt: string, modified: number][] = [
      ["READ", readInCycle, cycleStart - 120_000], // edited, then read: its snapshot has it
      ["KEPT", hoursAgo(1), cycleStart - 120_000], // kept unchanged: the edit was listed late
      ["LATER", readInCycle, cycleStart + 30_000], // edited after the cycle began
      ["SKEW", readInCycle, cycleStart - EDIT_SKEW_MS / 2], // too close to tell the clocks apart
    ];
    const { drive } = fakeDrive({
      ok: true,
      files: new Map(cases.map(([code, , modified]) => [`s-${code}`, at(modified)])),
      calls: 1,
    });
    const plan = planFromListing(await listDriveChanges(drive, env.DB, { provinceId: "plan-3" }), {
      units: cases.map(([code]) => unit(code, `s-${code}`)),
      known: new Map(cases.map(([code, readAt]) => [code, state(code, { readAt })])),
      now: NOW,
    });
    expect([...plan.unchanged]).toEqual(["READ"]);
  });
});

describe("the stored snapshots of unchanged units", () => {
  it("come from D1 a hundred units a query, any other unit alone", async () => {
    const codes = Array.from({ length: 250 }, (_, i) => `K${i}`);
    const queries: string[][] = [];
    const load = async (asked: readonly string[]) => {
      queries.push([...asked]);
      return new Map(asked.map((c) => [c, { invalidRows: c.length } as unknown as UnitSnapshot]));
    };
    const loader = storedSnapshotLoader(load, new Set(codes));
    const got = await Promise.all([...codes, "OTHER"].map((c) => loader(c)));
    expect(got.map((g) => g?.invalidRows)).toEqual([...codes, "OTHER"].map((c) => c.length));
    expect(queries.map((q) => q.length)).toEqual([100, 100, 50, 1]);
    expect(queries.flat().sort()).toEqual([...codes, "OTHER"].sort());
  });
});
