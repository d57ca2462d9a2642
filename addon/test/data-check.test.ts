import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../shared/cells/dates.ts";
import { readUnit } from "../../shared/read-unit.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import {
  ERROR_BACKGROUND,
  MAX_MARKS_PER_TAB,
  NOTE_MARK,
  TRACKING_KEY_PREFIX,
  WARNING_BACKGROUND,
} from "../src/check/check-marks.ts";
import { goToCell, runDataCheck } from "../src/check/run-check.ts";
import { vietnamToday } from "../src/gas/vietnam-today.ts";
import { DATE_FORMAT } from "../src/templates/column-formats.ts";
import { createTemplates } from "../src/templates/create-templates.ts";
import type { FakeSheet } from "./fake-sheet.ts";
import { createFakeAppsScript, type FakeAppsScript } from "./fake-spreadsheet-app.ts";

const TAB = "Kiểm tra, giám sát";
const d = (iso: `${number}-${number}-${number}`) => isoDateToSerial(iso);

// Rows 3.. of the inspections tab as a person might type them; stored values, dates as serials.
const MESSY: unknown[][] = [
  [d("2026-01-10"), "BCĐ tỉnh", "Kiểm tra", "", "UBND xã A", "Xã", "Tốt", 3, 2, ""],
  ["31/02/2026", "Ban Chỉ đạo cấp huyện", "Giám sát", "", "Trường B", "Khác", "", "", "", ""],
  [d("2026-02-01"), "Hội đồng", "Kiểm tra", "", "Trạm y tế C", "Khác", "", 2, 5, ""],
  ["Tổng cộng", "", "", "", "", "", "", 5, 7, ""],
  [
    d("2026-03-01"),
    "MTTQ",
    "kiểm  tra",
    "",
    "Hợp tác xã D".normalize("NFD"),
    "Doanh nghiệp",
    "",
    "-3",
    "",
    "",
  ],
  ["05/04/2026", "Cấp ủy", "Giám sát", "", "", "Khác", "", "1,5", "", ""],
];

function messyUnit(timeZone = "Asia/Ho_Chi_Minh"): { fake: FakeAppsScript; sheet: FakeSheet } {
  const fake = createFakeAppsScript({ timeZone });
  createTemplates(fake.context());
  const sheet = fake.spreadsheet.getSheetByName(TAB)!;
  // Typed text in a date column keeps the column's date format: getValues() gives text.
  sheet.put(3, MESSY, { 1: DATE_FORMAT });
  return { fake, sheet };
}

/** What the Worker would read: the stored (UNFORMATTED) values of every template tab. */
function sharedIssues(fake: FakeAppsScript) {
  const tabs = fake.spreadsheet.getSheets().map((s) => ({
    title: s.getName(),
    values: s.stored(1, 1, Math.max(s.getLastRow(), 1), Math.max(s.getLastColumn(), 1)),
  }));
  return readUnit(tabs, { today: vietnamToday(fake.context()) }).issues;
}

