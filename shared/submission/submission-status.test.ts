import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../periods.ts";
import { dueDate } from "../province-settings.ts";
import { type Submission, submissionStatus } from "./submission-status.ts";

// Instants are written in Vietnamese local time (+07:00), as the officers see them.
const at = (local: string) => Date.parse(`${local}+07:00`);
const q3 = resolvePeriod("2026-Q3", "calendar")!; // 01/07–30/09/2026
const due = dueDate(q3); // 06/10/2026

function submission(over: Partial<Submission> = {}): Submission {
  return {
    sheetRow: 2,
    periodId: "2026-Q3",
    rule: "calendar",
    submittedAt: at("2026-10-02T09:30:00"),
    by: "Nguyễn Thị Lan",
    rows: 12,
    fingerprint: "0123456789abcdef",
    note: "",
    ...over,
  };
}

const status = (submissions: Submission[], fingerprint: string | null = "0123456789abcdef") =>
  submissionStatus({ submissions, period: q3, due, fingerprint });

describe("submissionStatus", () => {
  it("is Chưa nộp without a row for the period, whatever other periods have", () => {
    const s = status([submission({ periodId: "2026-Q2" }), submission({ periodId: "2025-Q3" })]);
    expect(s).toMatchObject({ state: "notSubmitted", label: "Chưa nộp", submission: null });
    expect(s.reason).toBeNull();
    expect(s.changed).toBe(false);
  });

  it("says when the unit submitted the period under the other rule", () => {
    const s = status([submission({ rule: "decree09", sheetRow: 5 })]);
    expect(s).toMatchObject({ state: "notSubmitted", label: "Chưa nộp" });
    expect(s.reason).toBe(
      'nộp theo quy tắc kỳ khác (Nghị định 09, dòng 5 của trang "Nộp báo cáo"); tỉnh dùng quy tắc Năm dương lịch',
    );
  });

  it("ends the due day at 23:59:59 Asia/Ho_Chi_Minh: a second later is a day late", () => {
    expect(due).toBe("2026-10-06");
    const when = (local: string) => status([submission({ submittedAt: at(local) })]);
    expect(when("2026-10-06T23:59:59")).toMatchObject({
      state: "onTime",
      label: "Đúng hạn",
      daysLate: 0,
    });
    expect(when("2026-10-07T00:00:00")).toMatchObject({
      state: "late",
      label: "Nộp muộn 1 ngày",
      daysLate: 1,
    });
    expect(when("2026-10-09T08:00:00")).toMatchObject({ label: "Nộp muộn 3 ngày", daysLate: 3 });
    // 17:00 UTC on the due day is already the next day in Vietnam.
    const utc = status([submission({ submittedAt: Date.parse("2026-10-06T17:00:00Z") })]);
    expect(utc.label).toBe("Nộp muộn 1 ngày");
    expect(when("2026-09-15T10:00:00").state).toBe("onTime");
  });

  it("judges the latest row of the period; earlier ones are history", () => {
    const s = status(
      [
        submission({ sheetRow: 2, submittedAt: at("2026-10-02T08:00:00"), fingerprint: "aaaa" }),
        submission({ sheetRow: 4, submittedAt: at("2026-10-08T08:00:00"), fingerprint: "bbbb" }),
        submission({ sheetRow: 3, periodId: "2026-Q4", submittedAt: at("2027-01-02T08:00:00") }),
      ],
      "bbbb",
    );
    expect(s).toMatchObject({ state: "late", daysLate: 2, changed: false });
    expect(s.submission?.sheetRow).toBe(4);
  });

  it("flags Đã sửa sau khi nộp when the rows changed, and clears it after a new submission", () => {
    const first = submission({ sheetRow: 2, fingerprint: "1111aaaa2222bbbb" });
    expect(status([first], "1111aaaa2222bbbb").changed).toBe(false);
    // The unit edits a figure: today's fingerprint differs.
    expect(status([first], "9999aaaa2222bbbb").changed).toBe(true);
    // It submits again with the edited rows.
    const again = submission({ sheetRow: 3, fingerprint: "9999aaaa2222bbbb" });
    expect(status([first, again], "9999aaaa2222bbbb").changed).toBe(false);
  });

  it("never flags a blank Mã kiểm tra, unreadable rows, or a code typed in capitals", () => {
    expect(status([submission({ fingerprint: "" })], "ffff").changed).toBe(false);
    expect(status([submission()], null).changed).toBe(false);
    expect(status([submission({ fingerprint: " 0123456789ABCDEF " })]).changed).toBe(false);
  });

  it("judges a backdated row by when the province first saw it, and says so", () => {
    const row = submission({ submittedAt: at("2026-10-05T09:00:00") });
    // The Worker read the unit on 07/10 without this row, and first saw it on 10/10.
    const seen = { readBefore: at("2026-10-07T10:00:00"), firstSeenAt: at("2026-10-10T10:00:00") };
    const s = submissionStatus({ submissions: [row], period: q3, due, fingerprint: null, seen });
    expect(s).toMatchObject({
      state: "late",
      daysLate: 4,
      backdated: true,
      judgedAt: seen.firstSeenAt,
    });
    expect(s.reason).toBe(
      "thời điểm nộp ghi 09:00 05/10/2026 nhưng tỉnh ghi nhận lúc 10:00 10/10/2026",
    );
  });

  it("trusts the stated time when no earlier read missed the row", () => {
    const row = submission({ submittedAt: at("2026-10-05T09:00:00") });
    for (const seen of [
      { readBefore: null, firstSeenAt: at("2026-10-10T10:00:00") },
      { readBefore: at("2026-10-05T08:00:00"), firstSeenAt: at("2026-10-10T10:00:00") },
      null,
    ]) {
      const s = submissionStatus({ submissions: [row], period: q3, due, fingerprint: null, seen });
      expect(s).toMatchObject({ state: "onTime", backdated: false, reason: null });
    }
  });

  it("is on time exactly when the Vietnamese calendar day of submission is not after the due day", () => {
    // An independent clock: Intl's Asia/Ho_Chi_Minh calendar date, not the code's +7 hours.
    const vnDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });
    const instant = fc.integer({ min: at("2026-09-01T00:00:00"), max: at("2026-11-30T00:00:00") });
    fc.assert(
      fc.property(instant, (t) => {
        const s = status([submission({ submittedAt: t })]);
        const day = vnDay.format(t);
        expect(s.state).toBe(day <= due ? "onTime" : "late");
        const days = Math.round((Date.parse(day) - Date.parse(due)) / 86_400_000);
        expect(s.daysLate).toBe(Math.max(0, days));
      }),
      { numRuns: 300 },
    );
  });
});
