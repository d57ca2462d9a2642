import { isSheetsApiError } from "../sheets/client.ts";
import type { LockHolder } from "../storage/lock-repository.ts";
import { formatVietnamTime } from "../time/vietnam-time.ts";
import { failureReason } from "./failure-reason.ts";
import { OutputRefusedError } from "./output/write-refusal.ts";
import { LeaseLostError } from "./run-lease.ts";

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

/** Why a run failed: the province's spreadsheet, a lost lease, or a bug. */
export function failedMessage(error: unknown, serviceAccountEmail: string | null): string {
  if (error instanceof LeaseLostError) {
    return "Lượt này đã mất quyền giữ khoá (một lượt khác đã nhận khoá sau khi hết hạn) nên dừng lại và không ghi gì; lượt kia ghi kết quả.";
  }
  if (error instanceof OutputRefusedError) return error.message;
  const reason = failureReason(error, serviceAccountEmail);
  if (!isSheetsApiError(error)) return `Lỗi không mong đợi: ${reason}`;
  // The province's id comes from the Worker's settings, not from a registry row.
  if (error.kind === "not-found") {
    return `Không tìm thấy bảng tính của tỉnh: mã bảng tính sai hoặc bảng tính đã bị xoá. Kiểm tra PROVINCE_SPREADSHEET_ID trong cấu hình Worker (wrangler.toml). (Google: ${error.message.trim()})`;
  }
  // The province is written to, so Viewer (enough for units) is not enough here.
  const editor =
    error.kind === "permission-denied" ? " Bảng tính của tỉnh cần quyền Người chỉnh sửa." : "";
  return `Không đọc/ghi được bảng tính của tỉnh: ${reason}${editor}`;
}

/** The registry could not be used: the province's own problem, reported as such. */
export function registryMessage(reason: string): string {
  return `Không tổng hợp được vì danh sách đơn vị của tỉnh: ${reason} Các trang báo cáo giữ nguyên nội dung của lượt trước.`;
}

/** A unit still unread when the run's time was up. */
export function deadlineReason(deadlineMs: number): string {
  return `Chưa đọc xong khi lượt tổng hợp hết thời gian (${Math.round(deadlineMs / 60_000) || 1} phút): hệ thống sẽ đọc lại ở lần tổng hợp sau.`;
}

export const ABANDONED_RUN =
  "Lượt này đã dừng giữa chừng (Worker bị dừng hoặc quá thời gian) và không ghi kết quả; lượt sau đã đóng dòng này.";

export function joinNotes(...notes: (string | null)[]): string | null {
  const present = notes.filter((n): n is string => n !== null);
  return present.length ? present.join(" ") : null;
}
