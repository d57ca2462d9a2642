import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRegistry } from "../../worker/consolidation/registry.ts";
import { parseSpreadsheetRef } from "../../worker/consolidation/spreadsheet-ref.ts";

const HEADER = ["Mã đơn vị", "Tên đơn vị", "Bảng tính", "Ghi chú"];

describe("parseSpreadsheetRef", () => {
  it("takes the id from the URLs a browser shows, or a bare id", () => {
    expect(parseSpreadsheetRef("https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0")).toBe(
      "1AbC_d-9",
    );
    expect(
      parseSpreadsheetRef(" https://docs.google.com/spreadsheets/u/1/d/XyZ/edit?usp=sharing "),
    ).toBe("XyZ");
    expect(parseSpreadsheetRef("don-vi-01")).toBe("don-vi-01");
    expect(parseSpreadsheetRef("chưa có")).toBeNull();
    expect(parseSpreadsheetRef("https://example.com/file")).toBeNull();
  });

  it("finds any id inside any URL form", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/),
        fc.constantFrom("/edit", "/edit#gid=0", "/view?usp=sharing", "", "/"),
        (id, tail) =>
          parseSpreadsheetRef(`https://docs.google.com/spreadsheets/d/${id}${tail}`) === id,
      ),
    );
  });
});

describe("readRegistry", () => {
  it("finds the header under a title, skips blank rows, keeps order", () => {
    const { units, issues } = readRegistry([
      ["DANH SÁCH ĐƠN VỊ"],
      [],
      ["Ghi chú", "Bảng tính", "Tên đơn vị", "Mã đơn vị"],
      ["", "https://docs.google.com/spreadsheets/d/aaa/edit", "Huyện A", "H01"],
      [],
      ["ghi chú thôi", "", "", ""],
      ["", "", "Huyện B", "H02"],
      ["", "bbb", "Huyện C", 3],
    ]);
    expect(issues).toEqual([]);
    expect(units.map((u) => [u.code, u.name, u.spreadsheetId, u.sheetRow, u.position])).toEqual([
      ["H01", "Huyện A", "aaa", 4, 0],
      ["H02", "Huyện B", null, 7, 1],
      ["3", "Huyện C", "bbb", 8, 2],
    ]);
  });

  it("keeps the first of duplicate codes and reports the later ones", () => {
    const { units, issues } = readRegistry([
      HEADER,
      ["H01", "Huyện A", "aaa"],
      ["h01 ", "Huyện A (trùng)", "ccc"],
    ]);
    expect(units.map((u) => u.code)).toEqual(["H01"]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("h01");
    expect(issues[0]?.issue).toMatchObject({
      tab: "Đơn vị",
      row: 3,
      column: "Mã đơn vị",
      severity: "error",
    });
    expect(issues[0]?.issue.message).toContain("trùng với dòng 2");
  });

  it("never reads one spreadsheet for two units, and explains a bad link", () => {
    const { units, issues } = readRegistry([
      HEADER,
      ["H01", "Huyện A", "aaa"],
      ["H02", "Huyện B", "https://docs.google.com/spreadsheets/d/aaa/edit"],
      ["H03", "Huyện C", "xem thư điện tử"],
    ]);
    expect(units.map((u) => [u.code, u.spreadsheetId, u.problem !== null])).toEqual([
      ["H01", "aaa", false],
      ["H02", "aaa", true],
      ["H03", null, true],
    ]);
    expect(issues.map((i) => [i.code, i.issue.row, i.issue.column])).toEqual([
      ["H02", 3, "Bảng tính"],
      ["H03", 4, "Bảng tính"],
    ]);
  });

  it("matches headers typed in decomposed Unicode and other case", () => {
    const header = HEADER.map((h) => h.normalize("NFD").toUpperCase());
    const { units, issues } = readRegistry([header, ["H01", "Huyện A", "aaa"]]);
    expect(issues).toEqual([]);
    expect(units).toHaveLength(1);
  });

  it("calls a registry without its header unusable, naming the columns", () => {
    const { units, unusable } = readRegistry([
      ["Mã", "Tên"],
      ["H01", "Huyện A"],
    ]);
    expect(units).toEqual([]);
    expect(unusable).toContain("không có dòng tiêu đề");
    expect(unusable).toContain("Mã đơn vị | Tên đơn vị | Bảng tính");
  });

  it("calls a registry with a header and no unit unusable: the province's own problem", () => {
    expect(readRegistry([HEADER]).unusable).toContain("chưa có đơn vị nào");
    // Rows that are all refused leave no unit either; the reasons go with it.
    const refused = readRegistry([HEADER, ["", "Huyện A", "aaa"]]);
    expect(refused.unusable).toContain("thiếu mã đơn vị");
    expect(readRegistry([HEADER, ["H01", "Huyện A", "aaa"]]).unusable).toBeNull();
  });

  it("reads a code with invisible characters as the same unit", () => {
    const invisible = fc.constantFrom("\u200e", "\u200f", "\u200b", "\u2060", "\ufeff");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), invisible), { maxLength: 4 }), (inserts) => {
        let code = "H01";
        for (const [at, char] of inserts) code = code.slice(0, at) + char + code.slice(at);
        const { units, issues } = readRegistry([
          HEADER,
          [
            code,
            "Huyện A",
            `https://docs.google.com/spreadsheets/d/aaa${inserts[0]?.[1] ?? ""}/edit`,
          ],
          ["H01", "Huyện A (trùng)", "bbb"],
        ]);
        expect(units.map((u) => [u.code, u.spreadsheetId])).toEqual([["H01", "aaa"]]);
        expect(issues.map((i) => i.issue.message).join()).toContain("trùng với dòng 2");
      }),
    );
  });

  it("refuses a published-to-web link and asks for the edit link, never reads id 'e'", () => {
    const link = "https://docs.google.com/spreadsheets/d/e/2PACX-1vRz9_Abc-Def/pubhtml";
    expect(parseSpreadsheetRef(link)).toBeNull();
    expect(parseSpreadsheetRef(link.replace("pubhtml", "pub?output=csv"))).toBeNull();
    const { units, issues } = readRegistry([HEADER, ["H01", "Huyện A", link]]);
    expect(units[0]).toMatchObject({ code: "H01", spreadsheetId: null });
    expect(units[0]?.problem).toContain("Xuất bản lên web");
    expect(units[0]?.problem).toContain("/edit");
    expect(issues[0]?.issue).toMatchObject({ row: 2, column: "Bảng tính" });
  });
});
