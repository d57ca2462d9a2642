import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VIETNAMESE_LETTERS, vietnameseText } from "../../test/support/vietnamese.ts";
import { foldKey, foldKeyOnce, isBlank, normalizeText, stripInvisible } from "./fold.ts";

describe("normalizeText", () => {
  it("makes NFD input equal to NFC and collapses spaces", () => {
    expect(normalizeText("  Kiểm   tra,\u00a0giám sát ".normalize("NFD"))).toBe(
      "Kiểm tra, giám sát",
    );
  });
});

const INVISIBLES = ["\u200e", "\u200f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];

// The definition the fast paths must agree with, written the slow way.
const reference = (s: string) =>
  s
    .replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu, "")
    .normalize("NFC")
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu, " ")
    .trim();

// Text as cells hold it: Vietnamese in both forms, every kind of space, invisible
// characters, combining marks on their own, other scripts.
const cellText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...VIETNAMESE_LETTERS, ..."0123456789.,:-/ "),
    fc.constantFrom(...INVISIBLES, "\u00a0", "\u2009", "\t", "\n", "\u3000", "\u0301", "\u0323"),
    fc.constantFrom(..."ÅΩİĳǅ한글ꙮ\u212b\u2126\u0340"),
    fc.string({ unit: "grapheme", maxLength: 1 }),
  ),
  maxLength: 40,
});

// The fold as first written: word by word, tone marks collected by a regex.
const referenceFold = (s: string) =>
  reference(s)
    .toLowerCase()
    .normalize("NFD")
    .split(" ")
    .map((word) => {
      const tones = word.match(/[\u0300\u0301\u0303\u0309\u0323]/gu);
      if (!tones) return word.normalize("NFC");
      return `${word.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, "")}${tones.join("")}`.normalize(
        "NFC",
      );
    })
    .join(" ");

describe("normalizeText, fast and slow paths", () => {
  it("folds as the word-by-word definition does, cached or not", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          cellText,
          vietnameseText(),
          cellText.map((s) => s.normalize("NFD")),
        ),
        (s) => {
          expect(foldKey(s)).toBe(referenceFold(s));
          expect(foldKey(s)).toBe(referenceFold(s));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("equals strip, NFC, collapse and trim on any cell text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          cellText,
          cellText.map((s) => s.normalize("NFD")),
        ),
        (s) => {
          expect(normalizeText(s)).toBe(reference(s));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("calls blank exactly the text that normalises to nothing", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        expect(isBlank(s)).toBe(reference(s) === "");
      }),
      { numRuns: 3000 },
    );
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (isBlank(s) !== (reference(s) === "")) expect.fail(`U+${c.toString(16)}`);
    }
  });

  it("agrees on every character of the basic plane, alone and beside letters", () => {
    // Surrogates alone are not text; every other code unit, so a wrong fast-path range shows.
    const chars = Array.from({ length: 0x10000 }, (_, c) => c)
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCharCode(c));
    const failures = chars.filter((a) =>
      [a, `a${a}`, `${a}a`, `\u1ea1 ${a}`, `${a}\u0301`].some(
        (s) => normalizeText(s) !== reference(s),
      ),
    );
    expect(failures).toEqual([]);
  });
});

describe("invisible characters", () => {
  it.each(INVISIBLES)("drops %j from text, keys and blank cells", (ch) => {
    expect(stripInvisible(`H${ch}01${ch}`)).toBe("H01");
    expect(normalizeText(`${ch}Phường${ch} 1`)).toBe("Phường 1");
    expect(foldKey(`BCĐ${ch} tỉnh`)).toBe(foldKey("BCĐ tỉnh"));
    expect(isBlank(` ${ch} `)).toBe(true);
  });

  it("leaves text without them as the same string", () => {
    const s = "Hòa Bình";
    expect(stripInvisible(s)).toBe(s);
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

  // About 380,000 texts, each folded three ways: seconds on a busy machine.
  it("folds by table as the definition does, every character of the basic plane in words", {
    timeout: 30_000,
  }, () => {
    // The table (fold-table.ts) answers for most text; where it does not, the long way
    // does. Each code unit alone, inside and around toned words, and with a tone after it.
    const failures: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [ch, `Hoà${ch}`, `${ch}ợi`, `Ủy ${ch} Lợi`, `${ch}\u0301`, `Ba ${ch}`]) {
        const want = referenceFold(s);
        if (foldKeyOnce(s) !== want || foldKey(s) !== want) failures.push(`U+${c.toString(16)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("gives the same key from its cache, also after the cache has turned over", () => {
    const first = Array.from({ length: 50 }, (_, i) => `Phường Hoà ${i}`);
    const keys = first.map(foldKey);
    for (let i = 0; i < 25_000; i++) foldKey(`Thuỷ ${i}`);
    expect(first.map(foldKey)).toEqual(keys);
    expect(keys[7]).toBe(foldKey("PHƯỜNG  HÒA 7".normalize("NFD")));
    const long = `${"Hoà ".repeat(100)}x`;
    expect(foldKey(long)).toBe(foldKey(long.replaceAll("Hoà", "Hòa")));
  });
});
