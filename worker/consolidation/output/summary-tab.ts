import { METRICS, type Metrics } from "../../../shared/metrics.ts";
import type { CellData } from "../../sheets/request-types.ts";
import type { ConsolidationReport, UnitOutcome } from "../model.ts";
import { periodSentence } from "../period-label.ts";
import { BOLD, blank, COLORS, formatVietnamTime, HEADER, num, text, withNote } from "./cells.ts";
import { STATUS_BACKGROUNDS, type STATUS_LABELS, statusText } from "./status-text.ts";
import type { TabContent } from "./tab-plan.ts";

export const SUMMARY_TAB = "Tổng hợp";
export const TOTAL_LABEL = "Toàn tỉnh";
export const SUMMARY_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Tình trạng"] as const;

// Title rows above the header; the header is found by text, as in the templates.
const TITLE_ROWS = 4;

export function summaryTab(report: ReportForSummary): TabContent {
  const { outcomes } = report;
  const counts = countStatuses(outcomes);
  const titleRows: CellData[][] = [
    [text("TỔNG HỢP KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", TITLE_FORMAT)],
    [text(`Kỳ báo cáo: ${periodSentence(report.period)}`, BOLD)],
    [
      text(
        `Cập nhật lúc ${formatVietnamTime(report.generatedAt)} (giờ Việt Nam). ${outcomes.length} đơn vị: ${counts.fresh} đã cập nhật, ${counts.stale} dùng số liệu cũ, ${counts.unreadable} không đọc được, ${counts.missing} chưa có bảng tính.`,
      ),
    ],
    [],
  ];
  const header = [...SUMMARY_HEADERS, ...METRICS.map((m) => m.label)].map((h) => text(h, HEADER));
  const unitRows = outcomes.map(unitRow);
  const totalRow = [
    text(TOTAL_LABEL, TOTAL_FORMAT),
    text("", TOTAL_FORMAT),
    text(`${counts.fresh}/${outcomes.length} đã cập nhật`, TOTAL_FORMAT),
    ...metricCells(report.total, TOTAL_FORMAT),
  ];
  return {
    title: SUMMARY_TAB,
    rows: [...titleRows, header, ...unitRows, totalRow],
    frozenRows: TITLE_ROWS + 1,
    frozenColumns: 2,
    columnWidths: [90, 200, 190, ...METRICS.map(() => 120)],
  };
}

export type ReportForSummary = Pick<
  ConsolidationReport,
  "period" | "generatedAt" | "outcomes" | "total"
>;

const TITLE_FORMAT = { textFormat: { bold: true, fontSize: 14, foregroundColor: COLORS.title } };
const TOTAL_FORMAT = { textFormat: { bold: true }, backgroundColor: COLORS.total };

function unitRow(outcome: UnitOutcome): CellData[] {
  const { state, metrics } = outcome;
  const background = STATUS_BACKGROUNDS[state.status];
  const format = background ? { backgroundColor: background } : {};
  let status = text(statusText(state), format);
  if (state.error) status = withNote(status, state.error);
  const cells = [text(state.code, format), text(state.name, format), status];
  // Units with no figures at all show blanks, not zeros that would look like a report.
  const figures = metrics ? metricCells(metrics, format) : METRICS.map(() => blank(format));
  return [...cells, ...figures];
}

function metricCells(metrics: Metrics, format: Record<string, unknown>): CellData[] {
  return METRICS.map((m) => num(metrics[m.id], format));
}

function countStatuses(
  outcomes: readonly UnitOutcome[],
): Record<keyof typeof STATUS_LABELS, number> {
  const counts = { fresh: 0, stale: 0, unreadable: 0, missing: 0 };
  for (const o of outcomes) counts[o.state.status]++;
  return counts;
}
