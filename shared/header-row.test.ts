import { describe, expect, it } from "vitest";
import { HEADER_SEARCH_ROWS, locateHeaderRow } from "./header-row.ts";
import { issue } from "./issue.ts";

const REGISTRY = [
  { key: "code", header: "Mã đơn vị" },
  { key: "name", header: "Tên đơn vị" },
  { key: "sheet", header: "Bảng tính" },
  { key: "note", header: "Ghi chú" },
] as const;

describe("locateHeaderRow", () => {
  it("finds the header under a title, folded, in any column order", () => {
    const found = locateHeaderRow(
      [
        ["DANH SÁCH ĐƠN VỊ"],
        [],
        ["STT", "bảng  TÍNH", "Mã đơn vị".normalize("NFD"), null, "Tên đơn vị"],
        ["1", "abc", "H01", null, "Xã A"],
      ],
      REGISTRY,
    );
    expect(found?.headerRow).toBe(3);
    expect([...(found?.columns ?? [])]).toEqual([
      ["sheet", 1],
      ["code", 2],
      ["name", 4],
    ]);
  });

  it("takes the row naming the most headers, the upper one on a tie, leftmost repeat", () => {
    const values = [
      ["Mã đơn vị", "Tên đơn vị"],
      ["Mã đơn vị", "Tên đơn vị", "Bảng tính", "Mã đơn vị"],
      ["Mã đơn vị", "Tên đơn vị", "Ghi chú"],
    ];
    const found = locateHeaderRow(values, REGISTRY);
    expect(found?.headerRow).toBe(2);
    expect(found?.columns.get("code")).toBe(0);
    expect(locateHeaderRow([values[0]!, values[0]!], REGISTRY)?.headerRow).toBe(1);
  });

  it("looks only at the first rows and needs two headers by default", () => {
    const header = ["Mã đơn vị", "Tên đơn vị", "Bảng tính"];
    const below = [...Array.from({ length: HEADER_SEARCH_ROWS }, () => ["x"]), header];
    expect(locateHeaderRow(below, REGISTRY)).toBeNull();
    expect(locateHeaderRow(below.slice(1), REGISTRY)?.headerRow).toBe(HEADER_SEARCH_ROWS);
    expect(locateHeaderRow([["Ghi chú"], [null, 3]], REGISTRY)).toBeNull();
    expect(locateHeaderRow([["Ghi chú"]], REGISTRY, 1)?.headerRow).toBe(1);
  });
});

describe("issue", () => {
  it("starts the message with where the problem is", () => {
    expect(issue("warning", { tab: "Đối thoại", row: 4, column: "Ngày" }, "sai.")).toEqual({
      severity: "warning",
      tab: "Đối thoại",
      row: 4,
      column: "Ngày",
      columnIndex: null,
      value: "",
      message: 'Biểu "Đối thoại", dòng 4, cột "Ngày": sai.',
    });
  });
});
