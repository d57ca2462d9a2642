/** Character classes `normalizeText` works with, as code units. */

// Characters that take no room on screen: soft hyphen, Mongolian vowel separator, zero
// width space/non-joiner/joiner, left-to-right and right-to-left marks and embeddings,
// word joiner and invisible operators, bidi isolates, byte-order mark (fold.ts INVISIBLE).
export function isInvisible(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

// The characters `normalizeText` turns into spaces or trims away: JavaScript's \s and
// the Unicode spaces of SPACES.
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
