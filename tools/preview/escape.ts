// Everything the page shows comes from cells that anyone with edit access typed, so every
// piece of text goes through here: HTML text, attribute values, link targets, inline JSON.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A link target the page may open: http(s) and mailto only, never `javascript:` or `data:`. */
export function safeHref(uri: string): string | undefined {
  const trimmed = uri.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  // A link to a place inside this spreadsheet (`#gid=…`) stays on the page.
  if (trimmed.startsWith("#")) return trimmed;
  return undefined;
}

/**
 * JSON that can sit inside `<script type="application/json">`: `<`, `>` and `&` as
 * escapes, so cell text such as `</script>` cannot end the element, and U+2028/2029 as well.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
