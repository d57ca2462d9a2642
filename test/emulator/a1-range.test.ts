import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GridRect } from "./a1-range.ts";
import {
  columnIndex,
  columnLetters,
  formatA1,
  MAX_COLUMNS,
  parseA1,
  quoteSheetTitle,
} from "./a1-range.ts";
import { GoogleError } from "./google-error.ts";
import { resolveRange } from "./range-resolve.ts";
import { stateFromSeed } from "./seed-state.ts";

// Titles as people type them: Vietnamese (precomposed and decomposed), apostrophes, commas,
// spaces, `!`, digits; Google allows any non-empty title.
const titleChar = fc.constantFrom(
  ..."aAzZ09 _'!,.:-/()Đđơưếạảãáàâăệộ–\u0301\u0300\u0323".split(""),
);
const title = fc
  .oneof(
    fc.string({ unit: titleChar, minLength: 1, maxLength: 24 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
    fc.constantFrom(
      "Kiểm tra, giám sát",
      "Khen thưởng",
      "Đơn vị",
      "It's",
      "''",
      "A1",
      "R1C1",
      "Sheet1",
    ),
  )
  .chain((t) => fc.constantFrom(t, t.normalize("NFD"), t.normalize("NFC")));

const row = fc.integer({ min: 0, max: 999_999 });
const col = fc.integer({ min: 0, max: MAX_COLUMNS - 1 });

/** Rectangles in every shape A1 can write: bounded, open-ended rows, whole columns, whole rows. */
const rect: fc.Arbitrary<GridRect> = fc.oneof(
  fc.tuple(row, col, row, col).map(([r1, c1, r2, c2]) => ({
    startRow: Math.min(r1, r2),
    startCol: Math.min(c1, c2),
    endRow: Math.max(r1, r2) + 1,
    endCol: Math.max(c1, c2) + 1,
  })),
  fc.tuple(row, col, col).map(([r, c1, c2]) => ({
    startRow: r,
    startCol: Math.min(c1, c2),
    endRow: undefined,
    endCol: Math.max(c1, c2) + 1,
  })),
  fc.tuple(row, row).map(([r1, r2]) => ({
    startRow: Math.min(r1, r2),
    startCol: 0,
    endRow: Math.max(r1, r2) + 1,
    endCol: undefined,
  })),
);

describe("A1 notation", () => {
  it("column letters and indexes are inverse up to ZZZ", () => {
    fc.assert(fc.property(col, (c) => columnIndex(columnLetters(c)) === c));
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(MAX_COLUMNS - 1)).toBe("ZZZ");
  });

  it("round-trips any title and rectangle through format and parse", () => {
    fc.assert(
      fc.property(title, rect, (t, r) => {
        const text = formatA1(t, r);
        const readings = parseA1(text);
        expect(readings).toContainEqual({ sheetTitle: t, rect: r, singleCell: false });
      }),
      { numRuns: 400 },
    );
  });

  it("round-trips a single cell as an origin", () => {
    fc.assert(
      fc.property(title, row, col, (t, r, c) => {
        const text = formatA1(t, { startRow: r, startCol: c, endRow: r + 1, endCol: c + 1 });
        expect(text.endsWith(`!${columnLetters(c)}${r + 1}`)).toBe(true);
        expect(parseA1(text)).toContainEqual({
          sheetTitle: t,
          rect: { startRow: r, startCol: c, endRow: r + 1, endCol: c + 1 },
          singleCell: true,
        });
      }),
    );
  });

  it("quotes every title that is not a plain identifier, doubling apostrophes", () => {
    fc.assert(
      fc.property(title, (t) => {
        const q = quoteSheetTitle(t);
        if (q === t) expect(t).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        else expect(q).toBe(`'${t.replaceAll("'", "''")}'`);
      }),
    );
    expect(quoteSheetTitle("Sheet1")).toBe("Sheet1");
    expect(quoteSheetTitle("Kiểm tra, giám sát")).toBe("'Kiểm tra, giám sát'");
    expect(quoteSheetTitle("It's")).toBe("'It''s'");
    expect(quoteSheetTitle("A1")).toBe("'A1'");
  });

  it("formats the shapes Google echoes", () => {
    expect(
      formatA1("Kiểm tra, giám sát", { startRow: 0, startCol: 0, endRow: 1000, endCol: 26 }),
    ).toBe("'Kiểm tra, giám sát'!A1:Z1000");
    expect(formatA1("S", { startRow: 1, startCol: 0, endRow: undefined, endCol: 3 })).toBe(
      "S!A2:C",
    );
    expect(formatA1("S", { startRow: 0, startCol: 0, endRow: undefined, endCol: 2 })).toBe("S!A:B");
    expect(formatA1("S", { startRow: 2, startCol: 0, endRow: 5, endCol: undefined })).toBe("S!3:5");
  });

  it("normalises reversed corners and reads R1C1 cells", () => {
    expect(parseA1("S!C3:A1")).toContainEqual({
      sheetTitle: "S",
      rect: { startRow: 0, startCol: 0, endRow: 3, endCol: 3 },
      singleCell: false,
    });
    expect(parseA1("S!R2C3")).toContainEqual({
      sheetTitle: "S",
      rect: { startRow: 1, startCol: 2, endRow: 2, endCol: 3 },
      singleCell: true,
    });
    expect(parseA1("b2:c3")).toContainEqual({
      sheetTitle: undefined,
      rect: { startRow: 1, startCol: 1, endRow: 3, endCol: 3 },
      singleCell: false,
    });
  });

  it("rejects malformed cell parts (only the whole-title reading remains)", () => {
    for (const bad of ["S!A0", "S!AAAA1", "S!A1:B2:C3", "S!1", "S!A:1", "S!"]) {
      expect(parseA1(bad)).toEqual([{ sheetTitle: bad, rect: undefined, singleCell: false }]);
    }
    expect(parseA1("'unterminated!A1")).toEqual([]);
    expect(parseA1("'S'A1")).toEqual([]);
    expect(parseA1("")).toEqual([]);
  });
});

describe("resolving A1 text against a spreadsheet", () => {
  const nfd = "Đối thoại".normalize("NFD");
  const ss = stateFromSeed(
    { sheets: [{ title: "Kiểm tra, giám sát" }, { title: nfd }, { title: "A1" }] },
    "x",
  );

  it("matches titles exactly or case-insensitively, never across Unicode forms", () => {
    expect(resolveRange(ss, "'kiểm tra, giám sát'!A1").sheet.properties.title).toBe(
      "Kiểm tra, giám sát",
    );
    expect(resolveRange(ss, `'${nfd}'!A1:B`).sheet.properties.title).toBe(nfd);
    expect(() => resolveRange(ss, "'Đối thoại'!A1:B")).toThrow(GoogleError);
    expect(() => resolveRange(ss, "'Đối thoại'!A1:B")).toThrow(
      "Unable to parse range: 'Đối thoại'!A1:B",
    );
  });

  it("prefers a tab over a cell of the first tab, and a bare cell means the first tab", () => {
    expect(resolveRange(ss, "A1").sheet.properties.title).toBe("A1");
    const r = resolveRange(ss, "B2:C3");
    expect(r.sheet.properties.title).toBe("Kiểm tra, giám sát");
    expect(r.rect).toEqual({ startRow: 1, startCol: 1, endRow: 3, endCol: 3 });
  });
});
