import type { IsoDate } from "../schema/template.ts";
import { displayValue, normalizeText } from "../text/fold.ts";
import { StringCache } from "../text/string-cache.ts";
import {
  END_SERIAL,
  MAX_YEAR,
  MIN_SERIAL,
  MIN_YEAR,
  makeDate,
  serialToIsoDate,
  splitIsoDate,
} from "./dates.ts";
import { BLANK, type CellResult } from "./result.ts";

// After normalizeText a space is single, so " ?" allows "05 / 06 / 2026".
const DAY_FIRST = /^(\d{1,2}) ?[/-] ?(\d{1,2}) ?[/-] ?(\d{4})$/;
const YEAR_FIRST = /^(\d{4}) ?- ?(\d{1,2}) ?- ?(\d{1,2})$/;
// One frozen result per day of the allowed years (≈ 37,000 at most), as for the strings.
const serialResults: (CellResult<IsoDate> | undefined)[] = [];
// Dates typed as text, by the text as typed: a unit types the same few hundred days, each
// read once (no regex, no Date).
const typedResults = new StringCache<CellResult<IsoDate>>(2_000, 40);
const FORMAT_HINT = "Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 05/06/2026.";

/**
 * A date cell: a Sheets serial number, or text in the forms offices type
 * (`05/06/2026`, `5/6/2026`, `05-06-2026`, `2026-06-05`); day first, never month first.
 * Blank is null.
 */
export function parseDate(raw: unknown): CellResult<IsoDate> {
  if (typeof raw === "number") {
    if (raw >= MIN_SERIAL && raw < END_SERIAL) {
      const at = Math.floor(raw) - MIN_SERIAL;
      let result = serialResults[at];
      if (result === undefined) {
        result = Object.freeze({ ok: true as const, value: serialToIsoDate(raw) });
        serialResults[at] = result;
      }
      return result;
    }
    if (!Number.isFinite(raw)) return fail(`Giá trị "${displayValue(raw)}" không phải ngày.`);
    const [year] = splitIsoDate(serialToIsoDate(raw));
    return yearOutOfRange(year, displayValue(raw));
  }
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw !== "string") {
    return fail(`Giá trị "${displayValue(raw)}" không phải ngày. ${FORMAT_HINT}`);
  }
  const known = typedResults.get(raw);
  if (known !== undefined) return known;
  const text = normalizeText(raw);
  if (text === "") return BLANK;
  const dayFirst = DAY_FIRST.exec(text);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(text);
  const parts = dayFirst
    ? { d: dayFirst[1], m: dayFirst[2], y: dayFirst[3] }
    : yearFirst
      ? { y: yearFirst[1], m: yearFirst[2], d: yearFirst[3] }
      : null;
  if (!parts) return fail(`"${raw}" không đúng định dạng ngày. ${FORMAT_HINT}`);
  const y = Number(parts.y);
  const m = Number(parts.m);
  const d = Number(parts.d);
  if (y < MIN_YEAR || y > MAX_YEAR) return yearOutOfRange(y, raw);
  const date = makeDate(y, m, d);
  if (!date) {
    const why = m < 1 || m > 12 ? `không có tháng ${m}` : `tháng ${m}/${y} không có ngày ${d}`;
    return fail(`Ngày "${raw}" không tồn tại (${why}). Hãy sửa lại cho đúng ngày thực tế.`);
  }
  const result = Object.freeze({ ok: true as const, value: date });
  typedResults.set(raw, result);
  return result;
}

function yearOutOfRange(year: number, shown: string): CellResult<IsoDate> {
  return fail(
    `Ngày "${shown}" có năm ${year}, nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}. ${FORMAT_HINT}`,
  );
}

function fail(message: string): CellResult<IsoDate> {
  return { ok: false, message };
}
