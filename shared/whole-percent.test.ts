import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundedRatio, wholePercent } from "./whole-percent.ts";

/** Round half up of part × scale ÷ whole in BigInt: floor((2·p·s + w) ÷ 2w), w > 0. */
function exact(part: number, whole: number, scale: number): number {
  const n = 2n * BigInt(part) * BigInt(scale) + BigInt(whole);
  const d = 2n * BigInt(whole);
  const q = n / d;
  // BigInt division truncates toward zero; floor for a negative numerator.
  return Number(n % d !== 0n && n < 0n ? q - 1n : q);
}

describe("wholePercent", () => {
  it("rounds exact halves up, where the float quotient falls below them", () => {
    // (41 / 40) × 100 is 102.49999999999999 in binary.
    expect(wholePercent(41, 40)).toBe(103);
    expect(wholePercent(201, 200)).toBe(101);
    expect(wholePercent(23, 40)).toBe(58);
    expect(wholePercent(1, 8)).toBe(13);
    expect(wholePercent(1, 3)).toBe(33);
    expect(wholePercent(2, 3)).toBe(67);
    expect(wholePercent(0, 7)).toBe(0);
  });

  it("is the exact half-up rounding of whole numbers", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 10_000_000 }), (part, whole) => {
        expect(wholePercent(part, whole)).toBe(exact(part, whole, 100));
      }),
      { numRuns: 2000 },
    );
  });

  it("is exact on the halves themselves, for any scale", () => {
    // part × scale ÷ whole = k + ½ exactly: part = (2k + 1)·m, whole = 2·scale·m … picked
    // as whole = 2m and part·scale = (2k + 1)·m.
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(100, 1000),
        (k, m, scale) => {
          const whole = 2 * m * scale;
          const part = (2 * k + 1) * m;
          expect(roundedRatio(part, whole, scale)).toBe(k + 1);
          expect(roundedRatio(part, whole, scale)).toBe(exact(part, whole, scale));
        },
      ),
    );
  });

  it("rounds toward +∞ for a negative part and takes the sign of the whole", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (part, whole) => {
          expect(roundedRatio(part, whole, 100)).toBe(exact(part, whole, 100));
          expect(roundedRatio(-part, -whole, 100)).toBe(exact(part, whole, 100));
        },
      ),
    );
  });
});
