import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "./cells/dates.ts";
import { resolvePeriod } from "./periods.ts";
import { DEFAULT_DUE, dueDate, readProvinceSettings } from "./province-settings.ts";

describe("readProvinceSettings (tab Cấu hình)", () => {
  it("reads the period and the rule", () => {
    expect(
      readProvinceSettings([
        ["Kỳ báo cáo", "2026-H1"],
        ["Quy tắc kỳ", "Năm dương lịch"],
      ]),
    ).toEqual({
      periodId: "2026-H1",
      rule: "calendar",
      due: { days: 6 },
      issues: [],
    });
  });

  it("accepts a number typed as the year and decomposed labels", () => {
    const s = readProvinceSettings([
      ["kỳ  báo cáo".normalize("NFD"), 2026],
      ["Quy tắc kỳ", "Nghị định 09"],
    ]);
    expect(s).toMatchObject({ periodId: "2026", rule: "decree09" });
  });

  it("defaults to the current year under decree09 when blank or absent", () => {
    expect(readProvinceSettings(undefined)).toEqual({
      periodId: null,
      rule: "decree09",
      due: DEFAULT_DUE,
      issues: [],
    });
    expect(readProvinceSettings([["Kỳ báo cáo", ""], ["Quy tắc kỳ"]])).toEqual({
      periodId: null,
      rule: "decree09",
      due: DEFAULT_DUE,
      issues: [],
    });
  });

  it("warns about values it cannot read and falls back", () => {
    const s = readProvinceSettings([
      ["Kỳ báo cáo", "năm nay"],
      ["Quy tắc kỳ", "Âm lịch"],
    ]);
    expect(s.periodId).toBeNull();
    expect(s.rule).toBe("decree09");
    expect(s.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, "Quy tắc kỳ", "Âm lịch"],
      [1, "Kỳ báo cáo", "năm nay"],
    ]);
  });

  it("places each warning on the value's cell, so Lỗi dữ liệu links to what to fix", () => {
    const s = readProvinceSettings([
      ["", "Kỳ báo cáo", "", "năm nay"],
      ["Quy tắc kỳ", "Âm lịch"],
      ["Hạn nộp", "sớm"],
    ]);
    expect(s.issues.map((i) => [i.column, i.row, i.columnIndex])).toEqual([
      ["Quy tắc kỳ", 2, 1],
      ["Kỳ báo cáo", 1, 3],
      ["Hạn nộp", 3, 1],
    ]);
    expect(s.issues[1]?.message).toMatch(/^Biểu "Cấu hình", dòng 1, cột "Kỳ báo cáo": kỳ báo cáo/);
  });

  it("reads Hạn nộp as days after the period or as a date, typed or as a date cell", () => {
    const due = (value: unknown) => readProvinceSettings([["Hạn nộp", value]]);
    expect(due(10)).toMatchObject({ due: { days: 10 }, issues: [] });
    expect(due(" 15 ngày ")).toMatchObject({ due: { days: 15 }, issues: [] });
    expect(due("0")).toMatchObject({ due: { days: 0 }, issues: [] });
    expect(due("20/07/2026")).toMatchObject({ due: { date: "2026-07-20" }, issues: [] });
    expect(due(isoDateToSerial("2026-07-20"))).toMatchObject({ due: { date: "2026-07-20" } });
    expect(due("")).toMatchObject({ due: { days: 6 }, issues: [] });
  });

  it("lists a bad Hạn nộp as the province's problem and uses 6 days", () => {
    for (const bad of ["-3", -3, 2.5, "sớm", "31/02/2026"]) {
      const s = readProvinceSettings([
        ["Kỳ báo cáo", "2026"],
        ["Hạn nộp", bad],
      ]);
      expect(s.due).toEqual({ days: 6 });
      expect(s.issues.map((i) => [i.tab, i.row, i.column, i.value])).toEqual([
        ["Cấu hình", 2, "Hạn nộp", String(bad)],
      ]);
      expect(s.issues[0]?.message).toContain("Đang dùng 6 ngày sau ngày cuối kỳ");
    }
  });
});

describe("dueDate", () => {
  const q3 = (rule: "decree09" | "calendar") => resolvePeriod("2026-Q3", rule)!;

  it("is the 20th of the period's last month by default under Nghị định 09", () => {
    expect(dueDate(q3("decree09"))).toBe("2026-09-20");
    expect(dueDate(resolvePeriod("2026", "decree09")!)).toBe("2026-12-20");
    expect(dueDate(resolvePeriod("2026-Q1", "decree09")!, DEFAULT_DUE)).toBe("2026-03-20");
  });

  it("counts days after the period's last day, across months and years", () => {
    expect(dueDate(q3("calendar"))).toBe("2026-10-06");
    expect(dueDate(resolvePeriod("2026-Q4", "calendar")!, { days: 15 })).toBe("2027-01-15");
    // 0 days: due on the period's last day itself.
    expect(dueDate(q3("calendar"), { days: 0 })).toBe("2026-09-30");
  });

  it("is the date set, whatever the period", () => {
    expect(dueDate(q3("decree09"), { date: "2026-10-01" })).toBe("2026-10-01");
  });
});