describe("Kiểm tra dữ liệu", () => {
  it("finds exactly the problems shared/ reports, and marks their cells", () => {
    const { fake, sheet } = messyUnit();
    const report = runDataCheck(fake.context());
    const expected = sharedIssues(fake);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(report.issues.map((i) => [i.severity, i.tab, i.row, i.column, i.message])).toEqual(
      expected.map((i) => [i.severity, i.tab, i.row, i.column, i.message]),
    );
    for (const issue of report.issues) {
      if (issue.row === null || issue.columnNumber === null) continue;
      const cell = sheet.peek(issue.row, issue.columnNumber)!;
      expect(cell.background).toBe(
        issue.severity === "error" ? ERROR_BACKGROUND : WARNING_BACKGROUND,
      );
      expect(cell.note).toContain(NOTE_MARK);
      expect(cell.note).toContain(issue.detail);
      expect(issue.message.toLowerCase().endsWith(issue.detail.toLowerCase())).toBe(true);
    }
    // The hand-typed total (row 6) is a warning on the cell that says "Tổng cộng".
    expect(report.issues.find((i) => i.severity === "warning")).toMatchObject({
      row: 6,
      columnNumber: 1,
    });
    expect(report.tabs[0]).toEqual({
      title: TAB,
      sheetName: TAB,
      validRows: 1,
      invalidRows: 4,
      warnings: 1,
    });
    expect(sheet.background(3, 1)).toBe("#ffffff");
    expect(report.markedCells).toBe(report.issues.filter((i) => i.columnNumber !== null).length);
  });

  it("reads date cells the same in any spreadsheet time zone", () => {
    const hcm = runDataCheck(messyUnit("Asia/Ho_Chi_Minh").fake.context());
    for (const zone of ["Pacific/Honolulu", "Pacific/Kiritimati", "America/Sao_Paulo"]) {
      const other = runDataCheck(messyUnit(zone).fake.context());
      expect(other.issues).toEqual(hcm.issues);
      expect(other.tabs).toEqual(hcm.tabs);
    }
  });

  it("clears its own marks on the next run and gives back the person's notes and colours", () => {
    const { fake, sheet } = messyUnit();
    sheet.cell(5, 2).note = "Ghi chú của tôi";
    sheet.cell(5, 2).background = "#00ff00";
    sheet.cell(9, 9).note = "Không liên quan";
    runDataCheck(fake.context());
    expect(sheet.peek(5, 2)!.note).toMatch(/^Ghi chú của tôi\n\n⚠ Kiểm tra dữ liệu/);
    expect(sheet.background(5, 2)).toBe(ERROR_BACKGROUND);

    const marked = sheet.snapshot();
    runDataCheck(fake.context());
    expect(sheet.snapshot()).toEqual(marked);

    // Fix every row: the next run leaves no mark and restores what was there.
    sheet
      .getRange(3, 1, 6, 9)
      .setValues(Array.from({ length: 6 }, () => ["", "", "", "", "", "", "", "", ""]));
    const report = runDataCheck(fake.context());
    expect(report.issues.filter((i) => i.row !== null)).toEqual([]);
    expect(sheet.peek(5, 2)!.note).toBe("Ghi chú của tôi");
    expect(sheet.background(5, 2)).toBe("#00ff00");
    expect(sheet.peek(9, 9)!.note).toBe("Không liên quan");
    for (let r = 3; r <= 8; r++) {
      for (let c = 1; c <= 9; c++) {
        if (r === 5 && c === 2) continue;
        expect(sheet.background(r, c)).toBe("#ffffff");
        expect(sheet.peek(r, c)?.note ?? "").toBe("");
      }
    }
    expect(
      fake.documentProperties.getKeys().filter((k) => k.startsWith(TRACKING_KEY_PREFIX)),
    ).toEqual([]);
  });

  it("clears marks left on a tab that was renamed away from its template title", () => {
    const { fake, sheet } = messyUnit();
    runDataCheck(fake.context());
    sheet.name = "Bản cũ";
    const report = runDataCheck(fake.context());
    expect(report.tabs[0]!.sheetName).toBeNull();
    expect(report.issues[0]!.message).toContain("không tìm thấy trang tính");
    for (let r = 3; r <= 8; r++) {
      for (let c = 1; c <= 9; c++) expect(sheet.peek(r, c)?.note ?? "").not.toContain(NOTE_MARK);
    }
    expect(sheet.background(4, 1)).toBe("#ffffff");
  });

  it("lists missing tabs, and caps the highlighted cells per tab", () => {
    const fake = createFakeAppsScript();
    const rows = Array.from({ length: MAX_MARKS_PER_TAB + 40 }, (_, i) => [
      "Hội nghị",
      `Bài ${i}`,
      "x",
    ]);
    fake.spreadsheet.seed("Tập huấn, hội nghị", [["Loại", "Nội dung", "Ngày"], ...rows]);
    const report = runDataCheck(fake.context());
    expect(report.tabs.filter((t) => t.sheetName === null).map((t) => t.title)).toEqual(
      TEMPLATES.slice(0, 3).map((t) => t.title),
    );
    expect(report.issues.filter((i) => i.tab === "Tập huấn, hội nghị")).toHaveLength(
      MAX_MARKS_PER_TAB + 40,
    );
    expect(report.markedCells).toBe(MAX_MARKS_PER_TAB);
    expect(report.unmarked).toBe(40);
    // And the next run still clears all of them.
    fake.spreadsheet
      .getSheetByName("Tập huấn, hội nghị")!
      .getRange(2, 3, rows.length, 1)
      .setValues(rows.map(() => [d("2026-05-01")]));
    expect(runDataCheck(fake.context()).markedCells).toBe(0);
    const sheet = fake.spreadsheet.getSheetByName("Tập huấn, hội nghị")!;
    expect(
      sheet
        .getRange(2, 3, rows.length, 1)
        .getNotes()
        .flat()
        .every((n) => n === ""),
    ).toBe(true);
  });

  it("goes to a listed cell", () => {
    const { fake } = messyUnit();
    expect(goToCell(fake.context(), TAB, 4, 1)).toBe(true);
    expect(fake.spreadsheet.activeRange?.getA1Notation()).toBe("A4");
    expect(fake.spreadsheet.activeSheet?.getName()).toBe(TAB);
    expect(goToCell(fake.context(), "Không có", 1, 1)).toBe(false);
  });
});
