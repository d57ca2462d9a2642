import type { Issue } from "../../../shared/issue.ts";
import { periodName } from "../../../shared/period-names.ts";
import type { Period } from "../../../shared/periods.ts";
import {
  composeReport,
  WORDING_TAB,
  type WordingRow,
} from "../../../shared/report-text/compose-report.ts";
import type {
  ReportFigures,
  ReportingRate,
  UnitReadCounts,
} from "../../../shared/report-text/report-values.ts";
import { formatVietnamTime } from "../../time/vietnam-time.ts";
import { periodSentence } from "../period-label.ts";
import { block } from "./block-formats.ts";
import { COLORS, text } from "./cells.ts";
import type { TabContent } from "./tab-plan.ts";

export const REPORT_TEXT_TAB = "Báo cáo";
export const REPORT_TEXT_TITLE = "DỰ THẢO PHẦN SỐ LIỆU BÁO CÁO KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ";

export interface ReportTextInput {
  readonly period: Period;
  /** The figures of `Tổng hợp`: the period, the same period last year, the previous one
   * (null for years and nine months). */
  readonly total: ReportFigures;
  readonly lastYear: ReportFigures;
  readonly previous: ReportFigures | null;
  /** How this run read the units, by status. */
  readonly units: UnitReadCounts;
  /** Null while the run does not know the units' submissions. */
  readonly reportingRate: ReportingRate | null;
  /** ISO instant the figures were put together. */
  readonly generatedAt: string;
  /** The rows of the province's `Mẫu báo cáo` (readWordingRows), or null without that tab. */
  readonly wording: readonly WordingRow[] | null;
}

export interface ReportTextOutput {
  readonly tab: TabContent;
  /** Placeholders that could not be filled: the province's warnings for `Lỗi dữ liệu`. */
  readonly problems: readonly Issue[];
}

// Title, period, where the wording came from, a blank line; then one paragraph per row.
const FIRST_PARAGRAPH_ROW = 4;
// One wide column: about 120 characters a line at 11 pt, the width of a printed page's
// text, and within a 1366-pixel laptop screen beside Sheets' row numbers.
const WIDTH = 900;

/**
 * `Báo cáo`: the figures section of the periodic report, drafted in words from the same
 * figures as `Tổng hợp`, for the office to copy into its document. One paragraph per row,
 * wrapped in one wide column; the wording is the province's `Mẫu báo cáo` if it has any
 * paragraph, else the built-in one.
 */
export function reportTextTab(input: ReportTextInput): ReportTextOutput {
  const { period, total, lastYear, previous, units, reportingRate } = input;
  const facts = {
    period,
    periodName: periodName(period),
    total,
    lastYear,
    previous,
    units,
    reportingRate,
  };
  const report = composeReport(facts, input.wording);
  const source =
    report.wording === "custom"
      ? `Lời văn theo trang "${WORDING_TAB}" của tỉnh (mỗi dòng một đoạn).`
      : `Lời văn mẫu của hệ thống. Muốn dùng lời văn riêng, ghi mỗi đoạn vào một dòng của trang "${WORDING_TAB}", với các trường như {inspections}, {inspections.change}, {from}, {to}, {submitted}.`;
  const end = FIRST_PARAGRAPH_ROW + report.paragraphs.length;
  return {
    tab: {
      title: REPORT_TEXT_TAB,
      rows: [
        [text(REPORT_TEXT_TITLE)],
        [text(`Kỳ báo cáo: ${periodSentence(input.period)}`)],
        [
          text(
            `Số liệu cập nhật lúc ${formatVietnamTime(input.generatedAt)} (giờ Việt Nam), cùng số liệu với trang "Tổng hợp". ${source}`,
          ),
        ],
        [],
        ...report.paragraphs.map((p) => [text(p)]),
      ],
      formats: [
        block([0, end], [0, 1], {
          wrapStrategy: "WRAP",
          verticalAlignment: "TOP",
          textFormat: { fontSize: 11 },
        }),
        block([0, 1], [0, 1], {
          textFormat: { bold: true, fontSize: 13, foregroundColor: COLORS.title },
          horizontalAlignment: "CENTER",
        }),
        block([1, 2], [0, 1], { textFormat: { bold: true }, horizontalAlignment: "CENTER" }),
        block([2, 3], [0, 1], {
          textFormat: { italic: true, fontSize: 10 },
          horizontalAlignment: "CENTER",
        }),
        block([FIRST_PARAGRAPH_ROW, end], [0, 1], { horizontalAlignment: "LEFT" }),
      ],
      frozenRows: 0,
      columnWidths: [WIDTH],
    },
    problems: report.problems,
  };
}
