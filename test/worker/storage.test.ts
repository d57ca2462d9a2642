import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emptyUnitRows } from "../../shared/read-unit.ts";
import type { UnitSnapshot, UnitState } from "../../worker/consolidation/model.ts";
import { releaseLock, tryAcquireLock } from "../../worker/storage/lock-repository.ts";
import { PART_CHARS } from "../../worker/storage/snapshot-codec.ts";
import { loadSnapshots, loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { publishUnits } from "./helpers/publish-units.ts";

const NOW = "2026-11-23T08:00:00.000Z";

function unit(
  code: string,
  position: number,
  { newSnapshot = null, ...extra }: Partial<UnitState> & { newSnapshot?: UnitSnapshot | null } = {},
): { state: UnitState; newSnapshot: UnitSnapshot | null } {
  const state: UnitState = {
    code,
    position,
    name: `Đơn vị ${code}`,
    spreadsheetId: `ss-${code}`,
    status: "fresh",
    error: null,
    checkedAt: NOW,
    readAt: NOW,
    snapshotSpreadsheetId: `ss-${code}`,
    tabTitles: null,
    ...extra,
  };
  return { state, newSnapshot };
}

describe("lock lease", () => {
  it("lets one holder in, refuses others until release or expiry", async () => {
    const name = "lock-test";
    expect(await tryAcquireLock(env.DB, name, "a", 1_000, 60_000)).toEqual({ acquired: true });
    const refused = await tryAcquireLock(env.DB, name, "b", 2_000, 60_000);
    expect(refused).toMatchObject({ acquired: false, holder: "a", expiresAt: 61_000 });
    // A crashed holder never releases: its lease runs out and the next run takes over.
    expect(await tryAcquireLock(env.DB, name, "b", 61_000, 60_000)).toEqual({ acquired: true });
    await releaseLock(env.DB, name, "a"); // not a's any more: no effect
    expect((await tryAcquireLock(env.DB, name, "c", 62_000, 60_000)).acquired).toBe(false);
    await releaseLock(env.DB, name, "b");
    expect(await tryAcquireLock(env.DB, name, "c", 62_000, 60_000)).toEqual({ acquired: true });
  });
});

describe("unit repository", () => {
  it("stores a snapshot larger than one D1 value in parts and reads it back", async () => {
    const rows = emptyUnitRows();
    const long = "Nội dung kiểm tra dài ".repeat(200);
    for (let i = 0; rows.inspections.length * long.length < PART_CHARS * 2.5; i++) {
      rows.inspections.push({
        date: "2026-03-05",
        inspector: "Ban Chỉ đạo cấp tỉnh",
        method: "Kiểm tra",
        target: `Cơ sở ${i}`,
        targetType: "Doanh nghiệp",
        rating: null,
        recommendations: i,
        remedied: null,
        round: null,
        notes: long,
      });
    }
    const snapshot = { rows, issues: [], invalidRows: 2, tabProblems: [] };
    await publishUnits(env.DB, "tinh-kho", [unit("H01", 0, { newSnapshot: snapshot })]);
    const loaded = await loadSnapshots(env.DB, "tinh-kho");
    expect(loaded.get("H01")).toEqual(snapshot);
    const parts = await env.DB.prepare(
      "SELECT count(*) AS n FROM unit_snapshot_parts WHERE province_id = 'tinh-kho'",
    ).first<{ n: number }>();
    expect(parts?.n).toBeGreaterThanOrEqual(3);
  });

  it("replaces the registry, keeping snapshots of units that left it", async () => {
    const snapshot = { rows: emptyUnitRows(), issues: [], invalidRows: 0, tabProblems: [] };
    await publishUnits(env.DB, "tinh-doi", [
      unit("A", 0, { newSnapshot: snapshot }),
      unit("B", 1, { newSnapshot: snapshot }),
    ]);
    await publishUnits(env.DB, "tinh-doi", [unit("B", 0, { status: "stale", error: "lỗi" })]);
    expect(
      (await loadUnitStates(env.DB, "tinh-doi")).map((u) => [u.code, u.position, u.status]),
    ).toEqual([["B", 0, "stale"]]);
    expect([...(await loadSnapshots(env.DB, "tinh-doi")).keys()].sort()).toEqual(["A", "B"]);
  });
});
