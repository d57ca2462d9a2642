/** What a run that finds nothing new says and how long it may go without writing
 * (province-inputs.ts decides; output/log-tab.ts folds such runs into one row). */

/** A run that finds nothing new still writes `Nhật ký` (alone, a few KB) when the last
 * write is this old, so the office sees that runs go on; the report tabs, which would say
 * the same, are written again at the latest on the next Vietnam day. */
export const QUIET_MAX_MS = 60 * 60_000;

/** Said in D1 and /api/runs/latest by a run that found nothing to write. */
export const QUIET_MESSAGE =
  "Không có thay đổi nào kể từ lần ghi trước: bảng tính của tỉnh không cần ghi lại.";
