import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCount } from "../../shared/cells/parse-count.ts";
import { inspections } from "../../shared/templates/index.ts";
import { storeUnitSettings } from "../src/settings/unit-store.ts";
import { COUNT_FORMAT, columnNumber } from "../src/templates/column-formats.ts";
import {
  createTemplateTab,
  FIRST_DATA_ROW,
  headerNote,
} from "../src/templates/create-template-tab.ts";
import { createTemplates, createTemplatesMessage } from "../src/templates/create-templates.ts";
import { FakeDataValidationBuilder } from "./fake-data-validation.ts";
import { acceptsInput } from "./fake-formula.ts";
import type { FakeSheet } from "./fake-sheet.ts";
import { createFakeAppsScript, type FakeAppsScript } from "./fake-spreadsheet-app.ts";

const UNIT = { code: "001", name: "Xã Hòa Bình" };
const H = columnNumber(inspections, "recommendations");
const I = columnNumber(inspections, "remedied");

// Three inspection rows as a unit typed them (a date serial, lists, counts, a blank count).
const ROWS = [
  [
    46178,
    "Ban Chỉ đạo cấp xã",
    "Kiểm tra",
    "KH 05",
    "UBND xã A",
    "Xã, phường, đặc khu",
    "Tốt",
    3,
    2,
    "Đạt",
  ],
  [46179, "Cấp ủy", "Giám sát", "", "Trường THCS B", "Đơn vị sự nghiệp công lập", "", 0, 0, ""],
  [46180, "Ủy ban MTTQ", "Giám sát", "", "Thôn C", "Khác", "Khá", 5, "", "Ghi chú"],
];

/** A unit spreadsheet whose inspections tab was made and filled by an older add-on version. */
function olderSpreadsheet(): { fake: FakeAppsScript; sheet: FakeSheet } {
  const fake = createFakeAppsScript({ locale: "vi_VN" });
  storeUnitSettings(fake.documentProperties, UNIT);
  createTemplateTab(fake.context(), inspections, UNIT);
  const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
  // The old count rule (before `-` and `không` were allowed), its help, format and note.
  const old = (cell: string, extra = "") =>
    new FakeDataValidationBuilder()
      .setAllowInvalid(false)
      .requireFormulaSatisfied(`=AND(ISNUMBER(${cell}),${cell}>=0,${cell}=INT(${cell})${extra})`)
      .setHelpText("Nhập số nguyên không âm, ví dụ 12; để trống nếu không có.")
      .build();
  const rows = sheet.getMaxRows() - FIRST_DATA_ROW + 1;
  sheet
    .getRange(FIRST_DATA_ROW, H, rows, 2)
    .setDataValidations(Array.from({ length: rows }, () => [old("H3"), old("I3", ",I3<=N(H3)")]))
    .setNumberFormats(Array.from({ length: rows }, () => ["0", "0"]));
  sheet.getRange(2, H, 1, 2).setNotes([["Số kiến nghị.", "Số đã khắc phục."]]);
  sheet.put(FIRST_DATA_ROW, ROWS);
  return { fake, sheet };
}

