import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../shared/cells/dates.ts";
import { readTab } from "../../shared/read-tab.ts";
import { awards, inspections, trainings } from "../../shared/templates/index.ts";
import { validateRecord } from "../../shared/validate-row.ts";
import { runDataCheck } from "../src/check/run-check.ts";
import { getEntryContext, submitEntry } from "../src/entry/append-entry.ts";
import { vietnamToday } from "../src/gas/vietnam-today.ts";
import { storeUnitSettings } from "../src/settings/unit-store.ts";
import { COUNT_FORMAT, DATE_FORMAT, TEXT_FORMAT } from "../src/templates/column-formats.ts";
import { createTemplates } from "../src/templates/create-templates.ts";
import { AUTOMATIC_FORMAT } from "./fake-cells.ts";
import { createFakeAppsScript } from "./fake-spreadsheet-app.ts";

const INSPECTION = {
  date: "2026-06-05",
  inspector: "BCĐ tỉnh",
  method: "Kiểm tra",
  target: "UBND xã Hòa Bình",
  targetType: "Xã, phường, đặc khu",
  rating: "",
  recommendations: "1.500",
  remedied: "12",
  notes: "",
};

function withTemplates() {
  const fake = createFakeAppsScript();
  storeUnitSettings(fake.documentProperties, { code: "001", name: "Xã Hòa Bình" });
  createTemplates(fake.context());
  return fake;
}

