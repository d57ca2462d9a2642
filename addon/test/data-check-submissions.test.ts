import { describe, expect, it } from "vitest";
import { readSubmissions } from "../../shared/submission/read-submissions.ts";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";
import { ERROR_BACKGROUND, NOTE_MARK } from "../src/check/check-marks.ts";
import { runDataCheck } from "../src/check/run-check.ts";
import { createTemplates } from "../src/templates/create-templates.ts";
import { createFakeAppsScript } from "./fake-spreadsheet-app.ts";

const TAB = SUBMISSION_TAB.title;
const WIDTH = SUBMISSION_TAB.columns.length;
const column = (key: string) => SUBMISSION_TAB.columns.findIndex((c) => c.key === key) + 1;

describe("Kiểm tra dữ liệu on the Nộp báo cáo tab", () => {
  it("lists and marks the rows the Worker cannot read, as shared/ words them", () => {
    const fake = createFakeAppsScript({ timeZone: "Asia/Ho_Chi_Minh" });
    createTemplates(fake.context());
    const sheet = fake.spreadsheet.getSheetByName(TAB)!;
    // A submission the add-on wrote, then two rows someone typed over the warning.
    sheet.put(2, [
      ["2026-Q3", "Nghị định 09", 46300.4, "Nguyễn Thị Lan", 4, "29b69d9cbdacc55b", ""],
      ["Quý 3", "Nghị định 09", 46301.5, "Nguyễn Thị Lan", 4, "29b69d9cbdacc55b", ""],
      ["2026-Q3", "Nghị định 09", "hôm qua", "Trần Văn Minh", 4, "", ""],
    ]);
    const report = runDataCheck(fake.context());

    // The Worker reads the stored (UNFORMATTED_VALUE) cells in the sheet's time zone.
    const worker = readSubmissions(sheet.stored(1, 1, 4, WIDTH), "Asia/Ho_Chi_Minh").issues;
    expect(worker).toHaveLength(2);
    const own = report.issues.filter((i) => i.tab === TAB);
    expect(own.map((i) => [i.severity, i.row, i.column, i.message])).toEqual(
      worker.map((i) => [i.severity, i.row, i.column, i.message]),
    );
    expect(own.map((i) => [i.sheetName, i.row, i.columnNumber])).toEqual([
      [TAB, 3, column("period")],
      [TAB, 4, column("submittedAt")],
    ]);
    for (const issue of own) {
      const cell = sheet.peek(issue.row!, issue.columnNumber!)!;
      expect(cell.background).toBe(ERROR_BACKGROUND);
      expect(cell.note).toContain(NOTE_MARK);
      expect(cell.note).toContain(issue.detail);
    }
    // The template tabs' summary is unchanged: the tab is not a template.
    expect(report.tabs.map((t) => t.title)).not.toContain(TAB);

    // Fixed by hand: the next check lists nothing and takes its marks away.
    sheet.put(3, [["2026-Q3"]]);
    sheet.put(4, [["", "", "01/10/2026 08:30"]]);
    const again = runDataCheck(fake.context());
    expect(again.issues).toEqual([]);
    expect(sheet.peek(3, column("period"))!.background ?? null).toBeNull();
    expect(sheet.peek(4, column("submittedAt"))!.note ?? "").not.toContain(NOTE_MARK);
  });

  it("says nothing about an empty tab, or a spreadsheet without one", () => {
    const fake = createFakeAppsScript();
    // (The missing template tabs are listed; nothing about Nộp báo cáo.)
    expect(runDataCheck(fake.context()).issues.filter((i) => i.tab === TAB)).toEqual([]);
    createTemplates(fake.context());
    expect(runDataCheck(fake.context()).issues).toEqual([]);
  });
});
