import { periodName } from "../../../shared/period-names.ts";
import type { CellData } from "../../sheets/request-types.ts";
import { formatVietnamTime } from "../../time/vietnam-time.ts";
import type { RunRecord, RunStatus, RunTrigger } from "../model.ts";
import { QUIET_MESSAGE } from "../quiet-run.ts";
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
/**
 * How many of the latest runs `Nhật ký` is built from: a week of 5-minute runs. Most of
 * them find nothing new and collapse into one row (see collapseQuietRuns).
 */
export const LOG_RUNS = 2_016;
/** Rows `Nhật ký` shows at most under its header, newest first. */
export const LOG_ROWS = 500;

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
 * One row per run, newest first, from the last LOG_RUNS runs, at most LOG_ROWS rows; the
 * runs come from D1, so old rows survive rewrites. Given in any order: ids grow with time.
 * A stretch of runs that found nothing new is one row (collapseQuietRuns).
 */
export function logTab(given: readonly RunRecord[]): TabContent {
  const sorted = [...given].sort((a, b) => b.id - a.id).slice(0, LOG_RUNS);
  const entries = collapseQuietRuns(sorted).slice(0, LOG_ROWS);
  const rows: CellData[][] = [LOG_HEADERS.map((h) => text(h))];
  for (const { run, oldest, count } of entries) {
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
      dateTime(oldest.startedAt),
      run.finishedAt ? dateTime(run.finishedAt) : blank(),
      text(TRIGGER[run.trigger]),
      text(STATUS[run.status]),
      run.periodId ? text(periodName({ id: run.periodId })) : blank(),
      ...counts,
      text(count > 1 ? quietStretchNote(count, oldest, run) : (run.message ?? "")),
    ]);
  }
  const runs = entries.map((e) => e.run);
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

/** A row of `Nhật ký`: one run, or `count` quiet runs from `oldest` to `run` (the newest). */
export interface LogEntry {
  readonly run: RunRecord;
  readonly oldest: RunRecord;
  readonly count: number;
}

/**
 * Runs newest first, with each stretch of consecutive runs that found nothing new (the
 * 5-minute cron's usual run: same trigger, period and counts, no other note) as one entry,
 * so the runs that did something stay in view instead of drowning among a dozen an hour.
 */
export function collapseQuietRuns(newestFirst: readonly RunRecord[]): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const run of newestFirst) {
    const last = entries.at(-1);
    if (last && isQuiet(run) && isQuiet(last.oldest) && sameStretch(last.oldest, run)) {
      entries[entries.length - 1] = { run: last.run, oldest: run, count: last.count + 1 };
    } else {
      entries.push({ run, oldest: run, count: 1 });
    }
  }
  return entries;
}

function isQuiet(run: RunRecord): boolean {
  return run.status === "succeeded" && run.message === QUIET_MESSAGE;
}

function sameStretch(a: RunRecord, b: RunRecord): boolean {
  return (
    a.trigger === b.trigger &&
    a.periodId === b.periodId &&
    JSON.stringify(a.counts) === JSON.stringify(b.counts)
  );
}

function quietStretchNote(count: number, oldest: RunRecord, newest: RunRecord): string {
  const from = formatVietnamTime(oldest.startedAt);
  const to = formatVietnamTime(newest.finishedAt ?? newest.startedAt);
  return `${count} lượt liền nhau không có thay đổi (từ ${from} đến ${to}): bảng tính của tỉnh không cần ghi lại.`;
}
