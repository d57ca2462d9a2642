import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { QUIET_MAX_MS, QUIET_MESSAGE } from "../../worker/consolidation/province-inputs.ts";
import { vietnamDateTimeSerial } from "../../worker/time/vietnam-time.ts";
import { putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { backdate, province, unit } from "./helpers/incremental-province.ts";
import { metricColumn } from "./helpers/tab-columns.ts";

const tabValues = async (id: string, title: string) =>
  (await readSpreadsheet(id)).sheets.find((s) => s.title === title)?.values ?? [];

describe("a run that finds nothing changed", () => {
  it("costs at most 3 Google calls and writes nothing; a unit's or the province's edit is written", async () => {
    const { P, ids, run, callsSince } = await province(6);
    expect((await run()).status).toBe("succeeded");
    const written = await tabValues(P, "Theo đơn vị");

    let since = Date.now();
    const quiet = await run();
    expect(quiet).toMatchObject({ status: "succeeded", message: QUIET_MESSAGE });
    expect(quiet.counts).toMatchObject({ unitsTotal: 6, unitsFresh: 6 });
    const calls = await callsSince(since);
    // The token, Drive's list, the province's own tabs in one batchGet (our write just
    // moved its modifiedTime, and could hide an edit made during that run).
    expect(calls.all).toBeLessThanOrEqual(3);
    expect(calls).toMatchObject({ writes: 0, provinceReads: 1, drive: 1 });
    expect(calls.unitReads.size).toBe(0);
    expect(await tabValues(P, "Theo đơn vị")).toEqual(written);

    // Later, with the province untouched since: the token and Drive's list, nothing else.
    await backdate(P, 3_600_000);
    since = Date.now();
    expect((await run()).message).toBe(QUIET_MESSAGE);
    expect(await callsSince(since)).toMatchObject({ all: 2, provinceReads: 0, writes: 0 });
    expect(await tabValues(P, "Theo đơn vị")).toEqual(written);

    // An hour after the last write, still nothing new: Nhật ký alone is written, this run
    // in it; the report tabs are left as they are.
    const summary = await tabValues(P, "Tổng hợp");
    await env.DB.prepare("UPDATE province_inputs SET written_at = ?2 WHERE province_id = ?1")
      .bind(P, new Date(Date.now() - QUIET_MAX_MS).toISOString())
      .run();
    since = Date.now();
    const hourly = await run();
    expect(hourly.message).toBe(QUIET_MESSAGE);
    expect(await callsSince(since)).toMatchObject({ all: 3, provinceReads: 0, writes: 1 });
    expect(await tabValues(P, "Tổng hợp")).toEqual(summary);
    expect(await tabValues(P, "Theo đơn vị")).toEqual(written);
    const log = await tabValues(P, "Nhật ký");
    const ended = log[0]!.indexOf("Kết thúc");
    expect(Number(log[1]![ended])).toBeCloseTo(vietnamDateTimeSerial(hourly.finishedAt!), 8);
    // The next run reads the province's cells once (our write moved its modifiedTime).
    since = Date.now();
    expect((await run()).message).toBe(QUIET_MESSAGE);
    expect(await callsSince(since)).toMatchObject({ all: 3, provinceReads: 1, writes: 0 });
    await backdate(P, 3_600_000);

    // A unit's edit is read and written.
    await putSpreadsheet(unit(ids[4]!, "U4", 2, new Date().toISOString()));
    since = Date.now();
    const edited = await run();
    expect(edited.message).not.toBe(QUIET_MESSAGE);
    const afterEdit = await callsSince(since);
    expect([...afterEdit.unitReads.keys()]).toEqual([ids[4]]);
    expect(afterEdit.writes).toBe(1);
    const u4 = (await tabValues(P, "Theo đơn vị")).find((r) => r[0] === "U4")!;
    const u4Before = written.find((r) => r[0] === "U4")!;
    const inspections = metricColumn(written, "inspections");
    expect(u4[inspections]).toBe(Number(u4Before[inspections]) + 2);

    // Read again at once (the edit is inside Drive's margin): same figures, no write.
    since = Date.now();
    expect((await run()).message).toBe(QUIET_MESSAGE);
    expect((await callsSince(since)).writes).toBe(0);

    // The province renames a unit in `Đơn vị` (a cell edit: its tabs keep their ids), a
    // while after our last write (beyond the 2 s of clock skew allowed between Google's
    // time of our write and ours), no unit changes: the new name is written.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await backdate(P, 0, (seed) => ({
      ...seed,
      sheets: seed.sheets.map((sheet) =>
        sheet.title === "Đơn vị"
          ? {
              ...sheet,
              values: sheet.values?.map((row) => (row[0] === "U1" ? renamedRow(row) : row)),
            }
          : sheet,
      ),
    }));
    since = Date.now();
    const renamed = await run();
    expect(renamed.message).not.toBe(QUIET_MESSAGE);
    const afterRename = await callsSince(since);
    // U4, edited inside Drive's safety margin of the last run, may be read once more.
    expect([...afterRename.unitReads.keys()].filter((id) => id !== ids[4])).toEqual([]);
    // Someone else changed the province: its tab list and its tabs' cells.
    expect(afterRename).toMatchObject({ writes: 1, provinceReads: 2 });
    const u1 = (await tabValues(P, "Theo đơn vị")).find((r) => r[0] === "U1")!;
    expect(u1[1]).toBe("Xã Đổi Tên");
  });
});

function renamedRow<T>(row: readonly T[]): (T | string)[] {
  return row.map((cell, column) => (column === 1 ? "Xã Đổi Tên" : cell));
}
