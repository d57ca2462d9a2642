import { describe, expect, it } from "vitest";
import { findTab, readTab } from "./read-tab.ts";
import { readUnit } from "./read-unit.ts";
import { dialogues, inspections, trainings } from "./templates/index.ts";

const H = ["Ngày", "Loại", "Nội dung", "Số lượt người"];

describe("findTab", () => {
  it("matches titles by NFC, case and spacing", () => {
    const titles = ["Trang tính1", "kiểm tra,  GIÁM SÁT".normalize("NFD")];
    expect(findTab(inspections, titles)).toBe(titles[1]);
    expect(findTab(dialogues, titles)).toBeUndefined();
  });
});

describe("readTab", () => {
  it("finds the header under a title, with extra and reordered columns", () => {
    const values = [
      ["TẬP HUẤN – XÃ A"],
      [],
      ["STT", "Số lượt người", "nội dung", "LOẠI", "Ngày", "Ghi chú"],
      [1, "1.500", "Luật Dân chủ", "Tập huấn", 46178, "x"],
    ];
    const read = readTab(trainings, values);
    expect(read.headerRow).toBe(3);
    expect(read.rows).toEqual([
      {
        sheetRow: 4,
        row: { date: "2026-06-05", kind: "Tập huấn", topic: "Luật Dân chủ", attendance: 1500 },
      },
    ]);
    expect(read.issues).toEqual([]);
  });

  it("ignores a header row beyond the first 10 rows", () => {
    const values = [
      ...Array.from({ length: 10 }, () => ["ghi chú"]),
      H,
      [46178, "Tập huấn", "A", 1],
    ];
    const read = readTab(trainings, values);
    expect(read.headerRow).toBeNull();
    expect(read.issues[0]?.message).toContain("không tìm thấy dòng tiêu đề");
  });

  it("reports a missing required column for the whole tab", () => {
    const values = [
      ["Ngày", "Phân loại", "Nội dung"],
      [46178, "Tập huấn", "A"],
    ];
    const read = readTab(trainings, values);
    expect(read.rows).toEqual([]);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({ severity: "error", row: 1 });
    expect(read.issues[0]?.message).toContain('thiếu cột bắt buộc "Loại"');
  });

  it("skips blank rows and reports hand-typed totals as warnings", () => {
    const values = [
      H,
      [46178, "Tập huấn", "A", 10],
      [null, "", "   "],
      [],
      ["Tổng cộng:", null, null, 10],
      ["  cộng", null, null, 10],
      [46179, "Hội nghị", "Công tác dân vận", 5],
    ];
    const read = readTab(trainings, values);
    expect(read.rows.map((r) => r.sheetRow)).toEqual([2, 7]);
    expect(read.issues.map((i) => [i.severity, i.row, i.value])).toEqual([
      ["warning", 5, "Tổng cộng:"],
      ["warning", 6, "cộng"],
    ]);
    expect(read.invalidRows).toBe(0);
  });

  it("names tab, row, column, value and the fix; a bad row never hides good ones", () => {
    const values = [
      H,
      [46178, "Tập huấn", "A", 10],
      ["31/02/2026", "Tập huấn", "B", 10],
      [46178, "Hội thảo", "C", -1],
      [46180, "Tuyên truyền", "D", null],
    ];
    const read = readTab(trainings, values);
    expect(read.rows.map((r) => r.row.topic)).toEqual(["A", "D"]);
    expect(read.invalidRows).toBe(2);
    expect(read.issues.map((i) => [i.row, i.column, i.columnIndex, i.value])).toEqual([
      [3, "Ngày", 0, "31/02/2026"],
      [4, "Loại", 1, "Hội thảo"],
      [4, "Số lượt người", 3, "-1"],
    ]);
    expect(read.issues[1]?.message).toBe(
      'Biểu "Tập huấn, hội nghị", dòng 4, cột "Loại": "Hội thảo" không có trong danh sách. Hãy chọn một trong: Tập huấn; Hội nghị; Tuyên truyền.',
    );
  });

  it("applies the cross-field rules (đã khắc phục ≤ kiến nghị, đã giải quyết ≤ ý kiến)", () => {
    const header = [
      "Ngày kiểm tra",
      "Chủ thể kiểm tra",
      "Hình thức",
      "Đơn vị được kiểm tra",
      "Loại hình",
      "Số kiến nghị",
      "Số kiến nghị đã khắc phục",
    ];
    const base = [46178, "BCĐ tỉnh", "Kiểm tra", "Xã A", "Khác"];
    const read = readTab(inspections, [
      header,
      [...base, 3, 3],
      [...base, 3, 4],
      [...base, null, 1],
    ]);
    expect(read.rows).toHaveLength(1);
    expect(read.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "Số kiến nghị đã khắc phục"],
      [4, "Số kiến nghị đã khắc phục"],
    ]);
    const d = readTab(dialogues, [
      ["Ngày đối thoại", "Người chủ trì", "Địa bàn", "Số ý kiến", "Số ý kiến đã giải quyết"],
      [46178, "Ông A", "Phường 1", 5, 6],
    ]);
    expect(d.issues[0]?.message).toContain(
      '"Số ý kiến đã giải quyết" (6) không được lớn hơn "Số ý kiến" (5)',
    );
  });
});

describe("readUnit", () => {
  it("reports missing tabs without dropping the others", () => {
    const read = readUnit([
      { title: "Tập huấn, hội nghị", values: [H, [46178, "Tập huấn", "A", 3]] },
    ]);
    expect(read.rows.trainings).toHaveLength(1);
    expect(read.missingTabs).toEqual(["Kiểm tra, giám sát", "Khen thưởng", "Đối thoại"]);
    expect(read.issues.filter((i) => i.row === null)).toHaveLength(3);
  });
});
