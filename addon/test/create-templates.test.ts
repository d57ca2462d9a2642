import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCount } from "../../shared/cells/parse-count.ts";
import { readSubmissions } from "../../shared/submission/read-submissions.ts";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { inspections } from "../../shared/templates/inspections.ts";
import { validateRecord } from "../../shared/validate-row.ts";
import { storeUnitSettings } from "../src/settings/unit-store.ts";
import { SUBMISSION_PROTECTION } from "../src/submission/submission-sheet.ts";
import {
  COUNT_FORMAT,
  COUNT_NONE_WORDS,
  DATE_FORMAT,
  TEXT_FORMAT,
} from "../src/templates/column-formats.ts";
import {
  createTemplateTab,
  FIRST_DATA_ROW,
  HEADER_BACKGROUND,
  headerNote,
  PROTECTION_DESCRIPTION,
} from "../src/templates/create-template-tab.ts";
import { createTemplates, createTemplatesMessage } from "../src/templates/create-templates.ts";
import { titleText } from "../src/templates/title-row.ts";
import type { FakeDataValidation } from "./fake-data-validation.ts";
import { acceptsInput } from "./fake-formula.ts";
import { createFakeAppsScript } from "./fake-spreadsheet-app.ts";

const UNIT = { code: "001", name: "Xã Hòa Bình" };

function setup(locale = "vi_VN") {
  const fake = createFakeAppsScript({ locale });
  storeUnitSettings(fake.documentProperties, UNIT);
  return fake;
}

