import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { isResumingMessage } from "../../worker/consolidation/cycle-messages.ts";
import { loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { putAll } from "./helpers/emulator.ts";
import { province, unit } from "./helpers/incremental-province.ts";

/** Each unit read takes `ms` more, so a run with a short deadline reads only some. */
function slowUnits(P: string, ms: number): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes(`/v4/spreadsheets/${P}-u`)) await new Promise((r) => setTimeout(r, ms));
    return fetch(input, init);
  };
}

/** The units of P read in the open cycle and not yet published, and their snapshot parts. */
async function pending(P: string) {
  const units = await env.DB.prepare(
    "SELECT code, status FROM pending_units WHERE province_id = ?1 ORDER BY code",
  )
    .bind(P)
    .all<{ code: string; status: string }>();
  const parts = await env.DB.prepare(
    "SELECT count(*) AS n FROM pending_snapshot_parts WHERE province_id = ?1",
  )
    .bind(P)
    .first<number>("n");
  return { codes: units.results.map((u) => u.code), anyParts: (parts ?? 0) > 0 };
}

const withoutTime = <T extends { generatedAt: string }>({ generatedAt: _, ...rest }: T) => rest;

describe("a run stopped by its read deadline", () => {
  it("writes nothing, keeps what it read as pending; the next run reads only the rest and writes", async () => {
    const { P, ids, run, callsSince, totals } = await province(8);
    const since = Date.now();
    // Each unit read takes 300 ms more, one at a time, and the run may read for 1.5 s.
    const first = await run(undefined, {
      fetchSheets: slowUnits(P, 300),
      options: { deadlineMs: 1_500, unitConcurrency: 1 },
    });
    expect(first.status).toBe("succeeded");
    expect(isResumingMessage(first.message)).toBe(true);
    expect(first.message).toMatch(/đã đọc \d\/8 đơn vị/);
    expect(first.message).toBe(first.message?.normalize("NFC"));
    // Neither the sheet nor the API moved: nothing is published before every unit is in.
    expect((await callsSince(since)).writes).toBe(0);
    expect((await totals()).units).toEqual([]);
    const inAlready = (await pending(P)).codes;
    expect(inAlready.length).toBeGreaterThan(0);
    expect(inAlready.length).toBeLessThan(8);
    expect((await pending(P)).anyParts).toBe(true);

    const beforeSecond = Date.now();
    const second = await run();
    expect(second.status).toBe("succeeded");
    expect(isResumingMessage(second.message)).toBe(false);
    expect(second.message).toContain("qua 2 lượt");
    expect(second.counts).toMatchObject({ unitsTotal: 8, unitsFresh: 8 });
    const calls = await callsSince(beforeSecond);
    const read = [...calls.unitReads.keys()].sort();
    const notYetIn = ids.filter((_, i) => !inAlready.includes(`U${i}`)).sort();
    expect(read).toEqual(notYetIn);
    expect(calls.writes).toBe(1);
    // Published: every unit fresh in the API, its read time the read of its own run.
    const after = await totals();
    expect(after.units.map((u) => u.status)).toEqual(Array(8).fill("fresh"));
    expect(after.total.inspections).toBeGreaterThan(0);
    expect((await pending(P)).codes).toEqual([]);
  });

  it("leaves the API on the last published figures while a later cycle is unfinished", async () => {
    const { P, ids, run, totals } = await province(6);
    expect((await run()).status).toBe("succeeded");
    const published = withoutTime(await totals());
    const statesBefore = await loadUnitStates(env.DB, P);
    // Every unit gains 3 inspections (Drive shows them changed), but the run is cut short.
    const now = new Date().toISOString();
    await putAll(ids.map((id, i) => unit(id, `U${i}`, 3, now)));
    const cut = await run(undefined, {
      fetchSheets: slowUnits(P, 300),
      options: { deadlineMs: 1_200, unitConcurrency: 1 },
    });
    expect(isResumingMessage(cut.message)).toBe(true);
    expect(withoutTime(await totals())).toEqual(published);
    expect(await loadUnitStates(env.DB, P)).toEqual(statesBefore);

    const done = await run();
    expect(isResumingMessage(done.message)).toBe(false);
    expect((await totals()).total.inspections).toBe(published.total.inspections + 6 * 3);
  });
});

describe("a run that lost its lease mid-way", () => {
  it("keeps the units it read as pending, and the next run does not read them again", async () => {
    const { P, ids, run, callsSince, totals } = await province(6);
    const running = run(undefined, {
      fetchSheets: slowUnits(P, 200),
      options: { unitConcurrency: 1, leaseMs: 900 },
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Another run takes the lease over, as if this one had stalled past it.
    await env.DB.prepare("UPDATE locks SET holder = 'run-other' WHERE name = ?1")
      .bind(`consolidation:${P}`)
      .run();
    const lost = await running;
    expect(lost.status).toBe("failed");
    expect(lost.message).toContain("mất quyền giữ khoá");
    expect((await totals()).units).toEqual([]);
    const inAlready = (await pending(P)).codes;
    expect(inAlready.length).toBeGreaterThan(0);
    expect(inAlready.length).toBeLessThan(6);

    await env.DB.prepare("DELETE FROM locks WHERE name = ?1").bind(`consolidation:${P}`).run();
    const since = Date.now();
    const next = await run();
    expect(next.status).toBe("succeeded");
    const read = [...(await callsSince(since)).unitReads.keys()].sort();
    expect(read).toEqual(ids.filter((_, i) => !inAlready.includes(`U${i}`)).sort());
    expect((await totals()).units.map((u) => u.status)).toEqual(Array(6).fill("fresh"));
  });
});
