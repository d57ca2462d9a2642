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

// Where a sentence starts: the paragraph's start, or after a full stop, ! or ?.
const SENTENCE_END = /(^|[.!?])\s*$/u;

/**
 * `text` with every known placeholder replaced by its value. Values are written for the
 * middle of a sentence (`quý III năm 2026`, `tăng 12% …`); one that starts a sentence
 * gets a capital first letter (`Quý III năm 2026, …`).
 */
export function fillTemplate(text: string, values: PlaceholderValues): FilledText {
  const unknown: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string, at: number) => {
    const value = values.get(placeholderKey(name));
    if (value !== undefined) {
      return SENTENCE_END.test(text.slice(0, at)) ? capitalize(value) : value;
    }
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

function capitalize(value: string): string {
  const first = value.codePointAt(0);
  if (first === undefined) return value;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase("vi") + value.slice(head.length);
}
