import { describe, expect, it } from "vitest";
import { type Period, type PeriodRule, resolvePeriod } from "../../shared/periods.ts";
import { byUnitTab } from "../../worker/consolidation/output/by-unit-tab.ts";
import type { ReportLayout } from "../../worker/consolidation/output/report-layout.ts";
import {
  BREAKDOWN_INDENT,
  SUMMARY_HEADERS,
  type SummaryInput,
  summaryTab,
} from "../../worker/consolidation/output/summary-tab.ts";
import type { TabContent } from "../../worker/consolidation/output/tab-plan.ts";
import type { CellData } from "../../worker/sheets/request-types.ts";

// A small report: two sections, a breakdown row, and the period-less quality metric.
const LAYOUT: ReportLayout = {
  sections: [
    { id: "inspections", numeral: "I", title: "Kiểm tra, giám sát" },
    { id: "awards", numeral: "II", title: "Khen thưởng" },
    { id: "quality", numeral: "V", title: "Chất lượng số liệu" },
  ],
  metrics: [
    { id: "inspections", label: "Số cuộc", unit: "cuộc", section: "inspections", breakdown: false },
    {
      id: "inspectionsCheck",
      label: "Trong đó: kiểm tra",
      unit: "cuộc",
      section: "inspections",
      breakdown: true,
    },
    {
      id: "inspectionVisits",
      label: "Số lượt",
      unit: "lượt",
      section: "inspections",
      breakdown: false,
    },
    { id: "awards", label: "Khen thưởng", unit: "lượt", section: "awards", breakdown: false },
    { id: "invalidRows", label: "Số dòng lỗi", unit: "dòng", section: "quality", breakdown: false },
  ],
};

function value(cell: CellData | undefined): string | number | null {
  const v = cell?.userEnteredValue;
  if (!v) return null;
  if ("stringValue" in v) return v.stringValue;
  if ("numberValue" in v) return v.numberValue;
  return null;
}

const grid = (tab: TabContent) => tab.rows.map((r) => r.map(value));

function period(id: string, rule: PeriodRule = "decree09"): Period {
  const p = resolvePeriod(id, rule);
  if (!p) throw new Error(id);
  return p;
}

function input(id: string, previousId: string | null, last: Record<string, number>): SummaryInput {
  const p = period(id);
  const year = Number(id.slice(0, 4));
  return {
    layout: LAYOUT,
    period: p,
    generatedAt: "2026-11-23T08:00:00.000Z",
    total: { inspections: 6, inspectionsCheck: 4, inspectionVisits: 15, awards: 3, invalidRows: 2 },
    samePeriodLastYear: { period: period(id.replace(String(year), String(year - 1))), total: last },
    previousPeriod: previousId
      ? {
          period: period(previousId),
          total: {
            inspections: 2,
            inspectionsCheck: 1,
            inspectionVisits: 9,
            awards: 0,
            invalidRows: 2,
          },
        }
      : null,
    unitsLine: "2 đơn vị: 2 đã cập nhật.",
    reportingRate: null,
  };
}

/** The body rows keyed by their label (trimmed), each as the cells after STT and label. */
function bodyByLabel(tab: TabContent) {
  const rows = grid(tab);
  const header = rows.findIndex((r) => r[0] === "STT");
  return { header: rows[header], captions: rows[header + 1], body: rows.slice(header + 2) };
}

