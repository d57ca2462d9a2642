import { beforeAll, describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import {
  CHARTS_TAB,
  type ChartsInput,
  chartsTab,
  KEY_FIGURES,
  plannedSheetId,
  quarterFigures,
  removeCharts,
} from "../../worker/consolidation/output/charts-tab.ts";
import { planTabs } from "../../worker/consolidation/output/tab-plan.ts";
import type { SheetsClient } from "../../worker/sheets/client.ts";
import {
  emulatorClient,
  registerServiceAccount,
  seedSpreadsheet,
  spreadsheetState,
  uniqueId,
} from "./sheets-emulator-control.ts";

type Json = Record<string, unknown>;
interface Range {
  sheetId: number;
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}
interface StoredChart {
  chartId: number;
  spec: Json & {
    title: string;
    basicChart?: Json & {
      chartType: string;
      headerCount: number;
      axis: { position: string; title: string }[];
      domains: { domain: { sourceRange: { sources: Range[] } } }[];
      series: { series: { sourceRange: { sources: Range[] } } }[];
    };
    pieChart?: Json & {
      domain: { sourceRange: { sources: Range[] } };
      series: { sourceRange: { sources: Range[] } };
    };
  };
  position: {
    overlayPosition: {
      anchorCell: { sheetId: number; rowIndex: number; columnIndex: number };
      widthPixels: number;
      heightPixels: number;
    };
  };
}

const period = resolvePeriod("2026-Q3")!;
const figures = (
  inspections: number,
  visits: number,
  awards: number,
  dialogues: number,
  trainings: number,
) => ({
  inspections,
  inspectionVisits: visits,
  awards,
  dialogues,
  trainings,
});

function input(overrides: Partial<ChartsInput> = {}): ChartsInput {
  return {
    period,
    units: [
      {
        name: "Phường Ba Xuyên",
        status: "fresh",
        submission: null,
        figures: figures(3, 20, 5, 35, 1),
      },
      { name: "Xã Đắk Mâu", status: "fresh", submission: null, figures: figures(4, 30, 0, 0, 2) },
      { name: "Xã Châu Phú", status: "stale", submission: null, figures: figures(1, 6, 10, 0, 0) },
      {
        name: "Huyện Mới Lập",
        status: "missing",
        submission: null,
        figures: figures(0, 0, 0, 0, 0),
      },
    ],
    quarters: {
      thisYear: [figures(2, 9, 4, 10, 1), figures(3, 20, 6, 12, 0), figures(8, 56, 15, 13, 3), {}],
      lastYear: [
        figures(1, 4, 2, 8, 0),
        figures(1, 5, 0, 9, 1),
        figures(2, 11, 5, 7, 2),
        figures(3, 14, 1, 4, 0),
      ],
    },
    ...overrides,
  };
}

let client: SheetsClient;
beforeAll(async () => {
  client = emulatorClient((await registerServiceAccount()).keyJson);
});

/** Writes the tab and its charts in ONE batchUpdate, replacing the charts already there. */
async function writeCharts(spreadsheetId: string, data: ChartsInput): Promise<void> {
  const before = await client.getSpreadsheet(
    spreadsheetId,
    "sheets(properties(sheetId,title),charts(chartId))",
  );
  const existing = before.sheets.map((s) => ({
    sheetId: s.properties.sheetId!,
    title: s.properties.title,
  }));
  const old = before.sheets.find((s) => s.properties.title === CHARTS_TAB)?.charts ?? [];
  const { tab, charts } = chartsTab(data);
  const planned = planTabs(existing, [tab]);
  const sheetId = plannedSheetId(existing, planned, CHARTS_TAB)!;
  await client.batchUpdate(spreadsheetId, [
    ...removeCharts(old.map((c) => c.chartId)),
    ...planned,
    ...charts(sheetId),
  ]);
}

/** The tab as the emulator keeps it, and what each chart reads from its cells. */
async function readBack(spreadsheetId: string) {
  const state = await spreadsheetState(spreadsheetId);
  const sheet = state.sheets.find((s) => s.title === CHARTS_TAB)!;
  const values = sheet.values as unknown[][];
  const sheetId = sheet.properties!.sheetId;
  const charts = ((sheet as unknown as { charts?: StoredChart[] }).charts ?? []) as StoredChart[];
  const cells = (r: Range) => {
    expect(r.sheetId).toBe(sheetId);
    const out: unknown[] = [];
    for (let i = r.startRowIndex; i < r.endRowIndex; i++) {
      for (let j = r.startColumnIndex; j < r.endColumnIndex; j++) out.push(values[i]?.[j] ?? null);
    }
    return out;
  };
  const data = charts.map((c) => {
    if (c.spec.pieChart) {
      return {
        title: c.spec.title,
        kind: "PIE",
        domain: c.spec.pieChart.domain.sourceRange.sources.flatMap(cells),
        series: [c.spec.pieChart.series.sourceRange.sources.flatMap(cells)],
      };
    }
    const basic = c.spec.basicChart!;
    return {
      title: c.spec.title,
      kind: basic.chartType,
      domain: basic.domains[0]!.domain.sourceRange.sources.flatMap(cells),
      series: basic.series.map((s) => s.series.sourceRange.sources.flatMap(cells)),
    };
  });
  return {
    sheetId,
    values,
    charts,
    data,
    rowCount: sheet.properties!.gridProperties!.rowCount ?? 0,
  };
}

describe("Biểu đồ", () => {
  it("draws native charts over data blocks written in the same update, on the same tab", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("bieu-do"),
      properties: { title: "Tỉnh thử biểu đồ" },
      sheets: [{ title: "Đơn vị", values: [["Mã đơn vị", "Tên đơn vị", "Bảng tính"]] }],
    });
    await writeCharts(id, input());
    const { data, charts, sheetId } = await readBack(id);

    // The reporting rate by read status (no submissions known yet): 2 fresh, 1 stale, 1 missing.
    expect(data[0]).toEqual({
      title: "Tình trạng đọc số liệu (4 đơn vị)",
      kind: "PIE",
      domain: ["Đã cập nhật", "Số liệu cũ", "Không đọc được", "Chưa có bảng tính"],
      series: [[2, 1, 0, 1]],
    });
    // The key figures per unit: a header, then one bar group per unit.
    expect(data[1]).toEqual({
      title: "Kết quả chủ yếu theo đơn vị",
      kind: "BAR",
      domain: ["Đơn vị", "Phường Ba Xuyên", "Xã Đắk Mâu", "Xã Châu Phú", "Huyện Mới Lập"],
      series: [
        ["Cuộc kiểm tra, giám sát", 3, 4, 1, 0],
        ["Lượt cơ sở được kiểm tra, giám sát", 20, 30, 6, 0],
        ["Lượt khen thưởng", 5, 0, 10, 0],
        ["Cuộc đối thoại", 35, 0, 0, 0],
        ["Lớp tập huấn", 1, 2, 0, 0],
      ],
    });
    // Each key figure by quarter, 2026 beside 2025 (a quarter without figures reads 0).
    expect(data.slice(2).map((d) => d.title)).toEqual(KEY_FIGURES.map((k) => `${k.name} theo quý`));
    expect(data[2]).toMatchObject({
      kind: "COLUMN",
      domain: ["Quý", "Quý I", "Quý II", "Quý III", "Quý IV"],
      series: [
        ["Năm 2026", 2, 3, 8, 0],
        ["Năm 2025", 1, 1, 2, 3],
      ],
    });
    expect(data[3]!.series).toEqual([
      ["Năm 2026", 9, 20, 56, 0],
      ["Năm 2025", 4, 5, 11, 14],
    ]);

    // Vietnamese axis titles; every chart anchored on this tab, beside its data (column H),
    // at the row of its block, and no chart overlapping the next one.
    expect(charts[1]!.spec.basicChart!.axis.map((a) => a.title)).toEqual(["Số lượng", "Đơn vị"]);
    expect(charts[2]!.spec.basicChart!.axis.map((a) => a.title)).toEqual(["Quý", "Số cuộc"]);
    const placed = charts.map((c) => c.position.overlayPosition);
    for (const p of placed) {
      expect(p.anchorCell).toMatchObject({ sheetId, columnIndex: 7 });
      expect(p.widthPixels).toBeGreaterThanOrEqual(500);
      expect(p.heightPixels).toBeGreaterThanOrEqual(260);
    }
    placed.slice(1).forEach((p, i) => {
      const above = placed[i]!;
      expect(p.anchorCell.rowIndex * 21).toBeGreaterThanOrEqual(
        above.anchorCell.rowIndex * 21 + above.heightPixels,
      );
    });
  });

  it("replaces last run's charts instead of piling new ones on top, and shows submissions once known", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("bieu-do"),
      properties: { title: "Tỉnh thử biểu đồ" },
      sheets: [{ title: "Đơn vị", values: [["Mã đơn vị", "Tên đơn vị", "Bảng tính"]] }],
    });
    await writeCharts(id, input());
    const first = await readBack(id);
    const submitted = input();
    const statuses = ["onTime", "late", "onTime", "notSubmitted"] as const;
    await writeCharts(id, {
      ...submitted,
      units: submitted.units.slice(0, 4).map((u, i) => ({ ...u, submission: statuses[i]! })),
    });
    const second = await readBack(id);
    expect(second.sheetId).toBe(first.sheetId);
    expect(second.charts).toHaveLength(first.charts.length);
    const kept = second.charts.map((c) => c.chartId);
    for (const old of first.charts) expect(kept).not.toContain(old.chartId);
    expect(second.data[0]).toEqual({
      title: "Tình hình nộp báo cáo (4 đơn vị)",
      kind: "PIE",
      domain: ["Đúng hạn", "Nộp muộn", "Chưa nộp"],
      series: [[2, 1, 1]],
    });
  });

  it("gives a large province a taller unit chart, still inside the grid", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("bieu-do"),
      properties: { title: "Tỉnh lớn" },
      sheets: [{ title: "Đơn vị", values: [["Mã đơn vị"]] }],
    });
    const units = Array.from({ length: 120 }, (_, i) => ({
      name: `Xã số ${i + 1}`,
      status: "fresh" as const,
      submission: null,
      figures: figures(i % 5, i, i % 3, i % 7, i % 2),
    }));
    await writeCharts(id, input({ units }));
    const { data, charts, rowCount } = await readBack(id);
    expect(data[1]!.domain).toHaveLength(121);
    const bar = charts[1]!.position.overlayPosition;
    expect(bar.heightPixels).toBeGreaterThanOrEqual(120 * 30);
    const last = charts.at(-1)!.position.overlayPosition;
    expect(last.anchorCell.rowIndex + Math.ceil(last.heightPixels / 21)).toBeLessThanOrEqual(
      rowCount,
    );
  });

  it("takes the quarters of the report's year and the year before, under the province's rule", () => {
    const asked: string[] = [];
    const quarters = quarterFigures(resolvePeriod("2026-H1", "decree09")!, (q) => {
      asked.push(`${q.id} ${q.from}–${q.to}`);
      return { inspections: asked.length };
    });
    expect(asked).toEqual([
      "2026-Q1 2025-12-15–2026-03-14",
      "2026-Q2 2026-03-15–2026-06-14",
      "2026-Q3 2026-06-15–2026-09-14",
      "2026-Q4 2026-09-15–2026-12-14",
      "2025-Q1 2024-12-15–2025-03-14",
      "2025-Q2 2025-03-15–2025-06-14",
      "2025-Q3 2025-06-15–2025-09-14",
      "2025-Q4 2025-09-15–2025-12-14",
    ]);
    expect(quarters.thisYear.map((f) => f.inspections)).toEqual([1, 2, 3, 4]);
    expect(quarters.lastYear.map((f) => f.inspections)).toEqual([5, 6, 7, 8]);
  });
});
