import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbRow, cleanCell, messyCell } from "../test/support/arbitraries.ts";
import { aggregateUnit, sumMetrics } from "./aggregate.ts";
import { METRIC_IDS, type Metrics } from "./metrics.ts";
import { PERIOD_PARTS, resolvePeriod } from "./periods.ts";
import { readUnit, type UnitRows } from "./read-unit.ts";
import type { ColumnDef, MetricRule, RowFilter } from "./schema/template.ts";
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

/**
 * The rules read literally, one filter per metric: what `aggregateUnit` computes in one
 * pass per template must be the same numbers.
 */
function referenceMetric(rule: MetricRule, rows: readonly Record<string, unknown>[]): number {
  const blank = (v: unknown) =>
    v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  const fold = (v: unknown) => (blank(v) ? "" : foldKey(String(v)));
  const kept = (where: RowFilter | undefined) =>
    where
      ? rows.filter(
          (r) => typeof r[where.key] === "string" && where.in.includes(r[where.key] as string),
        )
      : rows;
  const sum = (list: typeof rows, key: string) =>
    list.reduce((t: number, r) => t + (typeof r[key] === "number" ? (r[key] as number) : 0), 0);
  switch (rule.kind) {
    case "rows":
      return rows.length;
    case "rowsWhere":
      return kept(rule).length;
    case "sum":
      return sum(rows, rule.key);
    case "sumWhere":
      return sum(kept(rule.where), rule.key);
    case "distinct":
      return new Set(rows.filter((r) => !blank(r[rule.key])).map((r) => fold(r[rule.key]))).size;
    case "inspectionGroups": {
      const list = kept(rule.where);
      const grouped = list.filter((r) => !blank(r[rule.round]));
      const keys = grouped.map((r) =>
        JSON.stringify([...rule.by, rule.round].map((k) => fold(r[k]))),
      );
      return new Set(keys).size + (list.length - grouped.length);
    }
  }
}

describe("one pass per template", () => {
  it("gives what each metric's rule gives on its own, for rows typed any way", () => {
    const period = { from: "2026-01-01", to: "2026-06-30" } as const;
    // Few distinct values typed several ways (case, NFD, spaces, blanks, numbers), so that
    // distinct counts and groups merge and split.
    const typed = fc.constantFrom(
      "KH 01",
      "kh  01",
      "KH 01".normalize("NFD"),
      "Hoà Bình",
      "Hòa Bình",
    );
    const cellValue = (c: ColumnDef) =>
      c.type === "enum"
        ? // Two of the column's values, or one typed otherwise: rows fall in the same groups.
          fc.oneof(
            fc.constantFrom(...c.values.slice(0, 2), null),
            fc.constantFrom(...c.values.slice(0, 1)).map((v) => v.toLowerCase()),
          )
        : fc.oneof(
            typed,
            typed,
            fc.constantFrom(null, undefined, "", "  ", 0, 3, 3.5, -2, "3", "Tập thể", "tập  thể"),
          );
    const date = fc.constantFrom(
      "2025-12-31",
      "2026-01-01",
      "2026-03-15",
      "2026-06-30",
      "2026-07-01",
      45000,
      null,
    );
    const rowsOf = (t: (typeof TEMPLATES)[number]) =>
      fc.array(
        fc.tuple(fc.tuple(...t.columns.map(cellValue)), date).map(([cells, d]) => ({
          ...Object.fromEntries(t.columns.map((c, i) => [c.key, cells[i]])),
          [t.dateKey]: d,
        })),
        { maxLength: 40 },
      );
    const unit = fc.record(
      Object.fromEntries(TEMPLATES.map((t) => [t.id, rowsOf(t)])),
    ) as fc.Arbitrary<Record<string, Record<string, unknown>[]>>;
    fc.assert(
      fc.property(unit, fc.nat(9), (rows, invalid) => {
        const m = aggregateUnit(rows as unknown as UnitRows, invalid, period);
        for (const t of TEMPLATES) {
          const inPeriod = (rows[t.id] ?? []).filter((r) => {
            const d = r[t.dateKey];
            return typeof d === "string" && d >= period.from && d <= period.to;
          });
          for (const metric of t.metrics) {
            expect([metric.id, m[metric.id]]).toEqual([
              metric.id,
              referenceMetric(metric, inPeriod),
            ]);
          }
        }
        expect(m.invalidRows).toBe(invalid);
      }),
      { numRuns: 300 },
    );
  });
});
