/**
 * Google refuses a whole batchUpdate when one cell holds more than 50,000 characters, and
 * the output is ONE batchUpdate: a single over-long value typed by one unit (echoed in
 * `Lỗi dữ liệu`, or a long note in a detail tab) would stop the province's every write.
 * So every text the Worker writes is cut to fit, visibly.
 */
export const MAX_CELL_CHARS = 50_000;

/** What replaces the cut-off end: the reader sees that and how much is missing. */
export function cutMark(removed: number): string {
  return `…(đã cắt ${removed.toLocaleString("en-US").replaceAll(",", ".")} ký tự)`;
}

/**
 * `value` unchanged when it fits in `limit` characters (UTF-16 code units, as Google
 * counts them), else its beginning followed by the cut mark, `limit` characters in all.
 * A surrogate pair is never split (half an emoji would not be valid text).
 */
export function fitText(value: string, limit = MAX_CELL_CHARS): string {
  if (value.length <= limit) return value;
  // The mark's length depends on the count it shows, so settle it: each step only shortens
  // the kept part, and a count gains a digit at most a few times (bounded loop).
  let keep = limit - cutMark(value.length - limit).length;
  for (let step = 0; step < 8; step++) {
    const code = value.charCodeAt(keep - 1);
    if (code >= 0xd800 && code <= 0xdbff) keep--;
    const over = keep + cutMark(value.length - keep).length - limit;
    if (over <= 0) break;
    keep -= over;
  }
  keep = Math.max(0, keep);
  return `${value.slice(0, keep)}${cutMark(value.length - keep)}`;
}
