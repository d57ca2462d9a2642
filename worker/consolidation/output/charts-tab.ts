import type { MetricId } from "../../../shared/metrics.ts";
import { type Period, parsePeriodId, resolvePeriod } from "../../../shared/periods.ts";
import {
  NOT_SUBMITTED_LABEL,
  ON_TIME_LABEL,
  type SubmissionState,
} from "../../../shared/submission/submission-status.ts";
import { foldKey } from "../../../shared/text/fold.ts";
import type { CellData, GridRange, SheetsRequest } from "../../sheets/request-types.ts";
import type { SheetProperties } from "../../sheets/types.ts";
import type { UnitStatus } from "../model.ts";
import { periodSentence } from "../period-label.ts";
import { type BlockFormat, block } from "./block-formats.ts";
import { BOLD, COLORS, HEADER, INTEGER, num, text } from "./cells.ts";
import type { Figures } from "./report-layout.ts";
import { STATUS_LABELS } from "./status-text.ts";
import type { TabContent } from "./tab-plan.ts";

export const CHARTS_TAB = "Biểu đồ";
export const CHARTS_TITLE = "BIỂU ĐỒ KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ";

/** The pie's slices once submissions are known, in the order the legend lists them. */
export const SUBMISSION_LABELS: Record<SubmissionState, string> = {
  onTime: ON_TIME_LABEL,
  late: "Nộp muộn",
  notSubmitted: NOT_SUBMITTED_LABEL,
};

/** The key figures the charts compare, with the short names their legends show. */
export const KEY_FIGURES: readonly {
  readonly id: MetricId;
  readonly name: string;
  readonly unit: string;
}[] = [
  { id: "inspections", name: "Cuộc kiểm tra, giám sát", unit: "cuộc" },
  { id: "inspectionVisits", name: "Lượt cơ sở được kiểm tra, giám sát", unit: "lượt" },
  { id: "awards", name: "Lượt khen thưởng", unit: "lượt" },
  { id: "dialogues", name: "Cuộc đối thoại", unit: "cuộc" },
  { id: "trainings", name: "Lớp tập huấn", unit: "lớp" },
];

export interface ChartUnit {
  readonly name: string;
  readonly status: UnitStatus;
  /** Null while the run does not know the unit's submission for the period. */
  readonly submission: SubmissionState | null;
  readonly figures: Figures;
}

export interface ChartsInput {
  readonly period: Period;
  /** Registered units in registry order. */
  readonly units: readonly ChartUnit[];
  /** Q1–Q4 of the report's year, and of the year before (four entries each). */
  readonly quarters: {
    readonly thisYear: readonly Figures[];
    readonly lastYear: readonly Figures[];
  };
}

export interface ChartsOutput {
  /** The data blocks the charts read, as a tab written in the same update. */
  readonly tab: TabContent;
  /** addChart requests for the tab once it has `sheetId`; they go after the tab's own. */
  readonly charts: (sheetId: number) => SheetsRequest[];
}

// Sheets' default row height: charts are sized in pixels, data blocks in rows.
const ROW_PX = 21;
// Label column, five figure columns, a gap, then the charts (left edge at column H):
// 170 + 5 × 90 + 16 + 600 = 1,236 px, on a 1366-pixel laptop screen at 100% zoom.
const WIDTHS = [170, 90, 90, 90, 90, 90, 16] as const;
const CHART_COLUMN = WIDTHS.length;
const CHART_WIDTH = 600;
// Columns under the charts, so the grid reaches as far as they do.
const CHART_COLUMNS = [100, 100, 100, 100, 100, 100] as const;
const PIE_HEIGHT = 320;
const QUARTER_HEIGHT = 280;
// Per unit: five bars and the gap between groups; the title, legend and axis on top.
const BAR_GROUP_PX = 40;
const BAR_CHROME_PX = 130;
const BAR_MAX_HEIGHT = 4000;
const QUARTER_NAMES = ["Quý I", "Quý II", "Quý III", "Quý IV"] as const;

interface Block {
  /** First row of the block (its caption); the chart is anchored beside it. */
  readonly top: number;
  readonly chart: (sheetId: number) => Record<string, unknown>;
  readonly height: number;
}

/**
 * `Biểu đồ`: three kinds of native charts, each beside the block of cells it reads:
 * the reporting rate by status (submissions once known, until then how the units were
 * read), the key figures per unit, and each key figure by quarter, this year beside last.
 */
