import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { text } from "../../worker/consolidation/output/cells.ts";
import type { ListedRow } from "../../worker/consolidation/output/detail-tabs.ts";
import {
  addList,
  cutPool,
  listPool,
  omissionOf,
} from "../../worker/consolidation/output/list-pool.ts";
import { capLists, rowBytes } from "../../worker/consolidation/output/output-budget.ts";

/** A unit's list: rows of the period first, as the detail tabs make them. */
const unitList = fc
  .array(fc.record({ length: fc.integer({ min: 0, max: 4000 }), inPeriod: fc.boolean() }), {
    maxLength: 30,
  })
  .map((rows) => [...rows.filter((r) => r.inPeriod), ...rows.filter((r) => !r.inPeriod)]);

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function rowsOf(unit: string, list: { length: number; inPeriod: boolean }[]): ListedRow[] {
  return list.map((r) => ({ unit, inPeriod: r.inPeriod, cells: [text("x".repeat(r.length))] }));
}

describe("the list pool (detail tabs and Lỗi dữ liệu built unit by unit)", () => {
  it("fits the room, cuts only lists bigger than every whole one, and keeps what one cut at the end would", () => {
    fc.assert(
      fc.property(
        fc.array(unitList, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 300_000 }),
        (units, room) => {
          const lists = units.map((list, i) => rowsOf(`U${i}`, list));
          const pool = listPool(room);
          const pooled = lists.map((rows, i) => addList(pool, `U${i}`, rows));
          cutPool(pool, pool.bytes - pool.room);

          const sizes = lists.map((rows) => rows.map(rowBytes));
          const totals = sizes.map(sum);
          const kept = pooled.map((l) => l.rows.length);
          const keptBytes = sum(pooled.map((l) => sum(l.sizes)));
          expect(keptBytes).toBe(pool.bytes);
          expect(pool.bytes).toBeLessThanOrEqual(room);
          // Each list keeps a leading part of itself, its period's rows first.
          expect(pooled.map((l) => l.rows)).toEqual(lists.map((l, i) => l.slice(0, kept[i])));
          // A list is only cut if it is bigger than every list left whole.
          const cut = kept.flatMap((k, i) => (k < lists[i]!.length ? [i] : []));
          const whole = kept.flatMap((k, i) => (k === lists[i]!.length ? [i] : []));
          for (const i of cut)
            for (const j of whole) expect(totals[i]!).toBeGreaterThan(totals[j]!);
          // Cutting as units come drops no row that one cut of every list at the end keeps.
          const once = capLists(sizes, sum(totals) - room).kept;
          expect(kept.filter((k, i) => k < once[i]!)).toEqual([]);
          // The notice counts what was left out, by period, and names the units cut.
          const omission = omissionOf(pooled);
          const dropped = lists.flatMap((rows, i) => rows.slice(kept[i]));
          expect(omission.total).toBe(sum(lists.map((l) => l.length)));
          expect(omission.inPeriod).toBe(dropped.filter((r) => r.inPeriod).length);
          expect(omission.outsidePeriod).toBe(dropped.filter((r) => !r.inPeriod).length);
          expect(omission.units).toEqual(cut.map((i) => `U${i}`));
        },
      ),
      { numRuns: 300 },
    );
  });
});
