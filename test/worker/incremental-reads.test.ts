import { describe, expect, it } from "vitest";
import { formatVietnamTime } from "../../worker/time/vietnam-time.ts";
import { putAll, putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { backdate, province, unit } from "./helpers/incremental-province.ts";
import { metricColumn } from "./helpers/tab-columns.ts";
import { spreadsheetState } from "./sheets-emulator-control.ts";

const HOUR = 3_600_000;
const now = () => new Date().toISOString();
/** A unit's inspections in `Theo đơn vị` (the column found by its header). */
const inspectionsShown = async (P: string, code: string) => {
  const rows = (await readSpreadsheet(P)).sheets.find((s) => s.title === "Theo đơn vị")!.values;
  return rows.find((r) => r[0] === code)![metricColumn(rows, "inspections")];
};

/** Per tab: how many charts and protections it carries. */
async function chartsAndProtections(id: string) {
  const state = await spreadsheetState(id);
  return state.sheets.map((s) => [s.title, s.charts?.length ?? 0, s.protectedRanges?.length ?? 0]);
}

describe("a run reads only the units Drive shows changed", () => {
  it("reads the 5 edited units of 12 once each; the other 7 keep their figures as fresh", async () => {
    const { P, ids, run, callsSince, totals } = await province(12);
    expect((await run()).counts).toMatchObject({ unitsFresh: 12 });
    const first = await totals();

    const edited = ids.slice(2, 7);
    await putAll(edited.map((id, i) => unit(id, `U${i + 2}`, i + 1, now())));
    const since = Date.now();
    const second = await run();
    expect(second.status).toBe("succeeded");
    expect(second.counts).toMatchObject({ unitsFresh: 12, unitsStale: 0, unitsUnreadable: 0 });
    const calls = await callsSince(since);
    expect([...calls.unitReads.keys()].sort()).toEqual([...edited].sort());
    // A unit with `Nộp báo cáo` whose tabs are known is one batchGet.
    expect([...calls.unitReads.values()]).toEqual([1, 1, 1, 1, 1]);
    // Besides the 5 units: token, Drive, the province's cells (our last write moved its
    // modifiedTime, so they are read again in one batchGet), the one write.
    expect(calls).toMatchObject({ drive: 1, provinceReads: 1, writes: 1 });
    expect(calls.all).toBeLessThanOrEqual(5 + 4);

    const after = await totals();
    for (const [i, u] of after.units.entries()) {
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
    expect(await inspectionsShown(P, "U0")).toBe(first.units[0]!.metrics.inspections);
    expect(await inspectionsShown(P, "U6")).toBe(first.units[6]!.metrics.inspections + 5);
    // And says which were read and since when the others stand unchanged.
    const byUnit = (await readSpreadsheet(P)).sheets.find((s) => s.title === "Theo đơn vị")!;
    const status = (code: string) => {
      const header = byUnit.values.find((r) => r.includes("Tình trạng"))!;
      return byUnit.values.find((r) => r[0] === code)![header.indexOf("Tình trạng")];
    };
    expect(status("U6")).toBe("Đã cập nhật");
    const readTime = formatVietnamTime(first.units[0]!.readAt!);
    expect(status("U0")).toBe(`Đã cập nhật (không đổi từ lần đọc ${readTime})`);
  });

  it("every unit edited: one read each, the whole run within units + 4 Google calls", async () => {
    const { P, ids, run, callsSince, totals } = await province(12);
    await run();
    const first = await totals();
    await putAll(ids.map((id, i) => unit(id, `U${i}`, 1, now())));
    const since = Date.now();
    expect((await run()).counts).toMatchObject({ unitsFresh: 12 });
    const calls = await callsSince(since);
    expect(calls.unitReads.size).toBe(12);
    expect([...calls.unitReads.values()].every((n) => n === 1)).toBe(true);
    expect(calls.all).toBeLessThanOrEqual(12 + 4);
    const after = await totals();
    after.units.forEach((u, i) => {
      expect(u.metrics.inspections).toBe(first.units[i]!.metrics.inspections + 1);
    });
    expect(await inspectionsShown(P, "U11")).toBe(first.units[11]!.metrics.inspections + 1);
  });

  it("a unit without `Nộp báo cáo` lists its tabs at every read, values included: 1 call when it changed", async () => {
    const { P, ids, run, callsSince, totals } = await province(3);
    await putSpreadsheet(unit(ids[1]!, "U1", 0, undefined, { submissions: false }));
    await run();
    const before = await totals();
    await putSpreadsheet(unit(ids[1]!, "U1", 2, now(), { submissions: false }));
    const since = Date.now();
    await run();
    expect([...(await callsSince(since)).unitReads]).toEqual([[ids[1], 1]]);
    expect((await totals()).units[1]!.metrics.inspections).toBe(
      before.units[1]!.metrics.inspections + 2,
    );
    expect(await inspectionsShown(P, "U1")).toBe(before.units[1]!.metrics.inspections + 2);
  });

  it("picks up an edit made after the last read, and reads nothing else", async () => {
    const { ids, run, callsSince, totals } = await province(4);
    await run();
    await run();
    const before = await totals();
    await putSpreadsheet(unit(ids[3]!, "U3", 2, now()));
    const since = Date.now();
    await run();
    expect([...(await callsSince(since)).unitReads.keys()]).toEqual([ids[3]]);
    const after = await totals();
    expect(after.units[3]!.metrics.inspections).toBe(before.units[3]!.metrics.inspections + 2);
    expect(after.units[0]!.metrics).toEqual(before.units[0]!.metrics);
  });

  it("reads every unit and the province in full when Drive fails, so an outage never hides an edit", async () => {
    const { ids, run, callsSince, totals } = await province(4);
    await run();
    const before = await totals();
    // An edit Drive would have shown, but Drive answers 503.
    await putSpreadsheet(unit(ids[1]!, "U1", 3, now()));
    const driveDown: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes("/drive/v3/")
        ? Promise.resolve(new Response("{}", { status: 503 }))
        : fetch(input, init);
    const since = Date.now();
    const result = await run(driveDown);
    expect(result.counts).toMatchObject({ unitsFresh: 4 });
    const calls = await callsSince(since);
    expect([...calls.unitReads.keys()].sort()).toEqual([...ids].sort());
    expect(calls.provinceReads).toBe(2);
    const after = await totals();
    expect(after.units[1]!.metrics.inspections).toBe(before.units[1]!.metrics.inspections + 3);
  });
});

describe("the province's own spreadsheet is read only when it changed", () => {
  it("not at all once Drive shows nothing newer than its last read; its remembered tabs take the write", async () => {
    const { P, ids, run, callsSince, totals } = await province(6);
    await run();
    const objects = await chartsAndProtections(P);
    // An hour later, nothing touched the province since: only the edited unit is read.
    await backdate(P, HOUR);
    const before = await totals();
    await putSpreadsheet(unit(ids[2]!, "U2", 4, now()));
    const since = Date.now();
    const result = await run();
    expect(result.status).toBe("succeeded");
    const calls = await callsSince(since);
    expect(calls).toMatchObject({ provinceReads: 0, writes: 1, drive: 1 });
    expect([...calls.unitReads]).toEqual([[ids[2], 1]]);
    // Token, Drive, the unit, the write.
    expect(calls.all).toBeLessThanOrEqual(1 + 3);
    // Written into the same tabs (sheetIds remembered from the last write), nothing doubled.
    const sheets = (await readSpreadsheet(P)).sheets;
    expect(sheets.filter((s) => s.title === "Theo đơn vị")).toHaveLength(1);
    // Last run's charts replaced (their ids from the write's replies), no protection doubled.
    expect(await chartsAndProtections(P)).toEqual(objects);
    expect(await inspectionsShown(P, "U2")).toBe(before.units[2]!.metrics.inspections + 4);
  });

  it("a tab removed behind our own write (Drive cannot tell) makes the write list the tabs and go again", async () => {
    const { P, ids, run, totals, callsSince } = await province(3);
    await run();
    const before = await totals();
    // `Biểu đồ` deleted with no newer modifiedTime than our last write: the remembered
    // sheetId is gone, so Google refuses the write planned on it.
    await backdate(P, HOUR, (seed) => ({
      ...seed,
      sheets: seed.sheets.filter((s) => s.title !== "Biểu đồ"),
    }));
    await putSpreadsheet(unit(ids[0]!, "U0", 1, now()));
    const since = Date.now();
    const result = await run();
    expect(result.status).toBe("succeeded");
    const calls = await callsSince(since);
    expect(calls.writes).toBe(2);
    const sheets = (await readSpreadsheet(P)).sheets;
    expect(sheets.some((s) => s.title === "Biểu đồ")).toBe(true);
    expect(await inspectionsShown(P, "U0")).toBe(before.units[0]!.metrics.inspections + 1);
  });
});