export function chartsTab(input: ChartsInput): ChartsOutput {
  const rows: CellData[][] = [
    [text(CHARTS_TITLE)],
    [text(`Kỳ báo cáo: ${periodSentence(input.period)}`)],
    [],
  ];
  const formats: BlockFormat[] = [
    block([0, 1], [0, CHART_COLUMN], {
      textFormat: { bold: true, fontSize: 13, foregroundColor: COLORS.title },
    }),
    block([1, 2], [0, CHART_COLUMN], BOLD),
  ];
  const blocks: Block[] = [];

  /** Appends a block: caption, header, body; reserves the rows its chart needs. */
  const addBlock = (
    caption: string,
    header: readonly string[],
    body: readonly (readonly CellData[])[],
    height: number,
    chart: (headerRow: number, end: number) => Block["chart"],
  ) => {
    const top = rows.length;
    const headerRow = top + 1;
    const end = headerRow + 1 + body.length;
    rows.push(
      [text(caption)],
      header.map((h) => text(h)),
      ...body.map((r) => [...r]),
    );
    formats.push(
      block([top, top + 1], [0, CHART_COLUMN], BOLD),
      block([headerRow, headerRow + 1], [0, header.length], HEADER),
      block([headerRow + 1, end], [1, header.length], INTEGER),
    );
    blocks.push({ top, height, chart: chart(headerRow, end) });
    // The next block starts below both this block and its chart, one row apart.
    const chartRows = Math.ceil(height / ROW_PX);
    while (rows.length < Math.max(end, top + chartRows) + 1) rows.push([]);
  };

  const { statuses, submissions } = statusRows(input.units);
  addBlock(
    submissions ? "1. Tình hình nộp báo cáo" : "1. Tình trạng đọc số liệu của các đơn vị",
    ["Tình trạng", "Số đơn vị"],
    statuses.map(([label, count]) => [text(label), num(count)]),
    PIE_HEIGHT,
    (headerRow, end) => (sheetId) => ({
      title: submissions
        ? `Tình hình nộp báo cáo (${input.units.length} đơn vị)`
        : `Tình trạng đọc số liệu (${input.units.length} đơn vị)`,
      ...TITLE_STYLE,
      pieChart: {
        legendPosition: "RIGHT_LEGEND",
        domain: source(sheetId, headerRow + 1, end, 0),
        series: source(sheetId, headerRow + 1, end, 1),
      },
    }),
  );

  const names = KEY_FIGURES.map((k) => k.name);
  addBlock(
    "2. Kết quả chủ yếu theo đơn vị",
    ["Đơn vị", ...names],
    input.units.map((u) => [text(u.name), ...KEY_FIGURES.map((k) => num(u.figures[k.id] ?? 0))]),
    Math.min(
      BAR_MAX_HEIGHT,
      Math.max(PIE_HEIGHT, BAR_CHROME_PX + input.units.length * BAR_GROUP_PX),
    ),
    (headerRow, end) => (sheetId) => ({
      title: "Kết quả chủ yếu theo đơn vị",
      ...TITLE_STYLE,
      basicChart: {
        chartType: "BAR",
        legendPosition: "TOP_LEGEND",
        headerCount: 1,
        axis: [
          { position: "BOTTOM_AXIS", title: "Số lượng", format: AXIS_TEXT },
          { position: "LEFT_AXIS", title: "Đơn vị", format: AXIS_TEXT },
        ],
        domains: [{ domain: source(sheetId, headerRow, end, 0) }],
        series: KEY_FIGURES.map((_, i) => ({
          series: source(sheetId, headerRow, end, i + 1),
          targetAxis: "BOTTOM_AXIS",
        })),
      },
    }),
  );

  const year = reportYear(input.period);
  const label = `Năm ${year}`;
  const lastLabel = `Năm ${year - 1}`;
  formats.push(block([rows.length, rows.length + 1], [0, CHART_COLUMN], BOLD));
  rows.push([text(`3. Kết quả chủ yếu theo quý, năm ${year} so với năm ${year - 1}`)]);
  KEY_FIGURES.forEach((key, k) => {
    addBlock(
      `3.${k + 1}. ${key.name} (${key.unit})`,
      ["Quý", label, lastLabel],
      QUARTER_NAMES.map((q, i) => [
        text(q),
        num(input.quarters.thisYear[i]?.[key.id] ?? 0),
        num(input.quarters.lastYear[i]?.[key.id] ?? 0),
      ]),
      QUARTER_HEIGHT,
      (headerRow, end) => (sheetId) => ({
        // The years are in the section's line above and in the legend: a short title
        // stays on one line of a chart 600 px wide.
        title: `${key.name} theo quý`,
        ...TITLE_STYLE,
        basicChart: {
          chartType: "COLUMN",
          legendPosition: "BOTTOM_LEGEND",
          headerCount: 1,
          axis: [
            { position: "BOTTOM_AXIS", title: "Quý", format: AXIS_TEXT },
            { position: "LEFT_AXIS", title: `Số ${key.unit}`, format: AXIS_TEXT },
          ],
          domains: [{ domain: source(sheetId, headerRow, end, 0) }],
          series: [1, 2].map((c) => ({
            series: source(sheetId, headerRow, end, c),
            targetAxis: "LEFT_AXIS",
          })),
        },
      }),
    );
  });

  return {
    tab: {
      title: CHARTS_TAB,
      rows,
      formats,
      frozenRows: 0,
      columnWidths: [...WIDTHS, ...CHART_COLUMNS],
    },
    charts: (sheetId) =>
      blocks.map((b) => ({
        addChart: {
          chart: {
            spec: b.chart(sheetId),
            position: {
              overlayPosition: {
                anchorCell: { sheetId, rowIndex: b.top, columnIndex: CHART_COLUMN },
                widthPixels: CHART_WIDTH,
                heightPixels: b.height,
              },
            },
          },
        },
      })),
  };
}

