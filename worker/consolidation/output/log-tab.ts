import { periodName } from "../../../shared/period-names.ts";
import type { CellData } from "../../sheets/request-types.ts";
import type { RunRecord, RunStatus, RunTrigger } from "../model.ts";
import { block, rowRuns } from "./block-formats.ts";
import {
  blank,
  COLORS,
  DATE_TIME,
  dateTime,
  HEADER,
  INTEGER,
  num,
  type Rgb,
  text,
} from "./cells.ts";
import type { TabContent } from "./tab-plan.ts";

export const LOG_TAB = "Nhật ký";
/** How many runs `Nhật ký` keeps (hourly runs: about three weeks). */
export const LOG_RUNS = 500;

export const LOG_HEADERS = [
  "Bắt đầu",
  "Kết thúc",
  "Cách chạy",
  "Kết quả",
  "Kỳ báo cáo",
  "Số đơn vị",
  "Đọc được",
  "Không đọc được",
  "Trong đó dùng số liệu cũ",
  "Chưa có bảng tính",
  "Số dòng hợp lệ",
  "Số dòng lỗi",
  "Số lỗi dữ liệu",
  "Ghi chú",
] as const;

const STATUS: Record<RunStatus, string> = {
  running: "Đang chạy",
  succeeded: "Hoàn thành",
  failed: "Thất bại",
  skipped: "Bỏ qua",
};
const TRIGGER: Record<RunTrigger, string> = { scheduled: "Tự động", api: "Chạy ngay" };

/**
 * One row per run, newest first, the last LOG_RUNS; the runs come from D1, so old rows
 * survive rewrites. Given in any order: ids grow with time.
 */
export function logTab(given: readonly RunRecord[]): TabContent {
  const runs = [...given].sort((a, b) => b.id - a.id).slice(0, LOG_RUNS);
  const rows: CellData[][] = [LOG_HEADERS.map((h) => text(h))];
  for (const run of runs) {
    const c = run.counts;
    const counts =
      run.status === "skipped"
        ? LOG_HEADERS.slice(...COUNT_COLUMNS).map(() => blank())
        : [
            c.unitsTotal,
            c.unitsFresh,
            c.unitsStale + c.unitsUnreadable,
            c.unitsStale,
            c.unitsMissing,
            c.rowsValid,
            c.rowsInvalid,
            c.issues,
          ].map((n) => num(n));
    rows.push([
      dateTime(run.startedAt),
      run.finishedAt ? dateTime(run.finishedAt) : blank(),
      text(TRIGGER[run.trigger]),
      text(STATUS[run.status]),
      run.periodId ? text(periodName({ id: run.periodId })) : blank(),
      ...counts,
      text(run.message ?? ""),
    ]);
  }
  const end = rows.length;
  const width = LOG_HEADERS.length;
  // Failed and skipped runs stand out across their whole row.
  const shaded = rowRuns(
    runs.map((r) => BACKGROUNDS[r.status] ?? null),
    1,
  ).map(({ rows: span, key }) => block(span, [0, width], { backgroundColor: key }));
  return {
    title: LOG_TAB,
    rows,
    formats: [
      block([0, 1], [0, width], HEADER),
      block([1, end], [0, 2], DATE_TIME),
      block([1, end], COUNT_COLUMNS, INTEGER),
      ...shaded,
    ],
    frozenRows: 1,
    columnWidths: [150, 150, 90, 100, 150, 80, 80, 100, 110, 100, 100, 90, 100, 400],
  };
}

// "Số đơn vị" … "Số lỗi dữ liệu", end exclusive.
const COUNT_COLUMNS = [5, 13] as const;
const BACKGROUNDS: Partial<Record<RunStatus, Rgb>> = {
  failed: COLORS.unreadable,
  skipped: COLORS.missing,
};
