import { describe, expect, it } from "vitest";
import { putAll, putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { province, unit } from "./helpers/incremental-province.ts";
import { metricColumn } from "./helpers/tab-columns.ts";

describe("a run reads only the units Drive shows changed", () => {
  it("reads the 5 edited units of 12; the other 7 keep their figures as fresh", async () => {
    const { P, ids, run, callsSince, totals } = await province(12);
    expect((await run()).counts).toMatchObject({ unitsFresh: 12 });
    const first = await totals();

    const edited = ids.slice(2, 7);
    await putAll(edited.map((id, i) => unit(id, `U${i + 2}`, i + 1, new Date().toISOString())));
    const since = Date.now();
    const second = await run();
    expect(second.status).toBe("succeeded");
    expect(second.counts).toMatchObject({ unitsFresh: 12, unitsStale: 0, unitsUnreadable: 0 });
    const calls = await callsSince(since);
    expect([...calls.unitReads.keys()].sort()).toEqual([...edited].sort());
    // Besides the 5 units: token, Drive, the province's own two reads, the one write.
    const unitCalls = [...calls.unitReads.values()].reduce((a, b) => a + b, 0);
    expect(calls.all - unitCalls).toBeLessThanOrEqual(5);
    expect(calls.drive).toBe(1);

    const now = await totals();
    for (const [i, u] of now.units.entries()) {
      const before = first.units[i]!;
      expect(u.status).toBe("fresh");
      if (edited.includes(ids[i]!)) {
        expect(u.metrics.inspections).toBe(before.metrics.inspections + (i - 1));
        expect(Date.parse(u.readAt!)).toBeGreaterThan(Date.parse(before.readAt!));
      } else {
        expect(u.metrics).toEqual(before.metrics);
        // An unchanged unit says when it was really read.
        expect(u.readAt).toBe(before.readAt);
      }
    }
    // The output counts unchanged units too.
    const byUnit = (await readSpreadsheet(P)).sheets.find((s) => s.title === "Theo đơn vị")!;
    const inspections = metricColumn(byUnit.values, "inspections");
    const row0 = byUnit.values.find((r) => r[0] === "U0")!;
    expect(row0[inspections]).toBe(first.units[0]!.metrics.inspections);
    const row6 = byUnit.values.find((r) => r[0] === "U6")!;
    expect(row6[inspections]).toBe(first.units[6]!.metrics.inspections + 5);
  });

  it("picks up an edit made after the last read, and reads nothing else", async () => {
    const { ids, run, callsSince, totals } = await province(4);
    await run();
    await run();
    const before = await totals();
    await putSpreadsheet(unit(ids[3]!, "U3", 2, new Date().toISOString()));
    const since = Date.now();
    await run();
    expect([...(await callsSince(since)).unitReads.keys()]).toEqual([ids[3]]);
    const after = await totals();
    expect(after.units[3]!.metrics.inspections).toBe(before.units[3]!.metrics.inspections + 2);
    expect(after.units[0]!.metrics).toEqual(before.units[0]!.metrics);
  });

  it("reads every unit when Drive fails, so an outage never hides an edit", async () => {
    const { ids, run, callsSince, totals } = await province(4);
    await run();
    const before = await totals();
    // An edit Drive would have shown, but Drive answers 503.
    await putSpreadsheet(unit(ids[1]!, "U1", 3, new Date().toISOString()));
    const driveDown: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes("/drive/v3/")
        ? Promise.resolve(new Response("{}", { status: 503 }))
        : fetch(input, init);
    const since = Date.now();
    const result = await run(driveDown);
    expect(result.counts).toMatchObject({ unitsFresh: 4 });
    expect([...(await callsSince(since)).unitReads.keys()].sort()).toEqual([...ids].sort());
    const after = await totals();
    expect(after.units[1]!.metrics.inspections).toBe(before.units[1]!.metrics.inspections + 3);
  });
});