/**
 * The figures the quarter charts need: Q1–Q4 of the report's year and of the year before,
 * under the period's rule, each computed by `totalOf` from the same snapshots as the rest.
 */
export function quarterFigures(
  period: Period,
  totalOf: (quarter: Period, index: number) => Figures,
): ChartsInput["quarters"] {
  const { thisYear, lastYear } = chartQuarters(period);
  return {
    thisYear: thisYear.map((q, i) => (q ? totalOf(q, i) : {})),
    lastYear: lastYear.map((q, i) => (q ? totalOf(q, 4 + i) : {})),
  };
}

/** The quarters the charts show: Q1–Q4 of the report's year and of the year before (null:
 * a quarter periods cannot name). `index` of quarterFigures counts them in this order. */
export function chartQuarters(period: Period): {
  readonly thisYear: readonly (Period | null)[];
  readonly lastYear: readonly (Period | null)[];
} {
  const year = reportYear(period);
  const quarters = (y: number) => [1, 2, 3, 4].map((q) => resolvePeriod(`${y}-Q${q}`, period.rule));
  return { thisYear: quarters(year), lastYear: quarters(year - 1) };
}

function reportYear(period: Period): number {
  return parsePeriodId(period.id)?.year ?? Number(period.to.slice(0, 4));
}

/**
 * The sheetId a tab has once `requests` (from planTabs) are applied: its existing id, or
 * the one its addSheet chose. Null if neither names it.
 */
export function plannedSheetId(
  existing: readonly SheetProperties[],
  requests: readonly SheetsRequest[],
  title: string,
): number | null {
  const found = existing.find((s) => foldKey(s.title) === foldKey(title));
  if (found) return found.sheetId;
  for (const r of requests) {
    if ("addSheet" in r && r.addSheet.properties.title === title) {
      return r.addSheet.properties.sheetId ?? null;
    }
  }
  return null;
}

/** The requests that remove the tab's charts from an earlier run (ids from spreadsheets.get). */
export function removeCharts(chartIds: readonly number[]): SheetsRequest[] {
  return chartIds.map((objectId) => ({ deleteEmbeddedObject: { objectId } }));
}

const TITLE_STYLE = { titleTextFormat: { bold: true, fontSize: 14 }, fontName: "Arial" };
const AXIS_TEXT = { fontSize: 11 };

function source(sheetId: number, start: number, end: number, column: number) {
  const range: GridRange = {
    sheetId,
    startRowIndex: start,
    endRowIndex: end,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  };
  return { sourceRange: { sources: [range] } };
}

/**
 * The pie's slices: submission statuses when every unit's is known, else the read
 * statuses (fresh, stale, unreadable, missing) — the rate the run can vouch for.
 */
function statusRows(units: readonly ChartUnit[]): {
  statuses: [string, number][];
  submissions: boolean;
} {
  const submissions = units.length > 0 && units.every((u) => u.submission !== null);
  if (submissions) {
    const keys = Object.keys(SUBMISSION_LABELS) as SubmissionState[];
    return {
      submissions,
      statuses: keys.map((k) => [
        SUBMISSION_LABELS[k],
        units.filter((u) => u.submission === k).length,
      ]),
    };
  }
  const keys = Object.keys(STATUS_LABELS) as UnitStatus[];
  return {
    submissions,
    statuses: keys.map((k) => [STATUS_LABELS[k], units.filter((u) => u.status === k).length]),
  };
}
