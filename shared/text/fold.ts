/**
 * Text normalisation shared by every comparison the product makes. Staff type on
 * Windows Vietnamese keyboards that emit decomposed (NFD) text and either the old
 * (`Hoà`, `Thuỷ`) or the new (`Hòa`, `Thủy`) tone-mark placement; both must match.
 *
 * Every cell of every unit passes through here, so the common case (short text, already
 * NFC, single spaces) is answered by one scan of the characters, and the full work
 * (`normalize`, regexes) is only done for text that needs it; the folded keys of
 * repeated text (dropdown values, titles, wards) are cached, and one-off text is folded
 * by table (fold-table.ts).
 */
import { isInvisible, isSpace } from "./char-classes.ts";
import { foldByTable, normalizeByTable } from "./fold-table.ts";
import { StringCache } from "./string-cache.ts";

// Characters that take no room on screen: soft hyphen, Mongolian vowel separator, zero
// width space/non-joiner/joiner, left-to-right and right-to-left marks and embeddings,
// word joiner and invisible operators, bidi isolates, byte-order mark. Pasted from the
// web or a PDF, they make "12" unreadable as a number and a dropdown value unmatched.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** The text without invisible characters (codes, numbers, dropdown values as seen). */
export function stripInvisible(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (isInvisible(value.charCodeAt(i))) return value.replace(INVISIBLE, "");
  }
  return value;
}

// Spaces Sheets users produce: ordinary, no-break, and the thin/figure spaces of pasted text.
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu;

/**
 * Matches text that `normalizeText` could change. What it lets through is printable ASCII,
 * Latin-1 to IPA letters (U+0080–U+02FF) and Vietnamese precomposed letters
 * (U+1E00–U+1EFF), none of which NFC changes or combines, with single spaces only between
 * words. Anything else (combining marks, other scripts, no-break, leading, trailing or
 * doubled spaces) takes the full path. One native regex scan: faster than a loop over
 * `charCodeAt` here, and every text cell passes through it. No `u` flag: it makes the
 * scan about twice as slow, and a surrogate half is outside the class all the same.
 */
const MAY_CHANGE =
  /[^ !-~\u0080-\u0084\u0086-\u009f\u00a1-\u00ac\u00ae-\u02ff\u1e00-\u1eff]|^ | $| {2}/;

// Bounded (see StringCache): 10,000 entries hold every dropdown value, alias, title and
// header in all their typed forms plus a unit's repeated texts; at ≤ 128 characters a
// cache stays under ~5 MB.
// Text that needs the long way (other scripts, marks the table does not compose) is
// usually typed the same way again in the next rows.
const normalCache = new StringCache<string>();

/** Invisible characters removed, NFC, trimmed, inner runs of whitespace collapsed to one space. */
export function normalizeText(value: string): string {
  if (!MAY_CHANGE.test(value)) return value;
  // Latin text (typed NFD, stray spaces) by table, anew each time: about as fast as a
  // cache hit, and no one-off text ages through a cache. The rest the long way, cached.
  const byTable = normalizeByTable(value, isNormal, isSpace, isInvisible);
  if (byTable !== undefined) return byTable;
  const cached = normalCache.get(value);
  if (cached !== undefined) return cached;
  const text = normalizeTheLongWay(value);
  normalCache.set(value, text);
  return text;
}

/** The definition of `normalizeText`, for any text. */
function normalizeTheLongWay(value: string): string {
  return stripInvisible(value).normalize("NFC").replace(SPACES, " ").trim();
}

// Whether `normalizeText` leaves a character alone: the fold table's test of clean text.
function isNormal(ch: string): boolean {
  return normalizeTheLongWay(ch) === ch;
}

// The five Vietnamese tone marks as combining characters (after NFD).
function isToneMark(c: number): boolean {
  return c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323;
}

function computeFoldKey(value: string): string {
  // Most text is Latin letters already normal: one table pass, no `normalize`.
  const direct = foldByTable(value, true, isNormal);
  if (direct !== undefined) return direct;
  const text = normalizeText(value);
  return foldByTable(text, false, isNormal) ?? foldTheLongWay(text);
}

/** The definition the table follows, for any normalised text. */
function foldTheLongWay(normal: string): string {
  const text = normal.toLowerCase();
  // One pass over the decomposed text: each word's tone marks go to its end. NFC of the
  // whole equals NFC word by word, as a space composes with nothing.
  const nfd = text.normalize("NFD");
  let out = "";
  let tones = "";
  let from = 0;
  for (let i = 0; i < nfd.length; i++) {
    const c = nfd.charCodeAt(i);
    if (isToneMark(c)) {
      out += nfd.slice(from, i);
      tones += nfd[i];
      from = i + 1;
    } else if (c === 0x20 && tones !== "") {
      out += nfd.slice(from, i) + tones;
      tones = "";
      from = i;
    }
  }
  return (out + nfd.slice(from) + tones).normalize("NFC");
}

const foldCache = new StringCache<string>();

/**
 * A comparison key: equal for two spellings a person would call the same. NFC, case
 * folded, spaces collapsed, invisible characters dropped, and the tone mark of each word
 * moved to the word's end so that old and new placements (`Hoà`/`Hòa`) fold together.
 */
export function foldKey(value: string): string {
  const cached = foldCache.get(value);
  if (cached !== undefined) return cached;
  const key = computeFoldKey(value);
  foldCache.set(value, key);
  return key;
}

/**
 * `foldKey` for a caller that keeps its own map of the texts it has folded (the
 * aggregation, per unit and column): folded by table without passing through the shared
 * cache, where one-off texts (names, decision numbers) would only push out the repeated
 * ones and age through the heap. Text the table does not cover takes `foldKey`.
 */
export function foldKeyOnce(value: string): string {
  return foldByTable(value, true, isNormal) ?? foldKey(value);
}

/** Cell values arrive as anything the Sheets API or Apps Script returns; show them as typed. */
export function displayValue(raw: unknown): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? "" : raw.toISOString();
  try {
    return JSON.stringify(raw) ?? "";
  } catch {
    return String(raw);
  }
}

/** True for a cell a person would call empty (spaces and invisible characters only). */
export function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== "string") return false;
  // NFC never makes a character vanish, so one visible, non-space character is enough.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isSpace(c) && !isInvisible(c)) return false;
  }
  return true;
}
