import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./cells/dates.ts";
import type { IsoDate } from "./schema/template.ts";
import { awards, dialogues, inspections, trainings } from "./templates/index.ts";
import { validateRecord } from "./validate-row.ts";

const INSPECTION = {
  date: "15/08/2025",
  inspector: "BCĐ huyện",
  method: "Kiểm tra",
  target: "UBND xã A",
  targetType: "Xã",
};

const AWARD = {
  decisionNo: "12/QĐ-UBND",
  decisionDate: "2025-07-01",
  authority: "UBND huyện",
  form: "Giấy khen",
  recipientType: "Cá nhân",
  recipient: "Nguyễn Văn A",
  movement: "Dân vận khéo",
};

describe("warnings v2 in validateRecord", () => {
  it("warns about a district-level inspector on or after 01/07/2025, and the row still counts", () => {
    const r = validateRecord(inspections, INSPECTION);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        key: "inspector",
        header: "Chủ thể kiểm tra",
        value: "BCĐ huyện",
        message:
          '"Chủ thể kiểm tra" là "Ban Chỉ đạo cấp huyện" nhưng "Ngày kiểm tra" là 15/08/2025: từ 01/07/2025 không còn cấp huyện. Hãy kiểm tra lại: nếu là cấp tỉnh hoặc cấp xã thì chọn lại cho đúng; nếu ngày ghi nhầm thì sửa ngày.',
      },
    ]);
  });

  it("warns about a district-level award authority from the day itself, not the day before", () => {
    const onTheDay = validateRecord(awards, AWARD);
    expect(onTheDay.warnings.map((w) => [w.key, w.value])).toEqual([["authority", "UBND huyện"]]);
    expect(onTheDay.warnings[0]?.message).toContain('"Ngày quyết định" là 01/07/2025');
    const before = validateRecord(awards, { ...AWARD, decisionDate: "30/06/2025" });
    expect(before.warnings).toEqual([]);
  });

  it("does not warn about other levels after the change", () => {
    for (const inspector of ["BCĐ tỉnh", "BCĐ xã", "Cấp ủy", "MTTQ", "Khác"]) {
      expect(validateRecord(inspections, { ...INSPECTION, inspector }).warnings).toEqual([]);
    }
    for (const authority of ["UBND tỉnh", "UBND xã", "Chủ tịch nước"]) {
      expect(validateRecord(awards, { ...AWARD, authority }).warnings).toEqual([]);
    }
  });

  it("warns about a date after today only when today is given", () => {
    const record = { date: "01/12/2026", chair: "Ông B", area: "Phường 2" };
    expect(validateRecord(dialogues, record).warnings).toEqual([]);
    expect(validateRecord(dialogues, record, { today: null }).warnings).toEqual([]);
    expect(validateRecord(dialogues, record, { today: "2026-12-01" }).warnings).toEqual([]);
    const r = validateRecord(dialogues, record, { today: "2026-11-30" });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        key: "date",
        header: "Ngày đối thoại",
        value: "01/12/2026",
        message:
          '"Ngày đối thoại" là 01/12/2026, sau ngày hôm nay (30/11/2026): việc này chưa diễn ra. Hãy kiểm tra lại ngày, tháng, năm (ghi theo kiểu dd/mm/yyyy, ví dụ 05/06/2026 là ngày 5 tháng 6).',
      },
    ]);
  });

  it("gives both warnings for a future district-level row, and keeps them beside errors", () => {
    const r = validateRecord(
      inspections,
      { ...INSPECTION, date: "2027-01-05", target: "" },
      { today: "2026-11-30" },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.key)).toEqual(["target"]);
    expect(r.warnings.map((w) => w.key)).toEqual(["inspector", "date"]);
  });

  it("gives no date warning when the date itself is an error", () => {
    const r = validateRecord(
      trainings,
      { date: "31/02/2027", kind: "Tập huấn", topic: "A" },
      {
        today: "2026-11-30",
      },
    );
    expect(r.ok).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it("warns exactly when the date is after today (any date, any today)", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2024-01-01", n));
    fc.assert(
      fc.property(day, day, (date: IsoDate, today: IsoDate) => {
        const r = validateRecord(trainings, { date, kind: "Hội nghị", topic: "B" }, { today });
        expect(r.ok).toBe(true);
        expect(r.warnings.length).toBe(date > today ? 1 : 0);
      }),
    );
  });
});
