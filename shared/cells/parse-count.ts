import { displayValue, foldKey, normalizeText } from "../text/fold.ts";
import { BLANK, type CellResult } from "./result.ts";

// Words and marks offices put in a count cell to mean "none".
const NONE = new Set(["-", "–", "—", "không", "0"]);
// Vietnamese writes thousands with dots (1.500) or spaces (1 500); a comma is a decimal mark.
const GROUPED = /^\d{1,3}([. ]\d{3})+$/;

/**
 * The rule for a count cell in one sentence, the same words everywhere staff read it: the
 * end of every count message here (so the data check and the Worker), the sheet's
 * validation help, the count columns' notes (the form's hint) and the guide.
 */
export const COUNT_RULE =
  'Nhập số nguyên không âm, ví dụ 12, 1.500 hoặc 1 500; không có thì để trống, ghi "-" hoặc "không".';

// One frozen result per small count, made when first read: most count cells are below
// this, and then reading one allocates nothing.
const SMALL = 4096;
const smallResults: (CellResult<number> | undefined)[] = [];

function counted(n: number): CellResult<number> {
  // -0 keeps its own result, as it always had.
  if (n >= SMALL || 1 / n < 0) return { ok: true, value: n };
  let result = smallResults[n];
  if (result === undefined) {
    result = Object.freeze({ ok: true as const, value: n });
    smallResults[n] = result;
  }
  return result;
}

/** A count cell: a non-negative whole number (`COUNT_RULE`); blank, `-` or `không` mean none. */
export function parseCount(raw: unknown): CellResult<number> {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "number") return fromNumber(raw, raw);
  if (typeof raw !== "string") return fail(`"${displayValue(raw)}" không phải số. ${COUNT_RULE}`);
  const text = normalizeText(raw);
  if (text === "") return BLANK;
  if (isDigits(text)) return fromNumber(Number(text), raw);
  if (NONE.has(foldKey(text))) return counted(0);
  if (GROUPED.test(text)) return fromNumber(Number(text.replace(/[. ]/g, "")), raw);
  if (/^-\s*\d/.test(text)) return fail(`Số lượng không được âm ("${raw}"). ${COUNT_RULE}`);
  if (/^\d+[,.]\d+$/.test(text)) {
    return fail(`Số lượng phải là số nguyên, không có phần lẻ ("${raw}"). ${COUNT_RULE}`);
  }
  return fail(`"${raw}" không phải số. ${COUNT_RULE}`);
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

/** `shown` is the cell as typed, turned into text only for a message. */
function fromNumber(n: number, shown: unknown): CellResult<number> {
  if (Number.isSafeInteger(n) && n >= 0) return counted(n);
  const typed = displayValue(shown);
  if (!Number.isFinite(n)) return fail(`"${typed}" không phải số. ${COUNT_RULE}`);
  if (n < 0) return fail(`Số lượng không được âm ("${typed}"). ${COUNT_RULE}`);
  if (!Number.isInteger(n)) {
    return fail(`Số lượng phải là số nguyên, không có phần lẻ ("${typed}"). ${COUNT_RULE}`);
  }
  return fail(`Số "${typed}" quá lớn. ${COUNT_RULE}`);
}

function fail(message: string): CellResult<number> {
  return { ok: false, message };
}
