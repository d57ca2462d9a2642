import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../shared/cells/dates.ts";
import { inspections } from "../../shared/templates/index.ts";
import { validateRecord } from "../../shared/validate-row.ts";
import { submitEntry } from "../src/entry/append-entry.ts";
import { deleteEntry, loadSelectedRow, updateEntry } from "../src/entry/edit-row.ts";
import type { LoadedRow } from "../src/server-api.ts";
import { createTemplates } from "../src/templates/create-templates.ts";
import { createFakeAppsScript } from "./fake-spreadsheet-app.ts";

const TAB = inspections.title;
const ROW = {
  date: "05/06/2026",
  inspector: "Ban Chỉ đạo cấp tỉnh",
  method: "Kiểm tra",
  round: "KH 05/KH-BCĐ",
  target: "UBND xã Hòa Bình",
  targetType: "Xã, phường, đặc khu",
  rating: "",
  recommendations: "2",
  remedied: "1",
  notes: "",
};

function withRows(...targets: string[]) {
  const fake = createFakeAppsScript();
  createTemplates(fake.context());
  for (const target of targets) {
    expect(submitEntry(fake.context(), "inspections", { ...ROW, target })).toMatchObject({
      ok: true,
    });
  }
  const sheet = fake.spreadsheet.getSheetByName(TAB)!;
  return { fake, sheet };
}

function loaded(fake: ReturnType<typeof withRows>["fake"]): LoadedRow {
  const result = loadSelectedRow(fake.context());
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("Sửa dòng đang chọn (server side)", () => {
  it("loads the selected row as the form shows it and writes the edit back in place", () => {
    const { fake, sheet } = withRows("Trường A", "Trường B", "Trường C");
    sheet.getRange(4, 5, 1, 1).activate();
    const row = loaded(fake);
    expect(row).toMatchObject({ templateId: "inspections", tab: TAB, row: 4 });
    expect(row.record).toEqual({ ...ROW, target: "Trường B" });

    const edited = { ...row.record, target: "Trường B2", remedied: "2" };
    expect(updateEntry(fake.context(), row, edited)).toMatchObject({ ok: true, row: 4 });
    const expected = validateRecord(inspections, edited);
    if (!expected.ok) throw new Error("edit should be valid");
    const values = expected.row as Record<string, unknown>;
    expect(sheet.stored(4, 1, 1, 10)[0]).toEqual(
      inspections.columns.map((c) =>
        c.type === "date" ? isoDateToSerial(values[c.key] as "2026-06-05") : (values[c.key] ?? ""),
      ),
    );
    // The rows around it are untouched, and nothing was appended.
    expect(sheet.stored(3, 5, 3, 1)).toEqual([["Trường A"], ["Trường B2"], ["Trường C"]]);
    expect(sheet.getLastRow()).toBe(5);
  });

  it("refuses to write over a row that changed since it was loaded, and writes nothing", () => {
    const { fake, sheet } = withRows("Trường A", "Trường B");
    sheet.getRange(4, 1, 1, 1).activate();
    const row = loaded(fake);
    sheet.getRange(4, 9, 1, 1).setValues([[7]]);
    const before = sheet.snapshot();
    const result = updateEntry(fake.context(), row, { ...row.record, notes: "mới" });
    expect(result).toMatchObject({ ok: false });
    expect("error" in result && result.error).toContain("đã thay đổi");
    expect(sheet.snapshot()).toEqual(before);
    // A row deleted above moves the loaded one: also refused (row 4 now holds other cells).
    const again = loaded(fake);
    fake.spreadsheet.getSheetByName(TAB)!.deleteRow(3);
    expect(deleteEntry(fake.context(), again)).toMatchObject({ ok: false });
    expect(sheet.stored(3, 5, 1, 1)).toEqual([["Trường B"]]);
  });

  it("deletes the loaded row, moving the rows below up", () => {
    const { fake, sheet } = withRows("Trường A", "Trường B", "Trường C");
    sheet.getRange(4, 2, 1, 1).activate();
    expect(deleteEntry(fake.context(), loaded(fake))).toEqual({ ok: true, tab: TAB, row: 4 });
    expect(sheet.stored(3, 5, 3, 1)).toEqual([["Trường A"], ["Trường C"], [""]]);
  });

  it("says what to do when the selection is not a data row of a template tab", () => {
    const { fake, sheet } = withRows("Trường A");
    const other = fake.spreadsheet.insertSheet("Ghi chép", 0);
    other.getRange(1, 1, 1, 1).activate();
    for (const [range, words] of [
      [other.getRange(1, 1, 1, 1), "không phải trang biểu mẫu"],
      [sheet.getRange(2, 1, 1, 1), "dòng tiêu đề"],
      [sheet.getRange(9, 1, 1, 1), "đang trống"],
    ] as const) {
      range.activate();
      const result = loadSelectedRow(fake.context());
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toContain(words);
      expect(!result.ok && result.error).toContain("Sửa dòng đang chọn");
    }
  });
});

describe("a row like an existing one", () => {
  it("is not added until the person says so; the key cells compare as the Worker folds text", () => {
    const { fake, sheet } = withRows("UBND xã Hòa Bình");
    const same = { ...ROW, target: "ubnd  XÃ Hòa Bình", round: "" };
    expect(submitEntry(fake.context(), "inspections", same)).toEqual({
      ok: false,
      sameAs: { tab: TAB, row: 3 },
    });
    expect(sheet.getLastRow()).toBe(3);
    expect(submitEntry(fake.context(), "inspections", same, { allowSameAs: true })).toMatchObject({
      ok: true,
      row: 4,
    });
    // Another date is another visit.
    expect(
      submitEntry(fake.context(), "inspections", { ...same, date: "06/06/2026" }),
    ).toMatchObject({ ok: true, row: 5 });
  });

  it("is warned about when an edit makes a row like another, never like itself", () => {
    const { fake, sheet } = withRows("Trường A", "Trường B");
    sheet.getRange(4, 1, 1, 1).activate();
    const row = loaded(fake);
    // Saving the row unchanged, or with a note only: like itself, which is no duplicate.
    expect(updateEntry(fake.context(), row, { ...row.record, notes: "Đã xong" })).toMatchObject({
      ok: true,
      row: 4,
    });
    const again = loaded(fake);
    // Renamed to row 3's base (folded as the Worker folds text): warned, nothing written.
    const like3 = { ...again.record, target: "trường  A" };
    const before = sheet.stored(3, 1, 2, 10);
    expect(updateEntry(fake.context(), again, like3)).toEqual({
      ok: false,
      sameAs: { tab: TAB, row: 3 },
    });
    expect(sheet.stored(3, 1, 2, 10)).toEqual(before);
    // The person chose to save it anyway.
    expect(updateEntry(fake.context(), again, like3, { allowSameAs: true })).toMatchObject({
      ok: true,
      row: 4,
    });
    expect(sheet.stored(4, 5, 1, 1)).toEqual([["trường A"]]);
    expect(sheet.getLastRow()).toBe(4);
  });

  it("gives shared/'s warnings with the saved row (a date after today)", () => {
    const { fake } = withRows();
    const result = submitEntry(fake.context(), "inspections", { ...ROW, date: "05/06/2099" });
    const expected = validateRecord(
      inspections,
      { ...ROW, date: "05/06/2099" },
      {
        today: fake
          .context()
          .formatDate(new Date(), "Asia/Ho_Chi_Minh", "yyyy-MM-dd") as "2026-01-01",
      },
    );
    expect(expected.warnings).toHaveLength(1);
    expect(result).toMatchObject({ ok: true, warnings: expected.warnings });
  });
});
