import { formatVietnamTime } from "../../time/vietnam-time.ts";
import type { UnitState, UnitStatus } from "../model.ts";
import { COLORS, type Rgb } from "./cells.ts";

export const STATUS_LABELS: Record<UnitStatus, string> = {
  fresh: "Đã cập nhật",
  stale: "Số liệu cũ",
  unreadable: "Không đọc được",
  missing: "Chưa có bảng tính",
};

/** Rows of units whose figures are not from this run stand out in `Tổng hợp`. */
export const STATUS_BACKGROUNDS: Record<UnitStatus, Rgb | null> = {
  fresh: null,
  stale: COLORS.stale,
  unreadable: COLORS.unreadable,
  missing: COLORS.missing,
};

/**
 * The `Tình trạng` cell: the status; for old figures when they were read; for a unit that
 * Drive showed unchanged (fresh, kept without a read: its read time is older than its
 * check) since when its figures stand.
 */
export function statusText(state: UnitState): string {
  if (state.status === "stale" && state.readAt) {
    return `${STATUS_LABELS.stale} (đọc lúc ${formatVietnamTime(state.readAt)})`;
  }
  if (state.status === "fresh" && state.readAt && state.readAt !== state.checkedAt) {
    return `${STATUS_LABELS.fresh} (không đổi từ lần đọc ${formatVietnamTime(state.readAt)})`;
  }
  return STATUS_LABELS[state.status];
}
