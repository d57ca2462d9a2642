// The files.list `q` grammar: time comparisons mean what they say at millisecond precision,
// `and` / `or` / `not` combine as logic does, and what Drive refuses is refused.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rfc3339 } from "./drive-metadata.ts";
import { InvalidQuery, parseFileQuery, type QueryableFile } from "./drive-query.ts";

const START = Date.UTC(2025, 0, 1);
const time = fc.integer({ min: START, max: START + 400 * 86_400_000 });
const file = fc.record({
  name: fc.constantFrom("Bảng A", "Huyện Ngọc Hồi", "x"),
  mimeType: fc.constant("application/vnd.google-apps.spreadsheet"),
  modifiedTime: time,
  createdTime: time,
  parents: fc.subarray(["tinh", "khac"]),
}) as fc.Arbitrary<QueryableFile>;
const op = fc.constantFrom("=", "!=", "<", "<=", ">", ">=");

const holds: Record<string, (a: number, b: number) => boolean> = {
  "=": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

describe("files.list q", () => {
  it("compares modifiedTime and createdTime to the millisecond", () => {
    fc.assert(
      fc.property(file, op, time, fc.boolean(), (f, o, t, modified) => {
        const field = modified ? "modifiedTime" : "createdTime";
        const q = parseFileQuery(`${field} ${o} '${rfc3339(t)}'`);
        expect(q(f)).toBe(holds[o]!(f[field], t));
      }),
    );
  });

  it("reads a time without a zone as UTC, and one with an offset as that offset", () => {
    const f = {
      name: "x",
      mimeType: "m",
      modifiedTime: Date.UTC(2026, 5, 1, 8),
      createdTime: 0,
      parents: [],
    };
    expect(parseFileQuery("modifiedTime = '2026-06-01T08:00:00'")(f)).toBe(true);
    expect(parseFileQuery("modifiedTime = '2026-06-01T15:00:00+07:00'")(f)).toBe(true);
    expect(parseFileQuery("modifiedTime > '2026-06-01'")(f)).toBe(true);
  });

  it("combines terms with and, or, not and parentheses as logic does", () => {
    fc.assert(
      fc.property(file, time, time, (f, a, b) => {
        const A = `modifiedTime > '${rfc3339(a)}'`;
        const B = `'tinh' in parents`;
        const va = f.modifiedTime > a;
        const vb = f.parents.includes("tinh");
        expect(parseFileQuery(`${A} and ${B}`)(f)).toBe(va && vb);
        expect(parseFileQuery(`${A} or ${B}`)(f)).toBe(va || vb);
        expect(parseFileQuery(`not (${A} and ${B})`)(f)).toBe(!(va && vb));
        expect(parseFileQuery(`not ${A} or not ${B}`)(f)).toBe(!va || !vb);
        expect(parseFileQuery(`createdTime < '${rfc3339(b)}' and (${A} or ${B})`)(f)).toBe(
          f.createdTime < b && (va || vb),
        );
      }),
    );
  });

  it("refuses what Drive answers with 400 Invalid Value", () => {
    for (const q of [
      "modifiedTime > 'hôm qua'",
      "modifiedTime > '2026-02-30T00:00:00Z'",
      "modifiedTime contains '2026'",
      "size > '5'",
      "name = 'a' and",
      "name = 'a",
      "(name = 'a'",
      "'tinh' in owners",
      "trashed = maybe",
    ]) {
      expect(() => parseFileQuery(q), q).toThrow(InvalidQuery);
    }
  });
});
