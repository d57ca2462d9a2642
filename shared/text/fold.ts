/**
 * Text normalisation shared by every comparison the product makes. Staff type on
 * Windows Vietnamese keyboards that emit decomposed (NFD) text and either the old
 * (`Hoà`, `Thuỷ`) or the new (`Hòa`, `Thủy`) tone-mark placement; both must match.
 */

// Spaces Sheets users produce: ordinary, no-break, and the thin/figure spaces of pasted text.
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu;

/** NFC, trimmed, inner runs of whitespace collapsed to one space. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").replace(SPACES, " ").trim();
}

// The five Vietnamese tone marks as combining characters (after NFD). Vowel-quality
// marks (circumflex U+0302, breve U+0306, horn U+031B) are letters, not tones, and stay.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * A comparison key: equal for two spellings a person would call the same. NFC, case
 * folded, spaces collapsed, and the tone mark of each word moved to the word's end so
 * that old and new placements (`Hoà`/`Hòa`) fold together.
 */
export function foldKey(value: string): string {
  const words = normalizeText(value).toLowerCase().normalize("NFD").split(" ");
  return words
    .map((word) => {
      const tones = word.match(TONE_MARKS);
      if (!tones) return word.normalize("NFC");
      return `${word.replace(TONE_MARKS, "")}${tones.join("")}`.normalize("NFC");
    })
    .join(" ");
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

/** True for a cell a person would call empty. */
export function isBlank(raw: unknown): boolean {
  return (
    raw === null || raw === undefined || (typeof raw === "string" && normalizeText(raw) === "")
  );
}
