import { describe, expect, it } from "vitest";
import { readProvinceSettings } from "./province-settings.ts";

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
      issues: [],
    });
    expect(readProvinceSettings([["Kỳ báo cáo", ""], ["Quy tắc kỳ"]])).toEqual({
      periodId: null,
      rule: "decree09",
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
});
