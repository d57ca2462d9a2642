import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { a1Range, quoteSheetTitle } from "../../worker/sheets/client.ts";
import { vietnameseText } from "../support/vietnamese.ts";

describe("quoteSheetTitle / a1Range", () => {
  it("always quotes, doubling apostrophes", () => {
    expect(quoteSheetTitle("Sheet1")).toBe("'Sheet1'");
    expect(quoteSheetTitle("Kiểm tra, giám sát")).toBe("'Kiểm tra, giám sát'");
    expect(quoteSheetTitle("Đơn vị's list")).toBe("'Đơn vị''s list'");
    expect(quoteSheetTitle("''")).toBe("''''''");
    expect(a1Range("Khen thưởng", "A1:H")).toBe("'Khen thưởng'!A1:H");
    expect(a1Range("Khen thưởng")).toBe("'Khen thưởng'");
  });

  it("never lets a title close its quotes early, whatever it contains", () => {
    const title = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      vietnameseText(30)
        .filter((s) => s.length > 0)
        .map((s) => s.normalize("NFD")),
      fc.constantFrom("'", "''", "a'b", "x!A1", "'!'", "Tổng hợp'!A1:B"),
    );
    fc.assert(
      fc.property(title, (t) => {
        const quoted = quoteSheetTitle(t);
        const inner = quoted.slice(1, -1);
        // Inside the outer quotes every apostrophe is doubled: none can end the title.
        expect(quoted.startsWith("'") && quoted.endsWith("'")).toBe(true);
        expect(inner.replaceAll("''", "")).not.toContain("'");
        expect(inner.replaceAll("''", "'")).toBe(t);
      }),
    );
  });

  it("keeps a decomposed (NFD) title byte for byte", () => {
    const nfd = "Kiểm tra, giám sát".normalize("NFD");
    const range = a1Range(nfd, "A1:Z");
    expect(range).toBe(`'${nfd}'!A1:Z`);
    expect(range).not.toBe(a1Range(nfd.normalize("NFC"), "A1:Z"));
  });

  it("rejects an empty title and cell parts that are not plain A1", () => {
    expect(() => quoteSheetTitle("")).toThrow(RangeError);
    expect(() => a1Range("Tab", "A1:B2'!C3")).toThrow(RangeError);
    expect(() => a1Range("Tab", "R1C1:R2C2")).toThrow(RangeError);
    for (const ok of ["A1", "A1:Z", "A:C", "2:5", "AA10:ZZ20"]) {
      expect(a1Range("Tab", ok)).toBe(`'Tab'!${ok}`);
    }
  });
});
