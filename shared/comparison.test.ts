import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentOf, previousPeriod, samePeriodLastYear } from "./comparison.ts";
import { PERIOD_PARTS, PERIOD_RULES, resolvePeriod } from "./periods.ts";

const under = (id: string, rule: "decree09" | "calendar") => resolvePeriod(id, rule)!;

describe("samePeriodLastYear", () => {
  it.each([
    ["2026", "2025"],
    ["2026-Q1", "2025-Q1"],
    ["2026-Q2", "2025-Q2"],
    ["2026-Q3", "2025-Q3"],
    ["2026-Q4", "2025-Q4"],
    ["2026-H1", "2025-H1"],
    ["2026-H2", "2025-H2"],
    ["2026-9M", "2025-9M"],
  ])("%s beside %s, under either rule", (id, expected) => {
    for (const rule of PERIOD_RULES) {
      expect(samePeriodLastYear(under(id, rule))).toEqual(under(expected, rule));
    }
  });

  it("keeps the rule's dates: 2026-Q1 under Nghị định 09 is 15/12/2024–14/03/2025 last year", () => {
    expect(samePeriodLastYear(under("2026-Q1", "decree09"))).toMatchObject({
      from: "2024-12-15",
      to: "2025-03-14",
    });
    expect(samePeriodLastYear(under("2026-Q1", "calendar"))).toMatchObject({
      from: "2025-01-01",
      to: "2025-03-31",
    });
  });

  it("has none before the first year periods have", () => {
    expect(samePeriodLastYear(under("2000-Q2", "calendar"))).toBeNull();
  });
});

describe("previousPeriod", () => {
  it.each([
    ["2026-Q1", "2025-Q4"],
    ["2026-Q2", "2026-Q1"],
    ["2026-Q3", "2026-Q2"],
    ["2026-Q4", "2026-Q3"],
    ["2026-H1", "2025-H2"],
    ["2026-H2", "2026-H1"],
  ])("%s after %s", (id, expected) => {
    for (const rule of PERIOD_RULES) {
      expect(previousPeriod(under(id, rule))).toEqual(under(expected, rule));
    }
  });

  it("is none for years and nine months", () => {
    for (const rule of PERIOD_RULES) {
      expect(previousPeriod(under("2026", rule))).toBeNull();
      expect(previousPeriod(under("2026-9M", rule))).toBeNull();
    }
  });

  it("ends the day before the period starts, for every quarter and half, either rule", () => {
    const dayBefore = (iso: string) =>
      new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 2001, max: 2100 }),
        fc.constantFrom(...PERIOD_PARTS.filter((p) => p !== "9M")),
        fc.constantFrom(...PERIOD_RULES),
        (year, part, rule) => {
          const period = under(`${year}-${part}`, rule);
          expect(previousPeriod(period)?.to).toBe(dayBefore(period.from));
        },
      ),
    );
  });
});

describe("percentOf (So sánh %)", () => {
  it("rounds to a whole number and is blank when last year's figure is 0", () => {
    expect(percentOf(156, 120)).toBe(130);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(1, 8)).toBe(13); // 12.5 rounds up
    // Halves the float quotient puts just below: (41 / 40) × 100 = 102.49999999999999.
    expect(percentOf(41, 40)).toBe(103);
    expect(percentOf(201, 200)).toBe(101);
    expect(percentOf(23, 40)).toBe(58);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
  });

  it("rounds every exact half up", () => {
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 1, max: 50 }), (k, s) => {
        // current ÷ base = (2k + 1) ÷ 200, in lowest terms (205/200 is 41 of 40): k + ½ %.
        const g = gcd((2 * k + 1) * s, 200 * s);
        expect(percentOf(((2 * k + 1) * s) / g, (200 * s) / g)).toBe(k + 1);
      }),
      { numRuns: 500 },
    );
  });

  it("rounds half up exactly, as integer arithmetic does", () => {
    fc.assert(
      fc.property(
        // Small bases make halves (41 of 40) frequent; large ones cover the range.
        fc.oneof(
          fc.tuple(fc.nat(2000), fc.integer({ min: 1, max: 400 })),
          fc.tuple(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 })),
        ),
        ([current, base]) => {
          // floor((200·current + base) ÷ 2·base) in BigInt: the half-up rounding, no float.
          const exact = (200n * BigInt(current) + BigInt(base)) / (2n * BigInt(base));
          expect(percentOf(current, base)).toBe(Number(exact));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