describe("Tổng hợp as a report table", () => {
  const LAST_YEAR = {
    inspections: 4,
    inspectionsCheck: 0,
    inspectionVisits: 10,
    awards: 3,
    invalidRows: 2,
  };

  it.each([
    ["2026", null],
    ["2026-9M", null],
    ["2026-Q1", "2025-Q4"],
    ["2026-Q3", "2026-Q2"],
    ["2026-H1", "2025-H2"],
    ["2026-H2", "2026-H1"],
  ])(
    "%s: this period, the same period last year, the percentage, and Kỳ trước for quarters and halves",
    (id, previous) => {
      const tab = summaryTab(input(id, previous, LAST_YEAR));
      const { header, captions, body } = bodyByLabel(tab);
      expect(header).toEqual([...SUMMARY_HEADERS, ...(previous ? ["Kỳ trước"] : [])]);
      // Each figure column names its period with its dates.
      const lastYear = period(id.replace("2026", "2025"));
      expect(captions?.[3]).toContain(
        `${period(id).from.slice(8, 10)}/${period(id).from.slice(5, 7)}/${period(id).from.slice(0, 4)}`,
      );
      expect(captions?.[4]).toContain(lastYear.to.split("-").reverse().join("/"));
      if (previous)
        expect(captions?.[6]).toContain(period(previous).to.split("-").reverse().join("/"));

      const row = (label: string) => body.find((r) => String(r[1]).trim() === label);
      // 6 against 4 last year: 150%; 15 against 10: 150%; 3 against 3: 100%.
      expect(row("Số cuộc")?.slice(2)).toEqual(["cuộc", 6, 4, 150, ...(previous ? [2] : [])]);
      expect(row("Số lượt")?.slice(3, 6)).toEqual([15, 10, 150]);
      expect(row("Khen thưởng")?.slice(3, 6)).toEqual([3, 3, 100]);
      // 4 against 0 last year: no percentage, the cell stays blank (not 0, not "∞").
      expect(row("Trong đó: kiểm tra")?.slice(3, 6)).toEqual([4, 0, null]);
      // Rows left out for errors belong to no period: nothing to compare.
      expect(row("Số dòng lỗi")?.slice(3)).toEqual([2]);
    },
  );

  it("rounds the percentage to a whole number", () => {
    const tab = summaryTab(
      input("2026", null, { ...LAST_YEAR, inspections: 7, inspectionVisits: 9 }),
    );
    const { body } = bodyByLabel(tab);
    const row = (label: string) => body.find((r) => String(r[1]).trim() === label);
    expect(row("Số cuộc")?.[5]).toBe(Math.round((6 / 7) * 100));
    expect(row("Số lượt")?.[5]).toBe(Math.round((15 / 9) * 100));
  });

  it("numbers rows within sections, leaves breakdowns unnumbered and indented", () => {
    const { body } = bodyByLabel(summaryTab(input("2026", null, LAST_YEAR)));
    expect(body.map((r) => [r[0], r[1]])).toEqual([
      ["I.", "KIỂM TRA, GIÁM SÁT"],
      ["1", "Số cuộc"],
      ["-", `${BREAKDOWN_INDENT}Trong đó: kiểm tra`],
      ["2", "Số lượt"],
      ["II.", "KHEN THƯỞNG"],
      ["1", "Khen thưởng"],
      ["V.", "CHẤT LƯỢNG SỐ LIỆU"],
      ["1", "Số dòng lỗi"],
    ]);
  });

  it("says what, which period and when above the table, and fits a laptop screen", () => {
    const tab = summaryTab({
      ...input("2026-Q2", "2026-Q1", LAST_YEAR),
      reportingRate: "Đã nộp báo cáo: 1/2 đơn vị (50%)",
    });
    const rows = grid(tab);
    expect(rows[1]?.[0]).toBe(
      "Kỳ báo cáo: Quý II năm 2026 (từ 15/03/2026 đến 14/06/2026, theo mốc thống kê của Nghị định 09/2019/NĐ-CP)",
    );
    // 08:00 UTC is 15:00 in Vietnam.
    expect(rows[2]?.[0]).toContain("Cập nhật lúc 15:00 23/11/2026 (giờ Việt Nam)");
    expect(rows[3]?.[0]).toBe("Đã nộp báo cáo: 1/2 đơn vị (50%)");
    // 1366 px screen: Sheets' row numbers and scroll bar take about 100 px.
    expect(tab.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1200);
    expect(tab.columnWidths).toHaveLength(7);
  });
});

describe("Theo đơn vị", () => {
  it("groups the metric columns under their sections, units in order, Toàn tỉnh last", () => {
    const tab = byUnitTab({
      layout: LAYOUT,
      units: [
        {
          code: "A",
          name: "Đơn vị A",
          status: "Đã cập nhật",
          statusNote: null,
          background: null,
          figures: {
            inspections: 1,
            inspectionsCheck: 1,
            inspectionVisits: 2,
            awards: 0,
            invalidRows: 0,
          },
        },
        {
          code: "B",
          name: "Đơn vị B",
          status: "Không đọc được",
          statusNote: "403",
          background: null,
          figures: null,
        },
      ],
      total: {
        inspections: 1,
        inspectionsCheck: 1,
        inspectionVisits: 2,
        awards: 0,
        invalidRows: 0,
      },
      totalStatus: "1/2 đã cập nhật",
    });
    const rows = grid(tab);
    expect(rows[0]).toEqual([
      "Đơn vị",
      null,
      null,
      null,
      "I. Kiểm tra, giám sát",
      null,
      null,
      "II. Khen thưởng",
      "V. Chất lượng số liệu",
    ]);
    expect(tab.merges).toContainEqual({ rows: [0, 1], columns: [4, 7] });
    expect(rows[1]?.slice(0, 5)).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Tình trạng",
      "Nộp báo cáo",
      "Số cuộc (cuộc)",
    ]);
    expect(rows.slice(2)).toEqual([
      ["A", "Đơn vị A", "Đã cập nhật", null, 1, 1, 2, 0, 0],
      ["B", "Đơn vị B", "Không đọc được", null, null, null, null, null, null],
      ["Toàn tỉnh", null, "1/2 đã cập nhật", null, 1, 1, 2, 0, 0],
    ]);
    expect([tab.frozenRows, tab.frozenColumns]).toEqual([2, 2]);
  });
});
