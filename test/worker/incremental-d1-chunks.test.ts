import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import type { UnitState } from "../../worker/consolidation/model.ts";
import { loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { measuredDb } from "./helpers/measured-db.ts";
import { publishUnits } from "./helpers/publish-units.ts";

// 3,321 units (every commune-level unit of Vietnam) with long names and errors bind
// megabytes of JSON if all go in one statement; D1 refuses a value over 2 MB.
it("saves and publishes the states of 3,321 units in statements binding under 1 MB each", async () => {
  const sizes: number[] = [];
  const states: UnitState[] = Array.from({ length: 3321 }, (_, i) => ({
    code: `X${String(i).padStart(5, "0")}`,
    position: i,
    name: `Ủy ban nhân dân xã số ${i} `.repeat(12),
    spreadsheetId: `sheet-${i}-${"a".repeat(40)}`,
    status: "unreadable",
    error: "Bảng tính chưa được chia sẻ với tài khoản dịch vụ. ".repeat(6),
    checkedAt: "2026-11-30T08:00:00.000Z",
    readAt: null,
    snapshotSpreadsheetId: null,
    tabTitles: null,
  }));
  await publishUnits(
    measuredDb(sizes),
    "d1-chunks",
    states.map((state) => ({ state, newSnapshot: null })),
  );
  expect(Math.max(...sizes)).toBeLessThan(1_000_000);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(2_000_000);
  const loaded = await loadUnitStates(env.DB, "d1-chunks");
  expect(loaded).toHaveLength(3321);
  expect(loaded[3320]).toMatchObject({ code: "X03320", name: states[3320]!.name });
});
