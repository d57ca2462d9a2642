import { formatVietnamTime } from "../time/vietnam-time.ts";

/**
 * What a run of a read cycle says about the cycle (pipeline.ts, run-endings.ts), in
 * D1, `Nhật ký` and /api/runs/latest. Free of Worker types: npm start and the bench read
 * these messages too.
 */

/** Begins the message of a run that stopped before every unit was in (and wrote nothing):
 * tools read it to tell such a run from one that completed its cycle. */
export const RESUMING_PREFIX = "Chưa đọc xong";

/** A run that stopped (deadline) before every unit was in: it wrote nothing, the next
 * run carries on. */
export function resumingMessage(inCount: number, total: number, run: number, maxRuns: number) {
  return `${RESUMING_PREFIX}: đã đọc ${inCount}/${total} đơn vị (lượt ${run} của đợt đọc này), lần chạy sau đọc tiếp ${total - inCount} đơn vị còn lại. Bảng tính của tỉnh và số liệu API giữ nguyên cho đến khi đọc đủ (chậm nhất ở lượt thứ ${maxRuns} thì ghi với các đơn vị chưa đọc được là số liệu cũ).`;
}

/** True for the message of a run that stopped before its cycle was complete. */
export function isResumingMessage(message: string | null): boolean {
  return message?.startsWith(RESUMING_PREFIX) ?? false;
}

/** The run that completed a cycle read over several runs says so in `Nhật ký`. */
export function cycleMessage(runs: number, startedAt: string): string {
  return `Đã đọc đủ các đơn vị qua ${runs} lượt (đợt đọc bắt đầu lúc ${formatVietnamTime(startedAt)}).`;
}

/** In the message of a run that wrote its cycle incomplete (tools look for it). */
const FORCED_MARK = " đơn vị chưa đọc được: kết quả được ghi";

/** The cycle's last allowed run wrote with units still unread. */
export function forcedMessage(notRead: number, runs: number): string {
  return `Sau ${runs} lượt vẫn còn ${notRead}${FORCED_MARK} với các đơn vị này ở trạng thái cũ hoặc không đọc được; lượt sau đọc lại.`;
}

/** True when a run's message (possibly with other notes) says the cycle was written with
 * units unread: tools tell a complete first sync from one cut by the bound. */
export function isForcedMessage(message: string | null): boolean {
  return message?.includes(FORCED_MARK) ?? false;
}
