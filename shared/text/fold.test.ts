import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vietnameseText } from "../../test/support/vietnamese.ts";
import { foldKey, normalizeText } from "./fold.ts";

describe("normalizeText", () => {
  it("makes NFD input equal to NFC and collapses spaces", () => {
    expect(normalizeText("  Kiểm   tra,\u00a0giám sát ".normalize("NFD"))).toBe(
      "Kiểm tra, giám sát",
    );
  });
});

describe("foldKey", () => {
  it.each([
    ["Hòa", "Hoà"],
    ["Thủy", "Thuỷ"],
    ["Ủy ban MTTQ", "Uỷ ban MTTQ"],
    ["Kiểm tra, giám sát", "kiểm  tra, GIÁM SÁT"],
    ["Kiểm tra, giám sát", "kiểm tra, giám sát".normalize("NFD")],
    ["Hóa", "Hoá"],
    ["Quý", "Qúy"],
  ])("folds %s and %s together", (a, b) => {
    expect(foldKey(a)).toBe(foldKey(b));
  });

  it.each([
    ["Công", "Cộng"],
    ["Tổng", "Tông"],
    ["Hòa", "Hoa"],
    ["Thủy", "Thúy"],
    ["Đắk", "Dak"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(foldKey(a)).not.toBe(foldKey(b));
  });

  it("is idempotent and insensitive to NFC/NFD on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const k = foldKey(s);
        expect(foldKey(k)).toBe(k);
        expect(foldKey(s.normalize("NFD"))).toBe(k);
      }),
    );
  });

  it("ignores case and spacing of Vietnamese text", () => {
    fc.assert(
      fc.property(vietnameseText(), (s) => {
        expect(foldKey(s.toUpperCase())).toBe(foldKey(s.toLowerCase()));
        expect(foldKey(` ${s.replaceAll(" ", "  ")} `)).toBe(foldKey(s));
      }),
    );
  });
});
