/**
 * `foldKey` by table, for text written in the Latin letters Vietnamese uses: one pass over
 * the characters, each looked up once, instead of lower-casing, decomposing (NFD),
 * moving tone marks and composing again (NFC) over the whole text. A one-off text (a
 * name, a decision number) is folded this way; anything the table does not cover goes
 * the long way (`undefined` here), so the table only has to be right where it answers.
 *
 * The table is built from the same definition the long way uses (`toLowerCase`,
 * `normalize`), one character at a time, so it cannot drift from it.
 */

// The five Vietnamese tone marks as combining characters (after NFD), numbered from 1.
// Vowel-quality marks (circumflex U+0302, breve U+0306, horn U+031B) are letters, not tones.
export const TONE_MARKS = [0x300, 0x301, 0x303, 0x309, 0x323] as const;

// Covered: U+0000–U+02FF (Latin, Latin-1, Latin Extended-A/B, IPA, spacing modifiers) and
// U+1E00–U+1EFF (Latin Extended Additional: every precomposed Vietnamese letter). Each is
// a starter that composes with nothing before it, so texts can be folded letter by letter.
const LOW_END = 0x300;
const EXTENDED_FROM = 0x1e00;
const EXTENDED_END = 0x1f00;
const SIZE = LOW_END + EXTENDED_END - EXTENDED_FROM;

// Longer texts go the long way: they are rare in fold columns, and the scratch is fixed.
const LONGEST = 1024;

interface Table {
  /** Lower case without its tone mark (NFC, one code unit), 0 for "not covered". */
  readonly base: Uint16Array;
  /** The character's tone mark (index in TONE_MARKS + 1), 0 for none. */
  readonly tone: Uint8Array;
  /** 1 when `normalizeText` leaves the character as it is (spaces aside). */
  readonly clean: Uint8Array;
}

let table: Table | undefined;
const scratch = new Uint16Array(LONGEST);
// Plain arrays of each length up to SHORT, made once each, to pass the codes to
// `fromCharCode`: given a typed array (or an array made per text) it copies them first.
const SHORT = 128;
const byLength: number[][] = [];
// (last letter × 8 + tone) → the letter with the tone composed, -1 when NFC leaves the mark
// after it (a word ending in a digit or punctuation), -2 when neither (the long way).
const composed = new Map<number, number>();

function slotOf(c: number): number {
  if (c < LOW_END) return c;
  return c >= EXTENDED_FROM && c < EXTENDED_END ? c - EXTENDED_FROM + LOW_END : -1;
}

function build(isClean: (ch: string) => boolean): Table {
  const base = new Uint16Array(SIZE);
  const tone = new Uint8Array(SIZE);
  const clean = new Uint8Array(SIZE);
  for (let slot = 0; slot < SIZE; slot++) {
    const ch = String.fromCharCode(slot < LOW_END ? slot : slot - LOW_END + EXTENDED_FROM);
    clean[slot] = isClean(ch) ? 1 : 0;
    // Lower-casing one character equals lower-casing it in a text here: the one
    // context-dependent rule (final sigma) is Greek, and İ (two code units) is left out.
    const lower = ch.toLowerCase();
    if (lower.length !== 1) continue;
    let rest = "";
    let tones = 0;
    for (const d of lower.normalize("NFD")) {
      const at = TONE_MARKS.indexOf(d.charCodeAt(0) as (typeof TONE_MARKS)[number]);
      if (at >= 0) {
        tone[slot] = at + 1;
        tones++;
      } else rest += d;
    }
    const letter = rest.normalize("NFC");
    // Two tone marks on one letter (ṍ) or a base that is not one character: the long way.
    if (tones > 1 || letter.length !== 1 || letter === "\0") continue;
    base[slot] = letter.charCodeAt(0);
  }
  return { base, tone, clean };
}

/** `out[n - 1]` with tone `k` composed onto it: the new length, or -1 for the long way. */
function attachTone(out: Uint16Array, n: number, k: number): number {
  const last = out[n - 1] as number;
  const key = last * 8 + k;
  let code = composed.get(key);
  if (code === undefined) {
    const mark = String.fromCharCode(TONE_MARKS[k - 1] as number);
    const letter = String.fromCharCode(last);
    const nfc = (letter + mark).normalize("NFC");
    code = nfc.length === 1 ? nfc.charCodeAt(0) : nfc === letter + mark ? -1 : -2;
    composed.set(key, code);
  }
  if (code === -2) return -1;
  if (code === -1) {
    out[n] = TONE_MARKS[k - 1] as number;
    return n + 1;
  }
  out[n - 1] = code;
  return n;
}

/**
 * The fold key of `text` (lower case, each word's tone mark moved to the word's end, NFC),
 * or `undefined` when the table cannot tell: a character it does not cover, two tone
 * marks in one word, or, with `mustBeNormal`, text that `normalizeText` would change
 * (leading, trailing or doubled spaces, other spaces, invisible characters). Without
 * `mustBeNormal`, `text` must already be normalised.
 */
