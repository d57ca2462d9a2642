import { displayValue, foldKey, normalizeText } from "../text/fold.ts";
import { BLANK, type CellResult } from "./result.ts";

// Words and marks offices put in a count cell to mean "none".
const NONE = new Set(["-", "–", "—", "không", "0"]);
// Vietnamese writes thousands with dots (1.500) or spaces (1 500); a comma is a decimal mark.
const GROUPED = /^\d{1,3}([. ]\d{3})+$/;
const HINT = "Hãy nhập số nguyên không âm, ví dụ 12 hoặc 1.500; để trống nếu không có.";

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

/** A count cell: a non-negative whole number; blank, `-` or `không` mean none. */
export function parseCount(raw: unknown): CellResult<number> {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "number") return fromNumber(raw, raw);
  if (typeof raw !== "string") return fail(`"${displayValue(raw)}" không phải số. ${HINT}`);
  const text = normalizeText(raw);
  if (text === "") return BLANK;
  if (isDigits(text)) return fromNumber(Number(text), raw);
  if (NONE.has(foldKey(text))) return counted(0);
  if (GROUPED.test(text)) return fromNumber(Number(text.replace(/[. ]/g, "")), raw);
  if (/^-\s*\d/.test(text)) return fail(`Số lượng không được âm ("${raw}"). ${HINT}`);
  if (/^\d+[,.]\d+$/.test(text)) {
    return fail(`Số lượng phải là số nguyên, không có phần lẻ ("${raw}"). ${HINT}`);
  }
  return fail(`"${raw}" không phải số. ${HINT}`);
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
  if (!Number.isFinite(n)) return fail(`"${typed}" không phải số. ${HINT}`);
  if (n < 0) return fail(`Số lượng không được âm ("${typed}"). ${HINT}`);
  if (!Number.isInteger(n)) {
    return fail(`Số lượng phải là số nguyên, không có phần lẻ ("${typed}"). ${HINT}`);
  }
  return fail(`Số "${typed}" quá lớn. ${HINT}`);
}

function fail(message: string): CellResult<number> {
  return { ok: false, message };
}
