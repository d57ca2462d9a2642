/**
 * Named placeholders in report wording: `{inspections}`, `{inspections.change}`,
 * `{from}`. Names are matched ignoring case and spaces inside the braces, because the
 * province types its own wording into a sheet. Anything in braces that is not a known
 * name stays in the text exactly as typed, so the reader sees what was not filled in.
 */

// Braces with no brace inside; a lone `{` or `}` is ordinary text.
const PLACEHOLDER = /\{([^{}]*)\}/g;

export interface FilledText {
  readonly text: string;
  /** Placeholders not in `values`, as typed (with braces), each once, in text order. */
  readonly unknown: readonly string[];
}

/** The key a placeholder's name is looked up by: `{ Inspections.LastYear }` → `inspections.lastyear`. */
export function placeholderKey(name: string): string {
  return name.replace(/\s+/g, "").toLowerCase();
}

/** A lookup of placeholder values by placeholderKey. */
export type PlaceholderValues = ReadonlyMap<string, string>;

export function placeholderValues(values: Readonly<Record<string, string>>): PlaceholderValues {
  return new Map(Object.entries(values).map(([name, value]) => [placeholderKey(name), value]));
}

/** `text` with every known placeholder replaced by its value. */
export function fillTemplate(text: string, values: PlaceholderValues): FilledText {
  const unknown: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values.get(placeholderKey(name));
    if (value !== undefined) return value;
    if (!unknown.includes(whole)) unknown.push(whole);
    return whole;
  });
  return { text: filled, unknown };
}

/** Every placeholder in `text` as typed (with braces), each once, in text order. */
export function placeholdersIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!found.includes(m[0])) found.push(m[0]);
  return found;
}
