import { MAX_CELL_CHARS } from "./cell-limit.ts";
import { formatCount } from "./shortening-notices.ts";

/**
 * Why Google refused the province's one output write (400 INVALID_ARGUMENT), in words the
 * office and whoever maintains the Worker can act on, with Google's message kept. The
 * output is built to stay inside every limit named here, so this names a bug or a limit
 * Google changed, never "check the tab names" when no tab name is involved.
 */
export function describeRefusedWrite(googleMessage: string, requestBytes: number): string {
  const size = `${formatCount(Math.round(requestBytes / 1024))} KB`;
  const cause = CAUSES.find((c) => c.pattern.test(googleMessage));
  const what = cause
    ? cause.text(size)
    : `Google Sheets từ chối lần ghi kết quả (${size}) vì dữ liệu không hợp lệ.`;
  return `${what} Các trang kết quả giữ nguyên nội dung của lượt trước. (Google: ${googleMessage.trim()})`;
}

const CAUSES: readonly { pattern: RegExp; text: (size: string) => string }[] = [
  {
    pattern: /characters in a single cell/i,
    text: () =>
      `Google Sheets từ chối lần ghi kết quả vì có ô dài quá ${formatCount(MAX_CELL_CHARS)} ký tự (giới hạn của một ô).`,
  },
  {
    pattern: /payload size exceeds|request payload|too large/i,
    text: (size) =>
      `Google Sheets từ chối lần ghi kết quả vì quá lớn (${size}; giới hạn khoảng 10 MB một lần ghi).`,
  },
  {
    pattern: /above the limit of \d+ cells|10000000 cells|maximum number of cells/i,
    text: () =>
      "Google Sheets từ chối lần ghi kết quả vì bảng tính của tỉnh vượt giới hạn 10 triệu ô: hãy xoá bớt các trang không dùng trong bảng tính của tỉnh.",
  },
  {
    pattern: /protected|merge|frozen/i,
    text: () =>
      "Google Sheets từ chối lần ghi kết quả vì định dạng các trang kết quả (ô gộp, vùng cố định hoặc vùng được bảo vệ) xung đột với thay đổi tay: hãy xoá các trang kết quả để lượt sau tạo lại.",
  },
];

/** The output write was refused by Google; `message` is describeRefusedWrite's sentence. */
export class OutputRefusedError extends Error {
  override readonly name = "OutputRefusedError";
}
