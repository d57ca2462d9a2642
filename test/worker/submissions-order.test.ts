import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SubmissionStatus } from "../../shared/submission/submission-status.ts";
import { sortForCalls } from "../../worker/consolidation/output/submissions-tab.ts";
import { reportingRate } from "../../worker/consolidation/submissions.ts";
import { rateText, reportingRateLine } from "../../worker/consolidation/submissions-text.ts";

const arbStatus = fc
  .record({
    state: fc.constantFrom("notSubmitted" as const, "onTime" as const, "late" as const),
    days: fc.integer({ min: 1, max: 60 }),
    changed: fc.boolean(),
  })
  .map(
    ({ state, days, changed }) =>
      ({
        state,
        label: "",
        daysLate: state === "late" ? days : 0,
        submission: null,
        judgedAt: null,
        backdated: false,
        changed: state !== "notSubmitted" && changed,
        reason: null,
      }) satisfies SubmissionStatus,
  );
const arbUnits = fc
  .array(arbStatus, { maxLength: 40 })
  .map((statuses) => statuses.map((status, position) => ({ position, submission: { status } })));

describe("Tình hình nộp báo cáo's order and the reporting rate", () => {
  it("lists units not submitted, then late ones by days late, then on time; registry order within", () => {
    fc.assert(
      fc.property(arbUnits, (units) => {
        const sorted = sortForCalls(units);
        expect([...sorted].map((u) => u.position).sort((a, b) => a - b)).toEqual(
          units.map((u) => u.position),
        );
        const rank = { notSubmitted: 0, late: 1, onTime: 2 };
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!.submission.status;
          const b = sorted[i]!.submission.status;
          expect(rank[a.state]).toBeLessThanOrEqual(rank[b.state]);
          if (a.state !== b.state) continue;
          expect(a.daysLate).toBeGreaterThanOrEqual(b.daysLate);
          if (a.daysLate === b.daysLate) {
            expect(sorted[i - 1]!.position).toBeLessThan(sorted[i]!.position);
          }
        }
      }),
    );
  });

  it("counts every expected unit once, percentages rounded to whole numbers", () => {
    fc.assert(
      fc.property(arbUnits, (units) => {
        const rate = reportingRate(units.map((u) => u.submission));
        expect(rate.expected).toBe(units.length);
        expect(rate.onTime + rate.late).toBe(rate.submitted);
        expect(rate.submitted + rate.notSubmitted).toBe(rate.expected);
        expect(rate.changedAfterSubmission).toBeLessThanOrEqual(rate.submitted);
        const percent = (n: number) =>
          units.length === 0 ? 0 : Number(((n / units.length) * 100).toFixed(0));
        expect(reportingRateLine(rate)).toBe(
          `Đã nộp báo cáo: ${rate.submitted}/${rate.expected} đơn vị (${percent(rate.submitted)}%), đúng hạn ${rate.onTime}/${rate.expected} (${percent(rate.onTime)}%)`,
        );
      }),
    );
    expect(rateText(4, 6)).toBe("4/6 (67%)");
    expect(rateText(0, 0)).toBe("0/0 (0%)");
  });
});