describe("Tạo biểu mẫu on a spreadsheet made by an older version", () => {
  it("replaces the old count rule, so `-` and `không` are taken, and keeps every value", () => {
    const { fake, sheet } = olderSpreadsheet();
    const next = FIRST_DATA_ROW + ROWS.length;
    expect(acceptsInput(sheet, next, H, "-", FIRST_DATA_ROW)).toBe(false);
    expect(acceptsInput(sheet, next, H, "không", FIRST_DATA_ROW)).toBe(false);
    const values = sheet.stored(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    const kept = { ...(sheet.snapshot() as object), cells: undefined };

    const result = createTemplates(fake.context());
    expect(result.existing).toEqual([inspections.title]);
    expect(createTemplatesMessage(result)).toContain("số liệu đã nhập giữ nguyên");

    for (const word of ["-", "không", "KHÔNG", " - "]) {
      expect(acceptsInput(sheet, next, H, word, FIRST_DATA_ROW)).toBe(true);
    }
    expect(acceptsInput(sheet, next, H, 12, FIRST_DATA_ROW)).toBe(true);
    expect(acceptsInput(sheet, next, H, -1, FIRST_DATA_ROW)).toBe(false);
    expect(acceptsInput(sheet, next, H, 2.5, FIRST_DATA_ROW)).toBe(false);
    expect(acceptsInput(sheet, next, H, "ba", FIRST_DATA_ROW)).toBe(false);
    // The limit still holds, row by row: row 3 has 3 recommendations.
    expect(acceptsInput(sheet, 3, I, 3, FIRST_DATA_ROW)).toBe(true);
    expect(acceptsInput(sheet, 3, I, 4, FIRST_DATA_ROW)).toBe(false);
    expect(sheet.peek(next, H)!.numberFormat).toBe(COUNT_FORMAT);
    expect(sheet.peek(2, H)!.note).toBe(headerNote(inspections.columns[H - 1]!));

    // Nothing moved, no value changed, nothing else about the tab changed.
    expect(sheet.stored(1, 1, sheet.getMaxRows(), sheet.getMaxColumns())).toEqual(values);
    expect({ ...(sheet.snapshot() as object), cells: undefined }).toEqual(kept);
  });

  it("leaves the tab exactly as Tạo biểu mẫu makes a new one with the same rows", () => {
    const { fake, sheet } = olderSpreadsheet();
    createTemplates(fake.context());
    const fresh = createFakeAppsScript({ locale: "vi_VN" });
    storeUnitSettings(fresh.documentProperties, UNIT);
    createTemplates(fresh.context());
    const made = fresh.spreadsheet.getSheetByName(inspections.title)!.put(FIRST_DATA_ROW, ROWS);
    expect(sheet.snapshot()).toEqual(made.snapshot());
  });

  it("writes each rule for the columns where the tab's header has them", () => {
    const fake = createFakeAppsScript({ locale: "vi_VN" });
    // Typed by hand: header in row 1, counts first, a column of the unit's own between.
    const own = new FakeDataValidationBuilder().requireValueInList(["Có", "Không"], true).build();
    const sheet = fake.spreadsheet.seed("Kiểm tra, giám sát", [
      ["Số kiến nghị đã khắc phục", "Ghi chú riêng", "Số kiến nghị", "Ngày kiểm tra"],
      [1, "Có", 2, 46178],
      ["-", "Không", "không", 46179],
    ]);
    sheet.getRange(2, 2, 2, 1).setDataValidations([[own], [own]]);
    sheet.cell(1, 2).note = "Cột của xã";
    // Without Chủ thể kiểm tra (required) the tab is not a template tab the Worker reads.
    const missing = createTemplates(fake.context());
    expect(missing.skipped?.map((s) => s.tab)).toEqual(["Kiểm tra, giám sát"]);
    expect(createTemplatesMessage(missing)).toContain(
      'Chưa cập nhật được trang "Kiểm tra, giám sát"',
    );
    expect(sheet.peek(2, 1)!.validation ?? null).toBeNull();

    // With the missing columns added on the right, it is.
    sheet.put(1, [
      ["", "", "", "", "Chủ thể kiểm tra", "Hình thức", "Đơn vị được kiểm tra", "Loại hình"],
    ]);
    const values = sheet.stored(1, 1, 3, 8);
    const result = createTemplates(fake.context());
    // The other template tabs were made by the first run.
    expect(result.existing).toEqual(["Kiểm tra, giám sát", ...missing.created.slice(0, 3)]);
    expect(result.skipped).toEqual([]);
    expect(sheet.stored(1, 1, 3, 8)).toEqual(values);
    const formula = (row: number, column: number) =>
      sheet.peek(row, column)!.validation!.getCriteriaValues()[0];
    // Remedied (A) is compared with recommendations where the header put them (C).
    expect(formula(2, 1)).toContain("A2<=IF(ISNUMBER(C2),C2,");
    expect(formula(2, 3)).toMatch(/^=IF\(ISNUMBER\(C2\)/);
    expect(acceptsInput(sheet, 2, 1, 2, 2)).toBe(true);
    expect(acceptsInput(sheet, 2, 1, 3, 2)).toBe(false);
    expect(acceptsInput(sheet, 3, 1, "-", 2)).toBe(true);
    // The unit's own column keeps its rule and note.
    expect(sheet.peek(2, 2)!.validation).toBe(own);
    expect(sheet.peek(1, 2)!.note).toBe("Cột của xã");
    expect(sheet.peek(1, 1)!.validation ?? null).toBeNull();
  });

  it("goes on with the other tabs when one refuses the write, and names it", () => {
    const fake = createFakeAppsScript({ locale: "vi_VN" });
    createTemplates(fake.context());
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    // The header protected fully by someone else: Apps Script refuses the script's write.
    const getRange = sheet.getRange.bind(sheet);
    sheet.getRange = (row, column, rows, columns) => {
      const range = getRange(row, column, rows, columns);
      if (row === 2) {
        range.setNotes = () => {
          throw new Error("Exception: You are trying to edit a protected cell or object.");
        };
      }
      return range;
    };
    const result = createTemplates(fake.context());
    expect(result.skipped).toEqual([
      {
        tab: inspections.title,
        error: expect.stringContaining("You are trying to edit a protected cell"),
      },
    ]);
    expect(result.existing).toHaveLength(3);
    expect(createTemplatesMessage(result)).toContain(
      `Chưa cập nhật được trang "${inspections.title}": không ghi được quy tắc mới`,
    );
    expect(createTemplatesMessage(result)).not.toContain("đã có đủ các biểu mẫu");
  });

  it("accepts in a count cell only what shared/ (and so the Worker) counts", () => {
    const fake = createFakeAppsScript({ locale: "vi_VN" });
    createTemplates(fake.context());
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    const typed = fc.oneof(
      fc.integer({ min: -1000, max: 100_000 }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc
        .tuple(
          fc.constantFrom("-", "–", "—", "không", "KHÔNG", "khong", "Không có", "x", "0", ""),
          fc.constantFrom("", " ", "  "),
        )
        .map(([word, pad]) => `${pad}${word}${pad}`),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(typed, (input) => {
        // A text of digits is a number once Sheets reads what was typed.
        if (typeof input === "string" && /^\s*-?[\d.,\s]+$/.test(input) && /\d/.test(input)) return;
        if (acceptsInput(sheet, 5, H, input, FIRST_DATA_ROW)) {
          expect(parseCount(input).ok).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
