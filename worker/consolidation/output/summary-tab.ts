import { formatDateVi } from "../../../shared/cells/dates.ts";
import { percentOf } from "../../../shared/comparison.ts";
import { periodName } from "../../../shared/period-names.ts";
import type { Period } from "../../../shared/periods.ts";
import type { CellData } from "../../sheets/request-types.ts";
import { formatVietnamTime } from "../../time/vietnam-time.ts";
import { periodSentence } from "../period-label.ts";
import { type BlockFormat, block } from "./block-formats.ts";
import { blank, COLORS, HEADER, INTEGER, num, text, WRAP } from "./cells.ts";
import {
  type Figures,
  PERIODLESS_METRICS,
  type ReportLayout,
  type ReportMetric,
  sectionsWithMetrics,
} from "./report-layout.ts";
import type { CellRect, TabContent } from "./tab-plan.ts";

export const SUMMARY_TAB = "Tổng hợp";
export const SUMMARY_TITLE = "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ";
export const SUMMARY_HEADERS = [
  "STT",
  "Chỉ tiêu",
  "Đơn vị tính",
  "Kỳ này",
  "Cùng kỳ năm trước",
  "So sánh (%)",
] as const;
export const PREVIOUS_HEADER = "Kỳ trước";
/** "Trong đó" rows are indented by leading spaces: Sheets has no indent format. */
export const BREAKDOWN_INDENT = "    ";

/** Figures of one earlier period, computed from the same snapshots as this one's. */
export interface ComparedPeriod {
  readonly period: Period;
  readonly total: Figures;
}

export interface SummaryInput {
  readonly layout: ReportLayout;
  readonly period: Period;
  /** ISO instant the figures were put together. */
  readonly generatedAt: string;
  readonly total: Figures;
  readonly samePeriodLastYear: ComparedPeriod;
  /** For quarters and halves only (null otherwise). */
  readonly previousPeriod: ComparedPeriod | null;
  /** One sentence on the units read this run ("6 đơn vị: 4 đã cập nhật, …"). */
  readonly unitsLine: string;
  /** The reporting-rate line ("Đã nộp báo cáo: 4/6 đơn vị (67%), …"); null leaves the row blank. */
  readonly reportingRate: string | null;
}

// Rows above the header: title, period, update time, reporting rate, a blank line.
const HEADER_ROW = 5;
const FIRST_BODY_ROW = HEADER_ROW + 2;
// STT, Chỉ tiêu, Đơn vị tính, Kỳ này, Cùng kỳ, So sánh, Kỳ trước: 1,030 px at most, so
// the table fits a 1366-pixel laptop screen beside Sheets' row numbers and scroll bar.
const WIDTHS = [50, 430, 100, 110, 130, 100, 110] as const;

/**
 * `Tổng hợp` as a Vietnamese report table: province-wide figures only, one section per
 * template, each metric beside the same period last year and, for quarters and halves,
 * the previous period. The units' own figures are in `Theo đơn vị`.
 */
export function summaryTab(input: SummaryInput): TabContent {
  const { layout, previousPeriod } = input;
  const headers = [...SUMMARY_HEADERS, ...(previousPeriod ? [PREVIOUS_HEADER] : [])];
  const width = headers.length;
  const titleRows: CellData[][] = [
    [text(SUMMARY_TITLE)],
    [text(`Kỳ báo cáo: ${periodSentence(input.period)}`)],
    [
      text(
        `Cập nhật lúc ${formatVietnamTime(input.generatedAt)} (giờ Việt Nam). ${input.unitsLine}`,
      ),
    ],
    [input.reportingRate === null ? blank() : text(input.reportingRate)],
    [],
  ];
  const periodRow: CellData[] = [
    blank(),
    blank(),
    blank(),
    text(periodCaption(input.period)),
    text(periodCaption(input.samePeriodLastYear.period)),
    text("Kỳ này so với cùng kỳ"),
    ...(previousPeriod ? [text(periodCaption(previousPeriod.period))] : []),
  ];
  const body: CellData[][] = [];
  const formats: BlockFormat[] = [];
  for (const { section, metrics } of sectionsWithMetrics(layout)) {
    const at = FIRST_BODY_ROW + body.length;
    body.push([text(`${section.numeral}.`), text(section.title.toLocaleUpperCase("vi"))]);
    formats.push(block([at, at + 1], [0, width], SECTION_FORMAT));
    let number = 0;
    for (const metric of metrics) {
      const row = FIRST_BODY_ROW + body.length;
      body.push(metricRow(metric, metric.breakdown ? "-" : String(++number), input));
      if (metric.breakdown) formats.push(block([row, row + 1], [1, 2], BREAKDOWN_FORMAT));
    }
  }
  const end = FIRST_BODY_ROW + body.length;
  // Title lines span the table, so long ones wrap inside it instead of running off-screen.
  const merges: CellRect[] = [0, 1, 2, 3].map((r) => ({ rows: [r, r + 1], columns: [0, width] }));
  return {
    title: SUMMARY_TAB,
    rows: [...titleRows, headers.map((h) => text(h)), periodRow, ...body],
    formats: [
      block([0, 1], [0, width], TITLE_FORMAT),
      block([1, 4], [0, width], { ...WRAP, horizontalAlignment: "CENTER" }),
      block([1, 2], [0, width], { textFormat: { bold: true } }),
      block([HEADER_ROW, FIRST_BODY_ROW], [0, width], HEADER),
      block([HEADER_ROW + 1, FIRST_BODY_ROW], [0, width], PERIOD_CAPTION_FORMAT),
      block([FIRST_BODY_ROW, end], [0, 1], { horizontalAlignment: "CENTER" }),
      block([FIRST_BODY_ROW, end], [1, 2], WRAP),
      block([FIRST_BODY_ROW, end], [2, 3], { horizontalAlignment: "CENTER" }),
      block([FIRST_BODY_ROW, end], [3, width], INTEGER),
      ...formats,
    ],
    merges,
    frozenRows: FIRST_BODY_ROW,
    columnWidths: WIDTHS.slice(0, width),
  };
}

/** `Năm 2025` over its dates, as the column caption under the header. */
export function periodCaption(period: Period): string {
  return `${periodName(period)}\n(${formatDateVi(period.from)} – ${formatDateVi(period.to)})`;
}

function metricRow(metric: ReportMetric, stt: string, input: SummaryInput): CellData[] {
  const current = input.total[metric.id] ?? 0;
  const label = metric.breakdown ? `${BREAKDOWN_INDENT}${metric.label}` : metric.label;
  const cells = [text(stt), text(label), text(metric.unit), num(current)];
  // Rows left out for errors are not a figure of any one period: nothing to compare.
  if (PERIODLESS_METRICS.has(metric.id)) return cells;
  const lastYear = input.samePeriodLastYear.total[metric.id] ?? 0;
  const percent = percentOf(current, lastYear);
  cells.push(num(lastYear), percent === null ? blank() : num(percent));
  if (input.previousPeriod) cells.push(num(input.previousPeriod.total[metric.id] ?? 0));
  return cells;
}

const TITLE_FORMAT = {
  textFormat: { bold: true, fontSize: 13, foregroundColor: COLORS.title },
  horizontalAlignment: "CENTER",
  wrapStrategy: "WRAP",
};
const SECTION_FORMAT = { textFormat: { bold: true }, backgroundColor: COLORS.total };
const BREAKDOWN_FORMAT = { textFormat: { italic: true } };
const PERIOD_CAPTION_FORMAT = { textFormat: { bold: false, italic: true } };
