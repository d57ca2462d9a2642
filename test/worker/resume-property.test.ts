import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isResumingMessage } from "../../worker/consolidation/cycle-messages.ts";
import { province } from "./helpers/incremental-province.ts";

const UNITS = 4;

/**
 * Google as a run sees it when its time runs out: the first `served` unit spreadsheets
 * answer, any other unit's call hangs until the run gives up on it (its deadline).
 */
function serveThenHang(P: string, served: number): typeof fetch {
  const answered = new Set<string>();
  return (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const id = /\/v4\/spreadsheets\/([^/:?]+)/.exec(url)?.[1];
    if (id?.startsWith(`${P}-u`) && !answered.has(id)) {
      if (answered.size >= served) {
        return new Promise((_, reject) => {
          const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
        });
      }
      answered.add(id);
    }
    return fetch(input, init);
  };
}

describe("a first sync cut into runs anyhow", () => {
  it("reads each unit in one run only, writes once, and publishes what one run would", async () => {
    // What a single run publishes for the same province.
    const whole = await province(UNITS);
    expect(isResumingMessage((await whole.run()).message)).toBe(false);
    const expected = (await whole.totals()).total;

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: UNITS - 1 }), { minLength: 1, maxLength: 3 }),
        async (cuts) => {
          const { P, ids, run, callsSince, totals } = await province(UNITS);
          const since = Date.now();
          const readIn = new Map<string, number>();
          const record = async (from: number, runIndex: number) => {
            for (const id of (await callsSince(from)).unitReads.keys()) {
              expect(readIn.get(id) ?? runIndex).toBe(runIndex);
              readIn.set(id, runIndex);
            }
          };
          let complete = false;
          for (const [i, served] of cuts.entries()) {
            const from = Date.now();
            const cut = await run(undefined, {
              fetchSheets: serveThenHang(P, served),
              options: { deadlineMs: 600, unitConcurrency: 1 },
            });
            await record(from, i);
            complete = !isResumingMessage(cut.message);
            if (complete) break;
            // Nothing published, nothing written, while units are still to read.
            expect((await callsSince(since)).writes).toBe(0);
            expect((await totals()).units).toEqual([]);
          }
          if (!complete) {
            const from = Date.now();
            const last = await run();
            await record(from, cuts.length);
            expect(isResumingMessage(last.message)).toBe(false);
          }
          expect([...readIn.keys()].sort()).toEqual([...ids].sort());
          expect((await callsSince(since)).writes).toBe(1);
          const published = await totals();
          expect(published.units.map((u) => u.status)).toEqual(Array(UNITS).fill("fresh"));
          expect(published.total).toEqual(expected);
        },
      ),
      { numRuns: 6 },
    );
  });
});
