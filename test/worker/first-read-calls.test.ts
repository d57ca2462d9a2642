import { describe, expect, it } from "vitest";
import { putSpreadsheet } from "./helpers/emulator.ts";
import { province, unit } from "./helpers/incremental-province.ts";

const now = () => new Date().toISOString();

describe("a first run reads each unit in one call", () => {
  it("12 units never read before: one read each, the whole run within units + 4 Google calls", async () => {
    const { ids, run, callsSince, totals } = await province(12);
    const since = Date.now();
    const result = await run();
    expect(result.counts).toMatchObject({ unitsFresh: 12, unitsUnreadable: 0 });
    const calls = await callsSince(since);
    expect([...calls.unitReads.keys()].sort()).toEqual([...ids].sort());
    expect([...calls.unitReads.values()].every((n) => n === 1)).toBe(true);
    expect(calls.all).toBeLessThanOrEqual(12 + 4);
    // The figures are the tabs' figures: each unit's extra inspections counted once.
    const first = await totals();
    const base = first.units[0]!.metrics.inspections;
    expect(base).toBeGreaterThan(0);
    first.units.forEach((u) => {
      expect(u.metrics.inspections).toBe(base);
    });

    // Titles learnt by that one call: the next edit is one batchGet, and counted.
    await putSpreadsheet(unit(ids[4]!, "U4", 3, now()));
    const later = Date.now();
    await run();
    expect([...(await callsSince(later)).unitReads]).toEqual([[ids[4], 1]]);
    expect((await totals()).units[4]!.metrics.inspections).toBe(base + 3);
  });
});