describe("Tạo biểu mẫu", () => {
  it("creates every template tab laid out from shared/ templates", () => {
    const fake = setup();
    const result = createTemplates(fake.context());
    expect(result.created).toEqual([...TEMPLATES.map((t) => t.title), SUBMISSION_TAB.title]);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(result.created);

    for (const template of TEMPLATES) {
      const sheet = fake.spreadsheet.getSheetByName(template.title)!;
      const n = template.columns.length;
      expect(sheet.getRange(1, 1, 1, 1).getValue()).toBe(titleText(template, UNIT));
      expect(titleText(template, UNIT)).toContain("Xã Hòa Bình (mã 001)");
      expect(titleText(template, UNIT)).toContain(template.title.toLocaleUpperCase("vi"));
      expect(sheet.peek(1, 1)?.note).toBe(template.description);
      expect(sheet.peek(1, 1)?.fontWeight).toBe("bold");
      expect(sheet.getRange(2, 1, 1, n).getValues()[0]).toEqual(
        template.columns.map((c) => c.header),
      );
      expect(sheet.getRange(2, 1, 1, n).getNotes()[0]).toEqual(template.columns.map(headerNote));
      expect(sheet.getRange(2, 1, 1, n).getBackgrounds()[0]).toEqual(
        Array(n).fill(HEADER_BACKGROUND),
      );
      expect(sheet.getFrozenRows()).toBe(2);
      expect(sheet.getLastRow()).toBe(2);
      expect(
        sheet.getProtections().map((p) => [p.range.getA1Notation(), p.description, p.warningOnly]),
      ).toEqual([[`A1:${String.fromCharCode(64 + n)}2`, PROTECTION_DESCRIPTION, true]]);
      template.columns.forEach((column, i) => {
        expect(sheet.getColumnWidth(i + 1)).toBe(column.width);
        // First and last data row carry the same format and rule.
        for (const row of [FIRST_DATA_ROW, sheet.getMaxRows()]) {
          const cell = sheet.peek(row, i + 1)!;
          const format = {
            date: DATE_FORMAT,
            count: COUNT_FORMAT,
            enum: TEXT_FORMAT,
            text: TEXT_FORMAT,
          };
          expect(cell.numberFormat).toBe(format[column.type]);
          expectRule(
            cell.validation,
            column.type === "enum" ? [...column.values] : null,
            column.type,
          );
        }
      });
    }
  });

  it("writes count rules that take what shared/ counts and refuse what it does not", () => {
    const fake = setup();
    createTemplates(fake.context());
    const sheet = fake.spreadsheet.getSheetByName("Kiểm tra, giám sát")!;
    const [H, row] = [8, FIRST_DATA_ROW + 4];
    const takes = (input: string | number) => acceptsInput(sheet, row, H, input, FIRST_DATA_ROW);
    // Written for the range's first row, so Sheets shifts them down row by row.
    const formula = (col: number) =>
      String(sheet.peek(row, col)!.validation!.getCriteriaValues()[0]);
    expect(formula(H)).toMatch(/^=IF\(ISNUMBER\(H3\)/);
    expect(formula(9)).toMatch(/^=IF\(ISNUMBER\(I3\).*ISNUMBER\(H3\)/);
    const counted = [0, 12, 1500, "1 500", " 1 500 ", "1  500", "1\u00a0500", "2 000 000", "0123"];
    for (const input of [...counted, ...COUNT_NONE_WORDS, "KHÔNG", " - "]) {
      expect([input, takes(input)]).toEqual([input, true]);
      expect(parseCount(input).ok).toBe(true);
    }
    for (const input of [-1, 2.5, "1,5", "1 50", "12 3456", "1 500 0", "ba", "khong", "- 3"]) {
      expect([input, takes(input)]).toEqual([input, false]);
      expect(parseCount(input).ok).toBe(false);
    }
    // The words the sheet lets through are exactly ones shared/ (and so the Worker) reads as none.
    for (const word of COUNT_NONE_WORDS) {
      expect(parseCount(word)).toEqual({ ok: true, value: 0 });
      expect(parseCount(word.toUpperCase())).toEqual({ ok: true, value: 0 });
    }
    const list = sheet.peek(FIRST_DATA_ROW, 2)!.validation!;
    expect(list.getCriteriaValues()).toEqual([[...TEMPLATES[0].columns[1].values], true]);
    expect(list.getAllowInvalid()).toBe(false);
    expect(list.getHelpText()).toContain("Ban Chỉ đạo cấp tỉnh");
  });

  it("refuses a count over its limit exactly when shared/ does, whatever the limit holds", () => {
    const fake = setup();
    createTemplates(fake.context());
    const sheet = fake.spreadsheet.getSheetByName("Kiểm tra, giám sát")!;
    const [H, I, row] = [8, 9, FIRST_DATA_ROW + 2];
    const limits = fc.oneof(
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 1000, max: 3000 }).map((n) => n.toLocaleString("vi-VN")),
      fc.integer({ min: 1000, max: 3000 }).map((n) => n.toLocaleString("fr-FR").replace(/\s/, " ")),
      fc.constantFrom("", "-", "không", "—"),
    );
    const values = fc.oneof(
      fc.integer({ min: -5, max: 3000 }),
      fc.double({ min: 0, max: 3000, noNaN: true }),
      fc.integer({ min: 1000, max: 3000 }).map((n) => n.toLocaleString("vi-VN")),
      fc.integer({ min: 1000, max: 3000 }).map((n) => n.toLocaleString("fr-FR").replace(/\s/, " ")),
      fc.constantFrom("-", "không", "1,5", "x"),
    );
    fc.assert(
      fc.property(limits, values, (limit, value) => {
        sheet.cell(row, H).value = limit;
        const shared = validateRecord(inspections, { recommendations: limit, remedied: value });
        const sharedTakes = shared.ok || !shared.problems.some((p) => p.key === "remedied");
        expect(acceptsInput(sheet, row, I, value, FIRST_DATA_ROW)).toBe(sharedTakes);
      }),
      { numRuns: 300 },
    );
  });

  it("changes nothing when run twice", () => {
    const fake = setup();
    createTemplates(fake.context());
    const before = fake.spreadsheet.getSheets().map((s) => s.snapshot());
    const again = createTemplates(fake.context());
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(TEMPLATES.map((t) => t.title));
    expect(fake.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
    expect(createTemplatesMessage(again)).toContain("đã có đủ các biểu mẫu");
  });

  it("fits an existing tab's rules to its own header, values and other tabs untouched", () => {
    const fake = setup();
    // Decomposed (NFD), lower case, extra spaces: still the inspections tab.
    const title = "kiểm tra,  giám sát".normalize("NFD");
    const mine = fake.spreadsheet.seed(title, [
      ["Ngày kiểm tra", "Chủ thể kiểm tra", "Hình thức", "Đơn vị được kiểm tra", "Loại hình"],
      [46178, "BCĐ tỉnh", "Kiểm tra", "UBND xã A", "Xã"],
    ]);
    // The default first tab, with a person's own data, notes and colours.
    const other = fake.spreadsheet.seed("Trang tính1", [
      ["Danh sách cán bộ", "", "=SUM(C2:C3)"],
      ["Nguyễn Văn A", "Khen thưởng", 3],
      ["Tổng cộng", "", 4],
    ]);
    other.cell(2, 1).note = "Ghi chú riêng";
    other.cell(2, 2).background = "#00ff00";
    const before = { values: mine.stored(1, 1, 2, 5), other: other.snapshot() };
    const result = createTemplates(fake.context());
    expect(result.existing).toEqual([title]);
    expect(result.created).toEqual([
      ...TEMPLATES.slice(1).map((t) => t.title),
      SUBMISSION_TAB.title,
    ]);
    expect(mine.stored(1, 1, 2, 5)).toEqual(before.values);
    expect(mine.getLastRow()).toBe(2);
    expect(other.snapshot()).toEqual(before.other);
    // Header in row 1: notes there, rules from row 2, in the tab's five columns only.
    const inspections = TEMPLATES[0];
    const seeded = ["date", "inspector", "method", "target", "targetType"];
    expect(mine.getRange(1, 1, 1, 5).getNotes()[0]).toEqual(
      seeded.map((key) => headerNote(inspections.columns.find((c) => c.key === key)!)),
    );
    expect(mine.peek(2, 1)!.numberFormat).toBe(DATE_FORMAT);
    expect(mine.peek(2, 2)!.validation!.getCriteriaValues()[0]).toEqual([
      ...inspections.columns[1].values,
    ]);
    expect(mine.peek(1, 2)!.validation ?? null).toBeNull();
    expect(mine.peek(2, 6)).toBeUndefined();
    // New tabs go after the person's own, in template order.
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      title,
      "Trang tính1",
      ...result.created,
    ]);
    // And a second run leaves the whole spreadsheet as it was.
    const all = fake.spreadsheet.getSheets().map((s) => s.snapshot());
    expect(createTemplates(fake.context()).created).toEqual([]);
    expect(fake.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(all);
  });

  it("makes the empty Nộp báo cáo tab the Worker reads, and keeps an existing one as it is", () => {
    const fake = setup();
    createTemplates(fake.context());
    const sheet = fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)!;
    const width = SUBMISSION_TAB.columns.length;
    expect(sheet.stored(1, 1, 1, width)[0]).toEqual(SUBMISSION_TAB.columns.map((c) => c.header));
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(
      sheet.protections.map((p) => [p.range.getA1Notation(), p.description, p.warningOnly]),
    ).toEqual([[`A1:G${sheet.getMaxRows()}`, SUBMISSION_PROTECTION, true]]);
    expect(readSubmissions(sheet.stored(1, 1, 1, width), "Asia/Ho_Chi_Minh")).toEqual({
      submissions: [],
      issues: [],
    });
    // A submission row (and a note someone added) survive the next Tạo biểu mẫu.
    sheet.put(2, [["2026-Q3", "Nghị định 09", 46300.5, "Nguyễn Thị Lan", 4, "ab12", ""]]);
    sheet.cell(2, 7).note = "Đã gọi điện cho tỉnh";
    const before = sheet.snapshot();
    const again = createTemplates(fake.context());
    expect(again.created).toEqual([]);
    expect(sheet.snapshot()).toEqual(before);
    expect(
      fake.spreadsheet.getSheets().filter((s) => s.getName() === SUBMISSION_TAB.title),
    ).toHaveLength(1);
  });

  it("creates nothing and says so while another person holds the document lock", () => {
    const fake = createFakeAppsScript({ locale: "vi_VN" });
    const before = fake.spreadsheet.getSheets().map((s) => s.getName());
    fake.lock.heldByOther = true;
    const result = createTemplates(fake.context());
    expect(result.busy).toBe(true);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before);
    expect(createTemplatesMessage(result)).toContain("Hãy thử lại sau vài giây");
    fake.lock.heldByOther = false;
    expect(createTemplates(fake.context()).created).toHaveLength(TEMPLATES.length + 1);
    expect(fake.lock.held).toBe(false);
  });

  it("keeps a unit name that looks like a formula as text, and warns outside vi locales", () => {
    const fake = createFakeAppsScript({ locale: "en_US" });
    storeUnitSettings(fake.documentProperties, { code: "=1+1", name: "=IMPORTRANGE(1)" });
    const result = createTemplates(fake.context());
    const a1 = fake.spreadsheet.getSheets()[0]!.peek(1, 1)!;
    expect(a1.formula).toBeNull();
    expect(a1.value).toContain("=IMPORTRANGE(1) (mã =1+1)");
    expect(createTemplatesMessage(result)).toContain('"en_US"');
    expect(createTemplatesMessage({ ...result, locale: "vi_VN" })).not.toContain("Lưu ý");
  });

  it("reports how many spreadsheet calls one tab takes (printed, not asserted)", () => {
    const fake = setup();
    const lines = TEMPLATES.map((template) => {
      fake.stats.reset();
      createTemplateTab(fake.context(), template, UNIT);
      return `${template.title} (${template.columns.length} cột): ${fake.stats.calls} lệnh`;
    });
    console.log(`SpreadsheetApp calls per tab:\n  ${lines.join("\n  ")}`);
    expect(lines).toHaveLength(TEMPLATES.length);
  });
});

function expectRule(rule: FakeDataValidation | null, values: string[] | null, type: string) {
  if (type === "text") {
    expect(rule).toBeNull();
    return;
  }
  expect(rule).not.toBeNull();
  expect(rule!.getAllowInvalid()).toBe(false);
  expect(rule!.getHelpText()).not.toBe("");
  const criteria = { enum: "VALUE_IN_LIST", date: "DATE_BETWEEN", count: "CUSTOM_FORMULA" }[type];
  expect(rule!.getCriteriaType()).toBe(criteria);
  if (values) expect(rule!.getCriteriaValues()).toEqual([values, true]);
  if (type === "date") {
    const [start, end] = rule!.getCriteriaValues() as Date[];
    expect([start!.getFullYear(), end!.getFullYear()]).toEqual([2000, 2100]);
  }
}
