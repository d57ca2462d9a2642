import { describe, expect, it } from "vitest";
import { addDays } from "../../shared/cells/dates.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { readUnit } from "../../shared/read-unit.ts";
import { fingerprint, periodRowCount } from "../../shared/submission/fingerprint.ts";
import { readSubmissions } from "../../shared/submission/read-submissions.ts";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";
import { inspections } from "../../shared/templates/index.ts";
import { getUnitSettings, saveUnitSettings } from "../src/settings/unit-settings.ts";
import { PERIOD_RULE_KEY, PREPARER_KEY } from "../src/submission/reporting-settings.ts";
import { SUBMISSION_PROTECTION } from "../src/submission/submission-sheet.ts";
import {
  getReportContext,
  previewSubmission,
  submitReport,
} from "../src/submission/submit-report.ts";
import type { FakeAppsScript } from "./fake-spreadsheet-app.ts";
import { addRows, dialogue, dialogues, UNIT, unitSpreadsheet } from "./submit-seed.ts";

/** The period the dialog offers first (the latest ended quarter by the real clock). */
function defaultPeriod(fake: FakeAppsScript) {
  const context = getReportContext(fake.context());
  return resolvePeriod(context.defaultPeriod, context.rule)!;
}

/** Every tab's stored cells from A1, as UNFORMATTED_VALUE would give them. */
function storedTabs(fake: FakeAppsScript) {
  return fake.spreadsheet.getSheets().map((s) => ({
    title: s.getName(),
    values: s.stored(1, 1, Math.max(s.getLastRow(), 1), Math.max(s.getLastColumn(), 1)),
  }));
}

describe("Cài đặt đơn vị: Người lập biểu and Quy tắc kỳ", () => {
  it("stores both in document properties and shows them back", () => {
    const fake = unitSpreadsheet({
      preparer: "  Nguyễn  Thị Lan ".normalize("NFD"),
      rule: "calendar",
    });
    expect(fake.documentProperties.getProperty(PREPARER_KEY)).toBe("Nguyễn Thị Lan");
    expect(fake.documentProperties.getProperty(PERIOD_RULE_KEY)).toBe("calendar");
    expect(getUnitSettings(fake.context())).toMatchObject({
      preparer: "Nguyễn Thị Lan",
      rule: "calendar",
    });
  });

  it("refuses an unknown rule and an over-long name, storing nothing", () => {
    const fake = unitSpreadsheet();
    const result = saveUnitSettings(fake.context(), {
      ...UNIT,
      preparer: "x".repeat(121),
      rule: "lunar" as never,
    });
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(["preparer", "rule"]);
    expect(fake.documentProperties.getProperty(PREPARER_KEY)).toBe(UNIT.preparer);
    expect(fake.documentProperties.getProperty(PERIOD_RULE_KEY)).toBe("decree09");
  });
});

