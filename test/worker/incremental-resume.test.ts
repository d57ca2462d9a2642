import { describe, expect, it } from "vitest";
import { province } from "./helpers/incremental-province.ts";

describe("a run stopped by its read deadline", () => {
  it("keeps what it read, and the next run reads only the units not yet in", async () => {
    const { P, ids, run, callsSince, totals } = await province(8);
    // Each unit read takes 150 ms, one at a time, and the run may read for 700 ms.
    const slow: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes(`/v4/spreadsheets/${P}-u`)) await new Promise((r) => setTimeout(r, 150));
      return fetch(input, init);
    };
    const first = await run(undefined, {
      fetchSheets: slow,
      options: { deadlineMs: 700, unitConcurrency: 1 },
    });
    expect(first.status).toBe("succeeded");
    const afterFirst = await totals();
    const inAlready = afterFirst.units.filter((u) => u.status === "fresh").map((u) => u.code);
    expect(inAlready.length).toBeGreaterThan(0);
    expect(inAlready.length).toBeLessThan(8);

    const since = Date.now();
    const second = await run();
    expect(second.counts).toMatchObject({ unitsFresh: 8 });
    const read = [...(await callsSince(since)).unitReads.keys()].sort();
    const notYetIn = ids.filter((_, i) => !inAlready.includes(`U${i}`)).sort();
    expect(read).toEqual(notYetIn);
    const afterSecond = await totals();
    for (const code of inAlready) {
      const before = afterFirst.units.find((u) => u.code === code)!;
      expect(afterSecond.units.find((u) => u.code === code)!.readAt).toBe(before.readAt);
    }
  });
});
