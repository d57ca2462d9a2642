/**
 * Numbers as Vietnamese reports write them: a dot groups thousands (`1.234`), a comma
 * marks decimals (`12,5%`). Written by hand rather than with Intl so that the add-on's
 * Apps Script runtime and the Worker print exactly the same text.
 */

/** A whole number with thousands grouped: `1234567` → `1.234.567`; `-1234` → `-1.234`. */
export function formatNumberVi(value: number): string {
  return formatDecimalVi(value, 0);
}

/**
 * `value` rounded half away from zero to at most `decimals` places, trailing zeros
 * dropped: `formatDecimalVi(12.5, 1)` → `12,5`, `formatDecimalVi(12.04, 1)` → `12`.
 */
export function formatDecimalVi(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const scale = 10 ** decimals;
  // 1.005 × 100 is 100.49999… in binary: cut the float noise (15 significant digits)
  // before rounding, so a half typed as a half rounds up.
  const scaled = Math.round(Number((Math.abs(value) * scale).toPrecision(15)));
  const whole = Math.floor(scaled / scale);
  const fraction = scaled - whole * scale;
  const sign = value < 0 && scaled !== 0 ? "-" : "";
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  if (fraction === 0) return `${sign}${grouped}`;
  const digits = String(fraction).padStart(decimals, "0").replace(/0+$/, "");
  return `${sign}${grouped},${digits}`;
}

/** A percentage with at most `decimals` places: `formatPercentVi(12.5, 1)` → `12,5%`. */
export function formatPercentVi(value: number, decimals = 0): string {
  return `${formatDecimalVi(value, decimals)}%`;
}
