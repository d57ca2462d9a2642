import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeInWords } from "./change-words.ts";

describe("the comparison with the same period last year, in words", () => {
  it("says how much more or less, as a report does", () => {
    // 28 → 35: +7/28 = 25%; 40 → 38: −2/40 = 5%; 8 → 9: +12,5%; 3 → 1: −66,67%.
    expect(changeInWords(35, 28, "năm 2025")).toBe("tăng 25% so với cùng kỳ năm 2025");
    expect(changeInWords(38, 40, "năm 2025")).toBe("giảm 5% so với cùng kỳ năm 2025");
    expect(changeInWords(9, 8, "năm 2025")).toBe("tăng 12,5% so với cùng kỳ năm 2025");
    expect(changeInWords(1, 3, "năm 2025")).toBe("giảm 66,7% so với cùng kỳ năm 2025");
    expect(changeInWords(3000, 1000, "năm 2025")).toBe("tăng 200% so với cùng kỳ năm 2025");
    expect(changeInWords(0, 12, "năm 2025")).toBe("giảm 100% so với cùng kỳ năm 2025");
  });

  it("says equal, and that last year had none, in words", () => {
    expect(changeInWords(12, 12, "năm 2025")).toBe("bằng cùng kỳ");
    expect(changeInWords(0, 0, "năm 2025")).toBe("bằng cùng kỳ");
    expect(changeInWords(24, 0, "năm 2025")).toBe("cùng kỳ năm 2025 không có");
  });

  it("never calls a real change 0%", () => {
    expect(changeInWords(100_001, 100_000, "năm 2025")).toBe(
      "tăng dưới 0,1% so với cùng kỳ năm 2025",
    );
    fc.assert(
      fc.property(fc.nat(1e6), fc.integer({ min: 1, max: 1e6 }), (current, last) => {
        const words = changeInWords(current, last, "năm 2025");
        if (current === last) expect(words).toBe("bằng cùng kỳ");
        else {
          expect(words.startsWith(current > last ? "tăng " : "giảm ")).toBe(true);
          expect(words).not.toMatch(/ 0%/);
        }
      }),
    );
  });
});
