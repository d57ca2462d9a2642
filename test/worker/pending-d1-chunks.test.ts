import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { issue } from "../../shared/issue.ts";
import { emptyUnitRows } from "../../shared/read-unit.ts";
import type { UnitSnapshot, UnitState } from "../../worker/consolidation/model.ts";
import {
  loadPending,
  publishCycle,
  savePending,
} from "../../worker/storage/pending-unit-repository.ts";
import { enterCycle } from "../../worker/storage/read-cycle-repository.ts";
import { loadSnapshots, loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { measuredDb } from "./helpers/measured-db.ts";

function state(i: number): UnitState {
  return {
    code: `X${String(i).padStart(5, "0")}`,
    position: i,
    name: `Ủy ban nhân dân xã số ${i}`,
    spreadsheetId: `sheet-${i}`,
    status: "fresh",
    error: null,
    checkedAt: "2026-11-30T08:00:00.000Z",
    readAt: "2026-11-30T08:00:00.000Z",
    snapshotSpreadsheetId: `sheet-${i}`,
    tabTitles: null,
  };
}

/** A snapshot of `issues` warnings of about 200 characters each. */
function snapshot(i: number, issues: number): UnitSnapshot {
  return {
    rows: emptyUnitRows(),
    issues: Array.from({ length: issues }, (_, n) =>
      issue(
        "warning",
        { tab: "Kiểm tra, giám sát", row: n + 2, column: "Ghi chú", value: `giá trị ${n}` },
        `Đơn vị ${i}, dòng ${n + 2}: ${"nội dung cần xem lại ".repeat(8)}`,
      ),
    ),
    invalidRows: i,
    tabProblems: [],
  };
}

// A first sync of every commune-level unit of Vietnam, saved as it is read then published:
// no statement may bind a value near D1's 2 MB limit, one huge unit included.
it("saves 3,321 pending reads and publishes them in statements binding under 1 MB each", async () => {
  const P = "pending-chunks";
  const sizes: number[] = [];
  const db = measuredDb(sizes);
  const cycle = await enterCycle(
    env.DB,
    P,
    { id: 1, startedAt: "2026-11-30T08:00:00.000Z" },
    Date.now(),
    3_600_000,
  );
  const units = Array.from({ length: 3321 }, (_, i) => ({
    state: state(i),
    snapshot: snapshot(i, i === 7 ? 8_000 : 3),
  }));
  const hashes = new Map<string, string | null>();
  // In batches as a run saves them (every 25 units).
  for (let at = 0; at < units.length; at += 25) {
    const saved = await savePending(db, P, cycle.id, units.slice(at, at + 25), new Map());
    for (const [code, hash] of saved) hashes.set(code, hash);
  }
  expect((await loadPending(env.DB, P, cycle.id)).size).toBe(3321);
  expect(await loadUnitStates(env.DB, P)).toEqual([]);

  await publishCycle(
    db,
    P,
    cycle,
    units.map((u) => ({ state: u.state, snapshotHash: hashes.get(u.state.code) ?? null })),
  );
  expect(Math.max(...sizes)).toBeLessThan(1_000_000);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(2_000_000);
  expect(await loadUnitStates(env.DB, P)).toHaveLength(3321);
  const published = await loadSnapshots(env.DB, P, ["X00007", "X03320"]);
  expect(published.get("X00007")?.issues).toHaveLength(8_000);
  expect(published.get("X03320")?.invalidRows).toBe(3320);
  expect((await loadPending(env.DB, P, cycle.id)).size).toBe(0);
});
