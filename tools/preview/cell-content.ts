// What a cell shows: its formatted value, rich-text runs, a link, a note marker. All text is
// escaped; links open only http(s)/mailto, and a link into this same spreadsheet jumps to the
// tab and cell inside the page instead of leaving it.

import type { sheets_v4 } from "@googleapis/sheets";
import { textFormatCss } from "./cell-style.ts";
import { escapeHtml, safeHref } from "./escape.ts";

type CellData = sheets_v4.Schema$CellData;

/** `#gid=…&range=…` for a link into `spreadsheetId`, else the link as it is. */
export function localTarget(uri: string, spreadsheetId: string): string {
  const m =
    /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([^/]+)\/[^#]*#(gid=\d+(?:&range=[A-Z]+\d+)?)$/.exec(
      uri,
    );
  if (m && decodeURIComponent(m[1] ?? "") === spreadsheetId) return `#${m[2]}`;
  return uri;
}

function anchor(uri: string, inner: string, spreadsheetId: string, style = ""): string {
  const href = safeHref(localTarget(uri, spreadsheetId));
  if (!href) return inner;
  const external = !href.startsWith("#");
  const attrs = external ? ' target="_blank" rel="noopener noreferrer"' : "";
  const css = style ? ` style="${escapeHtml(style)}"` : "";
  return `<a href="${escapeHtml(href)}"${attrs}${css}>${inner}</a>`;
}

function runsHtml(text: string, runs: sheets_v4.Schema$TextFormatRun[], id: string): string {
  const sorted = [...runs].sort((a, b) => (a.startIndex ?? 0) - (b.startIndex ?? 0));
  const parts: string[] = [];
  const first = sorted[0]?.startIndex ?? 0;
  if (first > 0) parts.push(escapeHtml(text.slice(0, first)));
  sorted.forEach((run, i) => {
    const start = run.startIndex ?? 0;
    const end = sorted[i + 1]?.startIndex ?? text.length;
    const piece = escapeHtml(text.slice(start, end));
    if (piece === "") return;
    const css = textFormatCss(run.format).join(";");
    const uri = run.format?.link?.uri;
    if (uri) parts.push(anchor(uri, piece, id, css));
    else parts.push(css ? `<span style="${escapeHtml(css)}">${piece}</span>` : piece);
  });
  return parts.join("");
}

/** The inner HTML of a cell. */
export function cellContentHtml(cell: CellData | undefined, spreadsheetId: string): string {
  if (!cell) return "";
  const text = cell.formattedValue ?? "";
  const runs = cell.textFormatRuns ?? [];
  const runsLink = runs.some((r) => r.format?.link?.uri);
  let inner = runs.length ? runsHtml(text, runs, spreadsheetId) : escapeHtml(text);
  if (cell.hyperlink && !runsLink && text !== "")
    inner = anchor(cell.hyperlink, inner, spreadsheetId);
  return inner;
}
