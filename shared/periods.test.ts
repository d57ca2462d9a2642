import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./cells/dates.ts";
import {
  currentYearPeriodId,
  isInPeriod,
  PERIOD_PARTS,
  quarterOf,
  resolvePeriod,
} from "./periods.ts";
import type { IsoDate } from "./schema/template.ts";

describe("decree09 periods (Nghị định 09/2019/NĐ-CP, Art. 12)", () => {
  it.each([
    ["2026", "2025-12-15", "2026-12-14"],
    ["2026-Q1", "2025-12-15", "2026-03-14"],
    ["2026-Q2", "2026-03-15", "2026-06-14"],
    ["2026-Q3", "2026-06-15", "2026-09-14"],
    ["2026-Q4", "2026-09-15", "2026-12-14"],
    ["2026-H1", "2025-12-15", "2026-06-14"],
    ["2026-H2", "2026-06-15", "2026-12-14"],
    ["2026-9M", "2025-12-15", "2026-09-14"],
  ])("%s runs %s to %s", (id, from, to) => {
    expect(resolvePeriod(id, "decree09")).toEqual({ id, rule: "decree09", from, to });
  });

  it("puts 20/12/2026 in year 2027", () => {
    expect(currentYearPeriodId("2026-12-20", "decree09")).toBe("2027");
    expect(currentYearPeriodId("2026-12-14", "decree09")).toBe("2026");
    expect(quarterOf("2026-12-20")).toBe("2027-Q1");
  });
});

describe("calendar periods", () => {
  it.each([
    ["2026", "2026-01-01", "2026-12-31"],
    ["2026-Q1", "2026-01-01", "2026-03-31"],
    ["2026-Q4", "2026-10-01", "2026-12-31"],
    ["2026-H1", "2026-01-01", "2026-06-30"],
    ["2026-H2", "2026-07-01", "2026-12-31"],
    ["2026-9M", "2026-01-01", "2026-09-30"],
    ["2028-Q1", "2028-01-01", "2028-03-31"],
  ])("%s runs %s to %s", (id, from, to) => {
    expect(resolvePeriod(id, "calendar")).toEqual({ id, rule: "calendar", from, to });
  });
});

describe("period ids", () => {
  it.each(["", "26", "2026-Q5", "2026-H3", "2026-10M", "1999", "2026Q1", "abc"])(
    "rejects %j",
    (id) => {
      expect(resolvePeriod(id)).toBeNull();
    },
  );
  it("accepts lower case and spaces", () => {
    expect(resolvePeriod(" 2026-q2 ")?.id).toBe("2026-Q2");
  });

  it("tiles every year: the four quarters cover it without gaps or overlaps", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2001, max: 2099 }),
        fc.constantFrom("decree09", "calendar" as const),
        (year, rule) => {
          const y = resolvePeriod(String(year), rule);
          const quarters = ["Q1", "Q2", "Q3", "Q4"].map((q) => resolvePeriod(`${year}-${q}`, rule));
          expect(quarters[0]?.from).toBe(y?.from);
          expect(quarters[3]?.to).toBe(y?.to);
          for (let i = 1; i < 4; i++) {
            expect(quarters[i]?.from).toBe(addDays(quarters[i - 1]?.to as IsoDate, 1));
          }
          const next = resolvePeriod(String(year + 1), rule);
          expect(next?.from).toBe(addDays(y?.to as IsoDate, 1));
          for (const part of PERIOD_PARTS) {
            const p = resolvePeriod(`${year}-${part}`, rule);
            expect(p && y && p.from >= y.from && p.to <= y.to).toBe(true);
          }
        },
      ),
    );
  });

  it("places a date in the year that contains it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30000 }),
        fc.constantFrom("decree09", "calendar" as const),
        (n, rule) => {
          const date = addDays("2001-01-01", n);
          const period = resolvePeriod(currentYearPeriodId(date, rule), rule);
          expect(period && isInPeriod(date, period)).toBe(true);
          const quarter = resolvePeriod(quarterOf(date, rule), rule);
          expect(quarter && isInPeriod(date, quarter)).toBe(true);
        },
      ),
    );
  });
});