describe("Nhập liệu (server side)", () => {
  it("writes nothing while another person's entry holds the document lock, then works", () => {
    const fake = withTemplates();
    fake.lock.heldByOther = true;
    const busy = submitEntry(fake.context(), "inspections", INSPECTION);
    expect(busy).toEqual({ ok: false, error: expect.stringContaining("đang bận") });
    const sheet = fake.spreadsheet.getSheetByName("Kiểm tra, giám sát")!;
    expect(sheet.getLastRow()).toBe(2);
    fake.lock.heldByOther = false;
    expect(submitEntry(fake.context(), "inspections", INSPECTION)).toMatchObject({
      ok: true,
      row: 3,
    });
  });

  it("appends a valid row below the header with real dates, numbers and text", () => {
    const fake = withTemplates();
    const result = submitEntry(fake.context(), "inspections", INSPECTION);
    expect(result).toEqual({
      ok: true,
      tab: "Kiểm tra, giám sát",
      row: 3,
      createdTab: false,
      warnings: [],
    });
    const sheet = fake.spreadsheet.getSheetByName("Kiểm tra, giám sát")!;
    expect(sheet.stored(3, 1, 1, 10)[0]).toEqual([
      isoDateToSerial("2026-06-05"),
      "Ban Chỉ đạo cấp tỉnh",
      "Kiểm tra",
      "",
      "UBND xã Hòa Bình",
      "Xã, phường, đặc khu",
      "",
      1500,
      12,
      "",
    ]);
    expect(sheet.getRange(3, 1, 1, 10).getNumberFormats()[0]).toEqual([
      DATE_FORMAT,
      ...Array(6).fill(TEXT_FORMAT),
      COUNT_FORMAT,
      COUNT_FORMAT,
      TEXT_FORMAT,
    ]);
    // A date cell reads back as a date (a Date object from getValues), shown dd/mm/yyyy.
    expect(Object.prototype.toString.call(sheet.getRange(3, 1, 1, 1).getValue())).toBe(
      "[object Date]",
    );
    expect(fake.lock.held).toBe(false);

    const next = submitEntry(fake.context(), "inspections", {
      ...INSPECTION,
      target: "Trường THCS A",
    });
    expect(next).toMatchObject({ ok: true, row: 4 });
  });

  it("stores text that looks like a formula, a number or a date exactly as typed", () => {
    const fake = withTemplates();
    const record = {
      decisionNo: "0123",
      decisionDate: "05/06/2026",
      authority: "UBND tỉnh",
      form: "Bằng khen",
      recipientType: "Cá nhân",
      recipient: '=HYPERLINK("http://x")',
      movement: "Dân vận khéo",
      achievement: "'trích dẫn' 12/2026",
    };
    expect(submitEntry(fake.context(), "awards", record)).toMatchObject({ ok: true, row: 3 });
    const sheet = fake.spreadsheet.getSheetByName("Khen thưởng")!;
    const cells = [1, 6, 8].map((c) => sheet.peek(3, c)!);
    expect(cells.map((c) => c.value)).toEqual([
      "0123",
      '=HYPERLINK("http://x")',
      "'trích dẫn' 12/2026",
    ]);
    expect(cells.map((c) => c.formula)).toEqual([null, null, null]);
  });

  it("refuses an invalid record with shared/'s problems and writes nothing", () => {
    const fake = withTemplates();
    const bad = { ...INSPECTION, date: "31/02/2026", inspector: "Hội đồng", remedied: "2000" };
    const result = submitEntry(fake.context(), "inspections", bad);
    const expected = validateRecord(inspections, bad);
    expect(expected.ok).toBe(false);
    expect(result).toEqual({ ok: false, problems: !expected.ok && expected.problems });
    expect(fake.spreadsheet.getSheetByName("Kiểm tra, giám sát")!.getLastRow()).toBe(2);
    expect(submitEntry(fake.context(), "nope", {})).toEqual({
      ok: false,
      error: 'Không có biểu mẫu "nope".',
    });
  });

  it("creates a missing tab on the first entry", () => {
    const fake = createFakeAppsScript();
    expect(getEntryContext(fake.context())).toEqual({
      unitLabel: null,
      existingTemplates: [],
      today: vietnamToday(fake.context()),
    });
    const result = submitEntry(fake.context(), "trainings", {
      date: "2026-03-01",
      kind: "Tập huấn",
      topic: "Quy chế dân chủ",
    });
    expect(result).toEqual({
      ok: true,
      tab: "Tập huấn, hội nghị",
      row: 3,
      createdTab: true,
      warnings: [],
    });
    expect(getEntryContext(fake.context()).existingTemplates).toEqual(["trainings"]);
    const sheet = fake.spreadsheet.getSheetByName("Tập huấn, hội nghị")!;
    expect(sheet.stored(3, 1, 1, 4)[0]).toEqual([
      isoDateToSerial("2026-03-01"),
      "Tập huấn",
      "Quy chế dân chủ",
      "",
    ]);
    expect(trainings.columns).toHaveLength(4);
  });

  it("writes into the columns a hand-made tab has, whatever their order, below its last row", () => {
    const fake = createFakeAppsScript();
    const sheet = fake.spreadsheet.seed("Tập huấn, hội nghị", [
      ["Báo cáo tập huấn năm 2026"],
      [],
      ["Ghi chú riêng", "Loại", "Số lượt người", "Nội dung", "Ngày"],
      ["x", "Hội nghị", 40, "Sơ kết", "02/01/2026"],
    ]);
    sheet.cell(5, 1).numberFormat = "0.00";
    const result = submitEntry(fake.context(), "trainings", {
      date: "2026-03-01",
      kind: "Tuyên truyền",
      topic: "Luật",
      attendance: "25",
    });
    expect(result).toMatchObject({ ok: true, row: 5, createdTab: false });
    expect(sheet.stored(5, 1, 1, 5)[0]).toEqual([
      "",
      "Tuyên truyền",
      25,
      "Luật",
      isoDateToSerial("2026-03-01"),
    ]);
    expect(sheet.peek(5, 1)!.numberFormat).toBe("0.00");
    expect(sheet.peek(5, 5)!.numberFormat).toBe(DATE_FORMAT);
    expect(sheet.getRange(5, 2, 1, 1).getNumberFormats()[0]![0]).not.toBe(AUTOMATIC_FORMAT);
  });

  it("grows a full grid by a row instead of writing out of bounds", () => {
    const fake = withTemplates();
    const sheet = fake.spreadsheet.getSheetByName("Tập huấn, hội nghị")!;
    sheet.put(sheet.getMaxRows(), [["01/02/2026", "Hội nghị", "Dòng cuối của lưới"]]);
    const result = submitEntry(fake.context(), "trainings", {
      date: "2026-03-01",
      kind: "Tập huấn",
      topic: "Mới",
    });
    expect(result).toMatchObject({ ok: true, row: 1001 });
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.stored(1001, 2, 1, 2)[0]).toEqual(["Tập huấn", "Mới"]);
  });

  it("reports a tab whose required column was renamed with shared/'s message", () => {
    const fake = createFakeAppsScript();
    fake.spreadsheet.seed("Khen thưởng", [["Số quyết định", "Ngày quyết định", "Cấp khen"]]);
    const result = submitEntry(fake.context(), "awards", {
      decisionNo: "1/QĐ",
      decisionDate: "2026-01-05",
      authority: "Khác",
      form: "Khác",
      recipientType: "Tập thể",
      recipient: "Tổ dân phố 1",
      movement: "Khác",
    });
    const expected = readTab(awards, [["Số quyết định", "Ngày quyết định", "Cấp khen"]]).issues[0]!
      .message;
    expect(result).toEqual({ ok: false, error: expected });
    expect(expected).toContain("thiếu cột bắt buộc");
  });

  it("writes rows that the data check (and so the Worker) reads back as the same row", () => {
    const fake = withTemplates();
    submitEntry(fake.context(), "inspections", INSPECTION);
    const report = runDataCheck(fake.context());
    expect(report.issues.filter((i) => i.severity === "error" && i.row !== null)).toEqual([]);
    const sheet = fake.spreadsheet.getSheetByName("Kiểm tra, giám sát")!;
    const read = readTab(inspections, sheet.stored(1, 1, 3, 9));
    const valid = validateRecord(inspections, INSPECTION);
    expect(read.rows).toEqual([{ sheetRow: 3, row: valid.ok && valid.row }]);
  });
});
