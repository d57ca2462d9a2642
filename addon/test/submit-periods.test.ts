import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateToSerial, serialToIsoDate } from "../../shared/cells/dates.ts";
import { isInPeriod, quarterOf, resolvePeriod } from "../../shared/periods.ts";
import { defaultPeriodId, periodChoices } from "../src/submission/period-choices.ts";

describe("the periods Nộp báo cáo offers", () => {
  it("lists this and last reporting year's started periods; the default is the last ended quarter", () => {
    const choices = periodChoices("2026-11-30", "decree09");
    expect(choices.map((c) => c.id)).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2026-H1",
      "2026-H2",
      "2026-9M",
      "2026",
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2025-H1",
      "2025-H2",
      "2025-9M",
      "2025",
    ]);
    expect(choices.find((c) => c.id === "2026-Q3")).toEqual({
      id: "2026-Q3",
      name: "Quý III năm 2026",
      dates: "15/06/2026 – 14/09/2026",
      from: "2026-06-15",
      to: "2026-09-14",
      open: false,
    });
    expect(choices.find((c) => c.id === "2026-Q4")?.open).toBe(true);
    expect(defaultPeriodId(choices)).toBe("2026-Q3");
  });

  it("follows the unit's rule: after 15/12 Nghị định 09 is in the next year already", () => {
    const decree = periodChoices("2026-12-20", "decree09");
    expect(decree.slice(0, 4).map((c) => c.id)).toEqual(["2027-Q1", "2027-H1", "2027-9M", "2027"]);
    expect(defaultPeriodId(decree)).toBe("2026-Q4");
    const calendar = periodChoices("2026-12-20", "calendar");
    expect(calendar[0]?.id).toBe("2026-Q1");
    expect(defaultPeriodId(calendar)).toBe("2026-Q3");
    expect(defaultPeriodId(periodChoices("2026-01-10", "calendar"))).toBe("2025-Q4");
  });

  it("defaults to the quarter just before today's, under either rule, any day", () => {
    const day = fc
      .integer({ min: isoDateToSerial("2001-01-01"), max: isoDateToSerial("2099-12-31") })
      .map(serialToIsoDate);
    fc.assert(
      fc.property(day, fc.constantFrom("decree09" as const, "calendar" as const), (today, rule) => {
        const choices = periodChoices(today, rule);
        const current = resolvePeriod(quarterOf(today, rule), rule)!;
        const chosen = resolvePeriod(defaultPeriodId(choices), rule)!;
        // The day before the current quarter starts is in the chosen quarter.
        const before = serialToIsoDate(isoDateToSerial(current.from) - 1);
        expect(isInPeriod(before, chosen)).toBe(true);
        expect(chosen.id).toMatch(/-Q[1-4]$/);
        expect(choices.every((c) => c.from <= today)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