export function foldByTable(
  text: string,
  mustBeNormal: boolean,
  isClean: (ch: string) => boolean,
): string | undefined {
  const len = text.length;
  if (len > LONGEST) return undefined;
  table ??= build(isClean);
  const { base, tone: tones, clean } = table;
  // Lower-cased whole first, as the long way does: natively, and into a flat string, which
  // the loop below reads far faster than text built of joined pieces. The table then sees
  // lower case only (a letter that lower-cases to two, İ, goes the long way).
  const lower = text.toLowerCase();
  if (lower.length !== len) return undefined;
  const out = scratch;
  let n = 0;
  // The pending tone mark of the word in hand (0: none yet).
  let tone = 0;
  let afterSpace = true;
  for (let i = 0; i < len; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x20) {
      if (mustBeNormal && afterSpace) return undefined;
      if (tone !== 0) {
        n = attachTone(out, n, tone);
        if (n < 0) return undefined;
        tone = 0;
      }
      out[n++] = 0x20;
      afterSpace = true;
      continue;
    }
    const slot = slotOf(c);
    if (slot < 0) return undefined;
    const letter = base[slot] as number;
    if (letter === 0 || (mustBeNormal && clean[slot] === 0)) return undefined;
    const k = tones[slot] as number;
    if (k !== 0) {
      if (tone !== 0) return undefined;
      tone = k;
    }
    out[n++] = letter;
    afterSpace = false;
  }
  if (mustBeNormal && afterSpace && len > 0) return undefined;
  if (tone !== 0) {
    n = attachTone(out, n, tone);
    if (n < 0) return undefined;
  }
  return textOf(out, n);
}

/** The text of `out[0, n)`. */
function textOf(out: Uint16Array, n: number): string {
  if (n > SHORT) return String.fromCharCode.apply(null, Array.from(out.subarray(0, n)));
  let codes = byLength[n];
  if (codes === undefined) {
    codes = new Array<number>(n).fill(0);
    byLength[n] = codes;
  }
  for (let i = 0; i < n; i++) codes[i] = out[i] as number;
  return String.fromCharCode.apply(null, codes);
}

// The combining marks Vietnamese is typed with when decomposed (NFD): the five tones and
// circumflex, breve, horn. Text with any other mark goes the long way.
const VIETNAMESE_MARKS = new Set([...TONE_MARKS, 0x302, 0x306, 0x31b]);
// (letter, first mark, second mark) → NFC of the three, built when first met.
const clusters = new Map<number, string>();

function clusterKey(letter: number, first: number, second: number): number {
  return letter * 2 ** 14 + (first - 0x2ff) * 2 ** 7 + (second === 0 ? 0 : second - 0x2ff);
}

/**
 * `normalizeText` by table for text in the letters the fold table covers, typed
 * decomposed (NFD) or with invisible characters and stray spaces: each letter with the
 * (at most two) Vietnamese marks after it composed as `normalize("NFC")` composes that
 * cluster, invisible characters dropped, spaces collapsed and trimmed. `undefined` for
 * anything else. A text's NFC is its clusters' NFC one after the other: a letter composes
 * with the marks after it, never with the letter before.
 */
export function normalizeByTable(
  text: string,
  isClean: (ch: string) => boolean,
  isSpace: (c: number) => boolean,
  isInvisible: (c: number) => boolean,
): string | undefined {
  const len = text.length;
  if (len > LONGEST) return undefined;
  table ??= build(isClean);
  const { base, clean } = table;
  const out = scratch;
  let n = 0;
  let space = false;
  // The cluster in hand: where its letter is in `out` (-1: marks without a letter) and
  // its marks (0: none).
  let letterAt = -1;
  let first = 0;
  let second = 0;
  const close = (): boolean => {
    if (first === 0) return true;
    const letter = letterAt >= 0 ? (out[letterAt] as number) : 0;
    const key = clusterKey(letter, first, second);
    let nfc = clusters.get(key);
    if (nfc === undefined) {
      const marks = String.fromCharCode(first) + (second === 0 ? "" : String.fromCharCode(second));
      nfc = ((letter === 0 ? "" : String.fromCharCode(letter)) + marks).normalize("NFC");
      clusters.set(key, nfc);
    }
    if (letterAt >= 0) n = letterAt;
    if (n + nfc.length > LONGEST) return false;
    for (let i = 0; i < nfc.length; i++) out[n++] = nfc.charCodeAt(i);
    first = 0;
    second = 0;
    return true;
  };
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (isInvisible(c)) continue;
    if (c >= 0x300 && c < 0x370) {
      if (!VIETNAMESE_MARKS.has(c) || second !== 0) return undefined;
      if (first === 0) {
        if (space) {
          // Marks after a space: the space stays before them, and they have no letter.
          out[n++] = 0x20;
          space = false;
          letterAt = -1;
        }
        first = c;
      } else second = c;
      continue;
    }
    if (!close()) return undefined;
    if (isSpace(c)) {
      if (n > 0) space = true;
      letterAt = -1;
      continue;
    }
    const slot = slotOf(c);
    if (slot < 0 || base[slot] === 0 || clean[slot] === 0) return undefined;
    if (space) {
      out[n++] = 0x20;
      space = false;
    }
    letterAt = n;
    out[n++] = c;
  }
  if (!close()) return undefined;
  return textOf(out, n);
}
