import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbRow, cleanCell, messyCell } from "../test/support/arbitraries.ts";
import { aggregateUnit, sumMetrics } from "./aggregate.ts";
import { METRIC_IDS, type Metrics } from "./metrics.ts";
import { PERIOD_PARTS, resolvePeriod } from "./periods.ts";
import { readUnit } from "./read-unit.ts";
import { TEMPLATES } from "./templates/index.ts";
import { foldKey } from "./text/fold.ts";

const period2026 = resolvePeriod("2026", "decree09")!;

function tab(title: string, header: string[], rows: unknown[][]) {
  return { title, values: [header, ...rows] };
}

describe("properties", () => {
  const arbUnitRows = fc.record(
    Object.fromEntries(TEMPLATES.map((t) => [t.id, fc.array(arbRow(t), { maxLength: 12 })])),
  ) as fc.Arbitrary<Record<string, Record<string, string | number | null>[]>>;

  it("never throws on arbitrary cell values and ragged rows", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        "Tổng",
        "31/02/2026",
        "1.500",
        "-",
        "BCĐ tỉnh",
        ...TEMPLATES[0].columns.map((c) => c.header),
      ),
    );
    const values = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 });
    const titles = fc.constantFrom(...TEMPLATES.map((t) => t.title), "Khác", "");
    fc.assert(
      fc.property(fc.array(fc.record({ title: titles, values }), { maxLength: 6 }), (tabs) => {
        const read = readUnit(tabs);
        const m = aggregateUnit(read.rows, read.invalidRows, period2026);
        for (const id of METRIC_IDS) expect(Number.isInteger(m[id])).toBe(true);
      }),
    );
  });

  it("gives the same totals for rows typed in any equivalent form, columns in any order", () => {
    fc.assert(
      fc.property(
        arbUnitRows,
        fc.constantFrom(...PERIOD_PARTS, null),
        fc.constantFrom("decree09", "calendar" as const),
        fc.integer({ min: 2025, max: 2027 }),
        fc.integer(),
        (rows, part, rule, year, seed) => {
          const period = resolvePeriod(part ? `${year}-${part}` : String(year), rule)!;
          const cleanTabs = TEMPLATES.map((t) =>
            tab(
              t.title,
              t.columns.map((c) => c.header),
              rows[t.id]!.map((r) => t.columns.map((c) => cleanCell(c, r[c.key] ?? null))),
            ),
          );
          const messyTabs = TEMPLATES.map((t) => {
            // A rotation of the columns plus an extra one: order must not matter.
            const order = t.columns.map((_, i) => (i + Math.abs(seed)) % t.columns.length);
            const cells = rows[t.id]!.map(
              (r) =>
                fc.sample(
                  fc.tuple(
                    ...order.map((i) => messyCell(t.columns[i]!, r[t.columns[i]!.key] ?? null)),
                  ),
                  {
                    numRuns: 1,
                    seed,
                  },
                )[0]!,
            );
            return {
              title: ` ${t.title.toUpperCase().normalize("NFD")}`,
              values: [
                ["Biểu mẫu"],
                [...order.map((i) => t.columns[i]!.header.toLowerCase()), "Ghi chú riêng"],
                ...cells.map((c) => [...c, "x"]),
              ],
            };
          });
          const clean = readUnit(cleanTabs);
          const messy = readUnit(messyTabs);
          // Warnings (district level after 07/2025) depend on the values, not their typed form.
          expect(messy.issues.filter((i) => i.severity === "error")).toEqual([]);
          expect(clean.invalidRows).toBe(0);
          expect(aggregateUnit(messy.rows, messy.invalidRows, period)).toEqual(
            aggregateUnit(clean.rows, clean.invalidRows, period),
          );
          // Text keeps its typed tone placement; everything else reads identically.
          const folded = (r: unknown) =>
            JSON.parse(JSON.stringify(r), (_k, v) => (typeof v === "string" ? foldKey(v) : v));
          expect(folded(messy.rows)).toEqual(folded(clean.rows));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("makes the province total the sum over its units, metric by metric", () => {
    fc.assert(
      fc.property(fc.array(arbUnitRows, { minLength: 0, maxLength: 6 }), (units) => {
        const perUnit: Metrics[] = units.map((rows) => {
          const read = readUnit(
            TEMPLATES.map((t) =>
              tab(
                t.title,
                t.columns.map((c) => c.header),
                rows[t.id]!.map((r) => t.columns.map((c) => cleanCell(c, r[c.key] ?? null))),
              ),
            ),
          );
          return aggregateUnit(read.rows, read.invalidRows, period2026);
        });
        const total = sumMetrics(perUnit);
        for (const id of METRIC_IDS) {
          expect(total[id]).toBe(perUnit.reduce((s, m) => s + m[id], 0));
        }
      }),
    );
  });

  it("keeps the report's identities: inspections split by method, visits by inspector", () => {
    // Few inspectors, methods and rounds, typed several ways, so that rows do group.
    const [ins] = TEMPLATES;
    const round = fc.constantFrom(
      null,
      "",
      "KH 01",
      "kh  01",
      "KH 01".normalize("NFD"),
      "Đợt 2",
      "ĐỢT 2",
    );
    const rows = fc.array(
      fc
        .tuple(arbRow(ins), round)
        .map(([row, r]): Record<string, string | number | null> => ({ ...row, round: r })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(rows, (list) => {
        const read = readUnit([
          tab(
            ins.title,
            ins.columns.map((c) => c.header),
            list.map((r) => ins.columns.map((c) => cleanCell(c, r[c.key] ?? null))),
          ),
        ]);
        expect(read.invalidRows).toBe(0);
        const m = aggregateUnit(read.rows, 0, { from: "2000-01-01", to: "2100-12-31" });
        expect(m.inspections).toBe(m.inspectionsCheck + m.inspectionsSupervision);
        expect(m.inspectionVisits).toBeGreaterThanOrEqual(m.inspections);
        expect(m.inspectionVisits).toBe(list.length);
        expect(m.visitsByProvince + m.visitsByDistrict + m.visitsByCommune + m.visitsByOthers).toBe(
          m.inspectionVisits,
        );
        // Row order never changes a figure.
        const reversed = aggregateUnit(
          { ...read.rows, inspections: [...read.rows.inspections].reverse() },
          0,
          { from: "2000-01-01", to: "2100-12-31" },
        );
        expect(reversed).toEqual(m);
      }),
    );
  });
});