describe("Nộp báo cáo", () => {
  it("is blocked by an error in a row of the period, not by one in another period", () => {
    const fake = unitSpreadsheet();
    const period = defaultPeriod(fake);
    const before = addDays(period.from, -1);
    addRows(fake, dialogues, [
      dialogue(period.from, 10),
      // Another period's row with an error (resolved > opinions) does not matter…
      [before, "Ông A", "Thôn Tây", 5, 1, 3],
    ]);
    let preview = previewSubmission(fake.context(), period.id)!;
    expect(preview.errors).toEqual([]);

    // …one in the period does, with the data check's own message and cell.
    addRows(fake, dialogues, [[period.to, "Ông C", "Thôn Nam", 5, 1, 3]]);
    preview = previewSubmission(fake.context(), period.id)!;
    expect(preview.errors.map((e) => [e.tab, e.row, e.column])).toEqual([
      [dialogues.title, 5, "Số ý kiến đã giải quyết"],
    ]);
    expect(preview.errors[0]!.sheetName).toBe(dialogues.title);

    const result = submitReport(fake.context(), period.id, preview.fingerprint, "");
    expect(result).toMatchObject({ ok: false, reason: "blocked" });
    expect(fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)).toBeNull();
  });

  it("appends the submission row: text period, rule, date-time, name, rows, fingerprint", () => {
    const fake = unitSpreadsheet({ timeZone: "Asia/Ho_Chi_Minh" });
    const period = defaultPeriod(fake);
    addRows(fake, dialogues, [
      dialogue(period.from, 10),
      dialogue(period.to, 4, "Ông  Trần Văn C"),
      dialogue(addDays(period.to, 1), 99),
    ]);
    const preview = previewSubmission(fake.context(), period.id)!;
    const rows = readUnit(storedTabs(fake)).rows;
    expect(preview.fingerprint).toBe(fingerprint(rows, period));
    expect(preview.table.rows).toBe(2);
    expect(preview.earlier).toBeNull();

    const now = new Date("2026-10-03T02:04:05Z");
    const first = submitReport(fake.context(), period.id, preview.fingerprint, " Đã rà soát ", now);
    expect(first).toMatchObject({
      ok: true,
      rows: 2,
      fingerprint: preview.fingerprint,
      row: 2,
      createdTab: true,
      by: UNIT.preparer,
      ruleLabel: "Nghị định 09",
      submittedAt: "09:04 03/10/2026",
    });
    const sheet = fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)!;
    const stored = sheet.stored(1, 1, 2, SUBMISSION_TAB.columns.length);
    expect(stored[0]).toEqual(SUBMISSION_TAB.columns.map((c) => c.header));
    const [periodCell, rule, at, by, count, code, note] = stored[1]!;
    expect([periodCell, rule, by, count, code, note]).toEqual([
      period.id,
      "Nghị định 09",
      UNIT.preparer,
      2,
      preview.fingerprint,
      "Đã rà soát",
    ]);
    // A date-time value (serial in the sheet's zone), not text.
    expect(typeof at).toBe("number");
    expect(sheet.peek(2, 3)!.numberFormat).toMatch(/hh:mm/);
    expect(sheet.protections.map((p) => [p.description, p.warningOnly])).toEqual([
      [SUBMISSION_PROTECTION, true],
    ]);

    // What the Worker reads back from UNFORMATTED_VALUE cells.
    const read = readSubmissions(sheet.stored(1, 1, 2, 7), "Asia/Ho_Chi_Minh");
    expect(read.issues).toEqual([]);
    expect(read.submissions).toEqual([
      {
        sheetRow: 2,
        periodId: period.id,
        rule: "decree09",
        submittedAt: now.getTime(),
        by: UNIT.preparer,
        rows: 2,
        fingerprint: preview.fingerprint,
        note: "Đã rà soát",
      },
    ]);

    // Edit, see it as changed since the first submission, submit again: a new row.
    addRows(fake, dialogues, [dialogue(period.from, 1)]);
    const again = previewSubmission(fake.context(), period.id)!;
    expect(again.earlier).toMatchObject({ by: UNIT.preparer, unchanged: false });
    expect(again.fingerprint).not.toBe(preview.fingerprint);
    const later = new Date(now.getTime() + 60_000);
    const second = submitReport(fake.context(), period.id, again.fingerprint, "", later);
    expect(second).toMatchObject({ ok: true, row: 3, rows: 3, createdTab: false });
    expect(sheet.stored(2, 6, 2, 1)).toEqual([[preview.fingerprint], [again.fingerprint]]);
    expect(previewSubmission(fake.context(), period.id)!.earlier).toMatchObject({
      unchanged: true,
    });

    // A later time typed into the older row does not promote it: the lowest row counts,
    // as the Worker decides, so the dialog shows the same submission the province counts.
    expect(sheet.stored(1, 3, 1, 1)).toEqual([["Thời điểm nộp"]]);
    sheet.getRange(2, 3).setValue(new Date(later.getTime() + 3_600_000));
    expect(previewSubmission(fake.context(), period.id)!.earlier).toMatchObject({
      unchanged: true,
    });
  });

  it("writes into the tab Tạo biểu mẫu made, which is the tab a first submission makes", () => {
    const now = new Date("2026-10-03T02:04:05Z");
    const tabs = [true, false].map((submissionTab) => {
      const fake = unitSpreadsheet({ timeZone: "Asia/Ho_Chi_Minh", submissionTab });
      const period = defaultPeriod(fake);
      // Made empty by Tạo biểu mẫu: the Worker finds it (no submission yet) in its batchGet.
      const made = fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title);
      expect(made?.getLastRow() ?? null).toBe(submissionTab ? 1 : null);
      addRows(fake, dialogues, [dialogue(period.from, 10)]);
      const code = previewSubmission(fake.context(), period.id)!.fingerprint;
      expect(submitReport(fake.context(), period.id, code, "", now)).toMatchObject({
        ok: true,
        row: 2,
        createdTab: !submissionTab,
      });
      const sheet = fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)!;
      return {
        ...(sheet.snapshot() as object),
        position: fake.spreadsheet.getSheets().at(-1) === sheet,
      };
    });
    expect(tabs[0]).toEqual(tabs[1]);
    expect(tabs[0]).toMatchObject({ position: true });
  });

  it("keeps a year's id as text, and grows the full tab with the same protection", () => {
    const fake = unitSpreadsheet();
    const year = getReportContext(fake.context()).periods.find((p) => /^\d{4}$/.test(p.id))!;
    const code = previewSubmission(fake.context(), year.id)!.fingerprint;
    expect(submitReport(fake.context(), year.id, code, "")).toMatchObject({ ok: true, row: 2 });
    const sheet = fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)!;
    expect(sheet.stored(2, 1, 1, 1)).toEqual([[year.id]]);
    // As if 998 earlier submissions had filled the tab's rows.
    sheet.maxRows = 2;
    expect(submitReport(fake.context(), year.id, code, "")).toMatchObject({ ok: true, row: 3 });
    expect(sheet.getMaxRows()).toBe(102);
    expect(sheet.stored(3, 1, 1, 1)).toEqual([[year.id]]);
    expect(sheet.protections.map((p) => [p.range.getA1Notation(), p.warningOnly])).toEqual([
      ["A1:G1000", true],
      ["A3:G102", true],
    ]);
  });

  it("writes nothing when the rows changed after the totals were shown", () => {
    const fake = unitSpreadsheet();
    const period = defaultPeriod(fake);
    addRows(fake, dialogues, [dialogue(period.from, 10)]);
    const shown = previewSubmission(fake.context(), period.id)!;
    fake.spreadsheet
      .getSheetByName(dialogues.title)!
      .put(3, [[period.from, "Bà Lê Thị B", "Thôn Đông", 11]]);
    const result = submitReport(fake.context(), period.id, shown.fingerprint, "");
    expect(result).toMatchObject({ ok: false, reason: "changed" });
    if (result.ok || result.reason !== "changed") throw new Error("expected changed");
    // The table sent back is today's: the figure that was 10 is 11.
    const figures = (p: typeof shown) =>
      p.table.sections.flatMap((s) => s.lines.map((l) => l.values[0]));
    const at = figures(shown).indexOf(10);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(figures(result.preview)[at]).toBe(11);
    expect(fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)).toBeNull();
  });

  it("lists a warning in the period and still submits", () => {
    const fake = unitSpreadsheet();
    const period = defaultPeriod(fake);
    const district = [
      "Ban Chỉ đạo cấp huyện",
      "Kiểm tra",
      "",
      "UBND xã Hòa Bình",
      "Xã, phường, đặc khu",
    ];
    addRows(fake, inspections, [[period.from, ...district]]);
    const preview = previewSubmission(fake.context(), period.id)!;
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.map((w) => [w.tab, w.row, w.column])).toEqual([
      [inspections.title, 3, "Chủ thể kiểm tra"],
    ]);
    expect(preview.warnings[0]!.message).toContain("không còn cấp huyện");
    expect(submitReport(fake.context(), period.id, preview.fingerprint, "")).toMatchObject({
      ok: true,
      rows: 1,
    });
  });

  it("asks for Người lập biểu before submitting", () => {
    const fake = unitSpreadsheet({ preparer: "" });
    const period = defaultPeriod(fake);
    const preview = previewSubmission(fake.context(), period.id)!;
    expect(preview.missingSettings).toEqual(["Người lập biểu"]);
    expect(submitReport(fake.context(), period.id, preview.fingerprint, "")).toMatchObject({
      ok: false,
      reason: "blocked",
    });
  });

  it("waits for someone else's write and then says so, writing nothing", () => {
    const fake = unitSpreadsheet();
    const period = defaultPeriod(fake);
    const preview = previewSubmission(fake.context(), period.id)!;
    fake.lock.heldByOther = true;
    expect(submitReport(fake.context(), period.id, preview.fingerprint, "")).toMatchObject({
      ok: false,
      reason: "busy",
    });
    expect(fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)).toBeNull();
  });

  it("refuses a period the dialog does not offer", () => {
    const fake = unitSpreadsheet();
    expect(previewSubmission(fake.context(), "1999-Q1")).toBeNull();
    expect(submitReport(fake.context(), "2010", "e3b0c44298fc1c14", "")).toMatchObject({
      ok: false,
      reason: "period",
    });
  });

  it("counts the rows of the period as shared/ does", () => {
    const fake = unitSpreadsheet();
    const period = defaultPeriod(fake);
    addRows(fake, dialogues, [dialogue(period.from, 3), dialogue(period.to, 3)]);
    const preview = previewSubmission(fake.context(), period.id)!;
    expect(preview.table.rows).toBe(periodRowCount(readUnit(storedTabs(fake)).rows, period));
  });
});
