import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbRow, cleanCell, messyCell } from "../../test/support/arbitraries.ts";
import { resolvePeriod } from "../periods.ts";
import { readUnit, type UnitRows } from "../read-unit.ts";
import type { ColumnDef } from "../schema/template.ts";
import { TEMPLATES } from "../templates/index.ts";
import { fingerprint, fingerprintLines, periodRowCount } from "./fingerprint.ts";
import { utf8Bytes } from "./utf8.ts";

const year2026 = resolvePeriod("2026", "decree09")!;
type Row = Record<string, string | number | null>;
type RowsById = Record<string, Row[]>;

const arbUnitRows = fc.record(
  Object.fromEntries(TEMPLATES.map((t) => [t.id, fc.array(arbRow(t), { maxLength: 6 })])),
) as fc.Arbitrary<RowsById>;

/** The rows as a sheet holds them: header, then cells (clean or as people type them). */
function sheet(rows: RowsById, cell: (c: never, v: string | number | null, i: number) => unknown) {
  return TEMPLATES.map((t) => ({
    title: t.title,
    values: [
      t.columns.map((c) => c.header),
      ...(rows[t.id] ?? []).map((r, i) =>
        t.columns.map((c) => cell(c as never, r[c.key] ?? null, i)),
      ),
    ],
  }));
}
const clean = (rows: RowsById) => readUnit(sheet(rows, (c, v) => cleanCell(c, v))).rows;

describe("fingerprint (Mã kiểm tra)", () => {
  it("is SHA-256 of the sorted lines exactly as defined, first 16 lowercase hex digits", () => {
    const rows = {
      inspections: [],
      awards: [],
      dialogues: [
        {
          date: "2026-03-05",
          chair: "Ông  A",
          area: "Phường 1",
          participants: 12,
          opinions: null,
          resolved: null,
        },
        {
          date: "2026-01-09",
          chair: "Bà B",
          area: "Xã Hòa Bình",
          participants: null,
          opinions: 3,
          resolved: 1,
        },
        {
          date: "2027-01-09",
          chair: "Bà C",
          area: "Ngoài kỳ",
          participants: 1,
          opinions: 1,
          resolved: 1,
        },
      ],
      trainings: [{ date: "2026-02-01", kind: "Tập huấn", topic: "QCDC", attendance: null }],
    } as unknown as UnitRows;
    const text = [
      "Tập huấn, hội nghị|2026-02-01|Tập huấn|QCDC|0",
      "Đối thoại|2026-01-09|Bà B|Xã Hòa Bình|0|3|1",
      "Đối thoại|2026-03-05|Ông A|Phường 1|12|0|0",
    ].join("\n");
    const expected = createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
    expect(fingerprint(rows, year2026)).toBe(expected);
    expect(fingerprint(rows, year2026)).toMatch(/^[0-9a-f]{16}$/);
    expect(periodRowCount(rows, year2026)).toBe(3);
  });

  it("writes every template column, an old sheet's missing `Đợt kiểm tra` as empty", () => {
    const row = {
      date: "2026-05-01",
      inspector: "Ban Chỉ đạo cấp tỉnh",
      method: "Kiểm tra",
      target: "UBND xã A",
      targetType: "Khác",
      rating: null,
      recommendations: 2,
      remedied: null,
      notes: null,
    };
    const rows = {
      inspections: [row],
      awards: [],
      dialogues: [],
      trainings: [],
    } as unknown as UnitRows;
    expect(fingerprintLines(rows, year2026)).toEqual([
      "Kiểm tra, giám sát|2026-05-01|Ban Chỉ đạo cấp tỉnh|Kiểm tra||UBND xã A|Khác||2|0|",
    ]);
  });

  it("ignores row order, blank rows, totals, NFD text, aliases and date formats", () => {
    // Text keeps its tone placement and case (it is not an enum): only NFD and spacing vary.
    const typedAs = (c: ColumnDef, v: string | number | null) =>
      c.type === "text" && typeof v === "string"
        ? fc.constantFrom(v, v.normalize("NFD"), `  ${v.replaceAll(" ", "  ")} `)
        : messyCell(c, v);
    fc.assert(
      fc.property(arbUnitRows, fc.integer(), (rows, seed) => {
        const typed = sheet(rows, (c, v) => fc.sample(typedAs(c, v), { numRuns: 1, seed })[0]);
        for (const tab of typed) {
          const [header, ...data] = tab.values;
          // Reversed, with a blank row and a hand-typed total in between.
          tab.values = [header!, ...data.reverse(), [], [null, " "], ["Tổng cộng"]];
        }
        expect(fingerprint(readUnit(typed).rows, year2026)).toBe(
          fingerprint(clean(rows), year2026),
        );
      }),
      { numRuns: 120 },
    );
  });

  it("changes with any figure of a row in the period", () => {
    const arbCase = arbUnitRows
      .map((rows) => ({ rows, inPeriod: periodRowCount(clean(rows), year2026) }))
      .filter(({ inPeriod }) => inPeriod > 0)
      .chain(({ rows }) => {
        const cells = TEMPLATES.flatMap((t) =>
          (rows[t.id] ?? []).flatMap((r, i) =>
            typeof r[t.dateKey] === "string" &&
            r[t.dateKey]! >= year2026.from &&
            r[t.dateKey]! <= year2026.to
              ? t.columns.map((c) => ({ t, i, c }))
              : [],
          ),
        );
        return fc.record({ rows: fc.constant(rows), at: fc.constantFrom(...cells) });
      });
    fc.assert(
      fc.property(arbCase, ({ rows, at }) => {
        const changed = structuredClone(rows);
        const row = changed[at.t.id]![at.i]!;
        const v = row[at.c.key] ?? null;
        const column = at.c as ColumnDef;
        switch (column.type) {
          case "count":
            row[at.c.key] = (typeof v === "number" ? v : 0) + 1;
            if (column.atMost)
              row[column.atMost] = ((row[column.atMost] as number | null) ?? 0) + 1;
            break;
          case "enum":
            row[at.c.key] = column.values.find((x) => x !== v) ?? null;
            break;
          case "text":
            row[at.c.key] = `${v ?? ""}x`;
            break;
          case "date":
            row[at.c.key] = v === year2026.to ? year2026.from : year2026.to;
            break;
        }
        expect(fingerprint(clean(changed), year2026)).not.toBe(fingerprint(clean(rows), year2026));
      }),
      { numRuns: 150 },
    );
  });

  it("encodes UTF-8 as TextEncoder does, lone surrogates included", () => {
    const units = fc
      .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 20 })
      .map((cps) =>
        cps
          .map((cp) => (cp <= 0xffff ? String.fromCharCode(cp) : String.fromCodePoint(cp)))
          .join(""),
      );
    fc.assert(
      fc.property(units, (s) => {
        expect([...utf8Bytes(s)]).toEqual([...new TextEncoder().encode(s)]);
      }),
    );
  });
});
