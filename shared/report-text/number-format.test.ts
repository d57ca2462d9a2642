import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimalVi, formatNumberVi, formatPercentVi } from "./number-format.ts";

/** Reads a Vietnamese number back: dots group thousands, a comma marks decimals. */
function parseVi(text: string): number {
  return Number(text.replaceAll(".", "").replace(",", "."));
}

describe("Vietnamese number formatting", () => {
  it("groups thousands with dots and marks decimals with a comma", () => {
    expect(formatNumberVi(0)).toBe("0");
    expect(formatNumberVi(999)).toBe("999");
    expect(formatNumberVi(1234)).toBe("1.234");
    expect(formatNumberVi(1_234_567)).toBe("1.234.567");
    expect(formatNumberVi(-1234)).toBe("-1.234");
    expect(formatPercentVi(12.5, 1)).toBe("12,5%");
    expect(formatPercentVi(67)).toBe("67%");
    expect(formatDecimalVi(1234.56, 1)).toBe("1.234,6");
  });

  it("rounds half away from zero and drops trailing zeros", () => {
    expect(formatDecimalVi(1.005, 2)).toBe("1,01");
    expect(formatDecimalVi(12.04, 1)).toBe("12");
    expect(formatDecimalVi(12.96, 1)).toBe("13");
    expect(formatDecimalVi(0.05, 1)).toBe("0,1");
    expect(formatDecimalVi(-0.04, 1)).toBe("0");
  });

  it("writes every whole number so that it reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = formatNumberVi(n);
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
        expect(parseVi(text)).toBe(n);
      }),
    );
  });

  it("writes decimals within half a unit of the last place shown", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => {
        const text = formatDecimalVi(x, 1);
        expect(text).toMatch(/^\d{1,3}(\.\d{3})*(,\d)?$/);
        expect(Math.abs(parseVi(text) - x)).toBeLessThanOrEqual(0.05 + 1e-6 * x);
      }),
    );
  });
});
