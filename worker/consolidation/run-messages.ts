import { isSheetsApiError } from "../sheets/client.ts";
import type { LockHolder } from "../storage/lock-repository.ts";
import { formatVietnamTime } from "../time/vietnam-time.ts";
import { failureReason } from "./failure-reason.ts";

/**
 * The Vietnamese sentences a run leaves in D1, `Nhật ký` and /api/runs/latest about
 * itself (what a unit's row says is the output's business).
 */

/** `run-12` → `lượt số 12`: the holder as the run log names runs. */
export function describeHolder(holder: string): string {
  const id = /^run-(\d+)$/.exec(holder)?.[1];
  return id ? `lượt số ${id}` : holder;
}

export function skippedMessage(holder: LockHolder): string {
  return `Bỏ qua: một lượt tổng hợp khác (${describeHolder(holder.holder)}, bắt đầu lúc ${formatVietnamTime(holder.acquiredAt)}) đang chạy; lượt này không ghi gì để tránh ghi chồng.`;
}

export function waitedMessage(holder: LockHolder, waitedMs: number): string {
  return `Lượt này đã chờ ${Math.round(waitedMs / 1000)} giây cho ${describeHolder(holder.holder)} (bắt đầu lúc ${formatVietnamTime(holder.acquiredAt)}) chạy xong rồi mới bắt đầu.`;
}

/** Why a run failed: the province's spreadsheet, or a bug. */
export function failedMessage(error: unknown, serviceAccountEmail: string | null): string {
  const reason = failureReason(error, serviceAccountEmail);
  if (!isSheetsApiError(error)) return `Lỗi không mong đợi: ${reason}`;
  // The province is written to, so Viewer (enough for units) is not enough here.
  const editor =
    error.kind === "permission-denied" ? " Bảng tính của tỉnh cần quyền Người chỉnh sửa." : "";
  return `Không đọc/ghi được bảng tính của tỉnh: ${reason}${editor}`;
}

export function joinNotes(...notes: (string | null)[]): string | null {
  const present = notes.filter((n): n is string => n !== null);
  return present.length ? present.join(" ") : null;
}
