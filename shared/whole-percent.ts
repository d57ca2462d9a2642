/**
 * Percentages as the outputs print them: `part ÷ whole × scale`, rounded half up
 * (docs/domain.md, "Comparison with earlier periods" and the reporting rate). One
 * function for `So sánh (%)` in `Tổng hợp`, the reporting rate and the `Báo cáo` text, so
 * that the sheet and the report never say 57% and 58% of the same 23 of 40.
 *
 * `Math.round((part / whole) * 100)` is not it: 41 ÷ 40 is 1.02499… in binary, so 102.5
 * prints as 102. For whole numbers the rounding here is done in integers and is exact.
 */

/** Round half up of `part × scale ÷ whole`; `whole` must not be 0. */
export function roundedRatio(part: number, whole: number, scale: number): number {
  // The same fraction with a positive denominator.
  const [p, w] = whole < 0 ? [-part, -whole] : [part, whole];
  // floor((2·p·scale + w) ÷ 2w) is the half-up rounding of p·scale ÷ w.
  const n = 2 * p * scale + w;
  const d = 2 * w;
  if (
    !Number.isSafeInteger(p) ||
    !Number.isSafeInteger(w) ||
    !Number.isSafeInteger(scale) ||
    !Number.isSafeInteger(n) ||
    !Number.isSafeInteger(d)
  ) {
    // Fractions or figures beyond 2^53 are no count a unit reports: the float rounding.
    return Math.round((p * scale) / w);
  }
  // `%` of safe integers is exact, so n − r is a multiple of d and the division exact.
  const r = n % d;
  return (n - r) / d - (r < 0 ? 1 : 0);
}

/** A whole percentage: `wholePercent(23, 40)` → 58 (57.5 rounds up). */
export function wholePercent(part: number, whole: number): number {
  return roundedRatio(part, whole, 100);
}
