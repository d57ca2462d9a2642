import type { CellData } from "../../sheets/request-types.ts";
import type { RunRecord, RunStatus, RunTrigger } from "../../storage/types.ts";
import { periodName } from "../period-label.ts";
import { blank, COLORS, dateTime, HEADER, num, text } from "./cells.ts";
import type { TabContent } from "./tab-plan.ts";

export const LOG_TAB = "Nhật ký";
/** How many runs `Nhật ký` keeps (hourly runs: about six weeks). */
export const LOG_RUNS = 1000;

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

/** One row per run, oldest first; the runs come from D1, so old rows survive rewrites. */
export function logTab(runs: readonly RunRecord[]): TabContent {
  const rows: CellData[][] = [LOG_HEADERS.map((h) => text(h, HEADER))];
  for (const run of runs) {
    const c = run.counts;
    const format =
      run.status === "failed"
        ? { backgroundColor: COLORS.unreadable }
        : run.status === "skipped"
          ? { backgroundColor: COLORS.missing }
          : {};
    const skipped = run.status === "skipped";
    const counts = skipped
      ? LOG_HEADERS.slice(5, 13).map(() => blank(format))
      : [
          c.unitsTotal,
          c.unitsFresh,
          c.unitsStale + c.unitsUnreadable,
          c.unitsStale,
          c.unitsMissing,
          c.rowsValid,
          c.rowsInvalid,
          c.issues,
        ].map((n) => num(n, format));
    rows.push([
      dateTime(run.startedAt, format),
      run.finishedAt ? dateTime(run.finishedAt, format) : blank(format),
      text(TRIGGER[run.trigger], format),
      text(STATUS[run.status], format),
      run.periodId ? text(periodName({ id: run.periodId }), format) : blank(format),
      ...counts,
      text(run.message ?? "", format),
    ]);
  }
  return {
    title: LOG_TAB,
    rows,
    frozenRows: 1,
    columnWidths: [150, 150, 90, 100, 150, 80, 80, 100, 110, 100, 100, 90, 100, 400],
  };
}
