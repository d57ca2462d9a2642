import { METRICS, type Metrics } from "../../../shared/metrics.ts";
import type { CellData } from "../../sheets/request-types.ts";
import type { ConsolidationReport, UnitOutcome } from "../model.ts";
import { periodSentence } from "../period-label.ts";
import { block, rowRuns } from "./block-formats.ts";
import {
  BOLD,
  blank,
  COLORS,
  formatVietnamTime,
  HEADER,
  INTEGER,
  num,
  text,
  withNote,
} from "./cells.ts";
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
    [text("TỔNG HỢP KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ")],
    [text(`Kỳ báo cáo: ${periodSentence(report.period)}`)],
    [
      text(
        `Cập nhật lúc ${formatVietnamTime(report.generatedAt)} (giờ Việt Nam). ${outcomes.length} đơn vị: ${counts.fresh} đã cập nhật, ${counts.stale} dùng số liệu cũ, ${counts.unreadable} không đọc được, ${counts.missing} chưa có bảng tính.`,
      ),
    ],
    [],
  ];
  const header = [...SUMMARY_HEADERS, ...METRICS.map((m) => m.label)].map((h) => text(h));
  const unitRows = outcomes.map(unitRow);
  const totalRow = [
    text(TOTAL_LABEL),
    text(""),
    text(`${counts.fresh}/${outcomes.length} đã cập nhật`),
    ...metricCells(report.total),
  ];
  const width = header.length;
  const firstUnit = TITLE_ROWS + 1;
  const totalAt = firstUnit + unitRows.length;
  // Units whose figures are not from this run stand out across their whole row.
  const shaded = rowRuns(
    outcomes.map((o) => STATUS_BACKGROUNDS[o.state.status]),
    firstUnit,
  ).map(({ rows, key }) => block(rows, [0, width], { backgroundColor: key }));
  return {
    title: SUMMARY_TAB,
    rows: [...titleRows, header, ...unitRows, totalRow],
    formats: [
      block([0, 1], [0, 1], TITLE_FORMAT),
      block([1, 2], [0, 1], BOLD),
      block([TITLE_ROWS, TITLE_ROWS + 1], [0, width], HEADER),
      block([firstUnit, totalAt + 1], [SUMMARY_HEADERS.length, width], INTEGER),
      ...shaded,
      block([totalAt, totalAt + 1], [0, width], TOTAL_FORMAT),
    ],
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
  let status = text(statusText(state));
  if (state.error) status = withNote(status, state.error);
  const cells = [text(state.code), text(state.name), status];
  // Units with no figures at all show blanks, not zeros that would look like a report.
  const figures = metrics ? metricCells(metrics) : METRICS.map(() => blank());
  return [...cells, ...figures];
}

function metricCells(metrics: Metrics): CellData[] {
  return METRICS.map((m) => num(metrics[m.id]));
}

function countStatuses(
  outcomes: readonly UnitOutcome[],
): Record<keyof typeof STATUS_LABELS, number> {
  const counts = { fresh: 0, stale: 0, unreadable: 0, missing: 0 };
  for (const o of outcomes) counts[o.state.status]++;
  return counts;
}
