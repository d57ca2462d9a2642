import type { ListedRow } from "./detail-tabs.ts";

/**
 * Google refuses a request body over 10 485 760 bytes (400 INVALID_ARGUMENT "Request
 * payload size exceeds the limit"), and all output must go in ONE batchUpdate. 9 MiB
 * leaves 1 MiB for what is not in `requests` (the body's wrapper) and for the notices
 * and the log note added after the measuring, with room to spare.
 */
export const OUTPUT_BUDGET_BYTES = 9 * 1024 * 1024;

/** Bytes on the wire: JSON is sent as UTF-8, and Vietnamese letters take 2-3 bytes each. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/**
 * jsonBytes of an array of requests, one request at a time: the same count without the
 * whole output as one string (which Google's client makes once, to send it).
 */
export function requestsBytes(requests: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, requests.length - 1);
  for (const request of requests) bytes += jsonBytes(request);
  return bytes;
}

/** UTF-8 length of a string, counted rather than encoded (no copy of a large text). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3; // a lone surrogate is encoded as U+FFFD, 3 bytes
  }
  return n;
}

/** What one row adds to the request: its RowData and the comma before the next. */
export function rowBytes(row: ListedRow): number {
  return jsonBytes({ values: row.cells }) + 1;
}

/**
 * How many leading rows each list keeps so that at least `need` bytes go, taken from the
 * largest lists first: every list is cut down to one common size (lists already smaller
 * stay whole), the largest size that frees `need`: `cap` (Infinity when nothing needs to
 * go). `shortfall` is what even emptying every list cannot free. Loops are bounded by the
 * number of lists and rows.
 */
export function capLists(
  lists: readonly (readonly number[])[],
  need: number,
): { kept: number[]; cap: number; shortfall: number } {
  const totals = lists.map((sizes) => sizes.reduce((a, b) => a + b, 0));
  const sum = totals.reduce((a, b) => a + b, 0);
  if (need <= 0) return { kept: lists.map((l) => l.length), cap: Infinity, shortfall: 0 };
  if (need >= sum) return { kept: lists.map(() => 0), cap: 0, shortfall: need - sum };
  const sorted = [...totals].sort((a, b) => b - a);
  let cap = 0;
  let above = 0;
  for (let k = 1; k <= sorted.length; k++) {
    above += sorted[k - 1]!;
    // Cutting the k largest lists to `candidate` bytes frees above - k * candidate >= need.
    const candidate = Math.floor((above - need) / k);
    if (candidate >= (sorted[k] ?? 0)) {
      cap = candidate;
      break;
    }
  }
  return { kept: lists.map((sizes) => keptUnder(sizes, cap)), cap, shortfall: 0 };
}

/** How many leading rows of `sizes` fit in `cap` bytes. */
export function keptUnder(sizes: readonly number[], cap: number): number {
  let bytes = 0;
  let n = 0;
  while (n < sizes.length && bytes + sizes[n]! <= cap) bytes += sizes[n++]!;
  return n;
}
