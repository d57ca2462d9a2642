// spreadsheets.get with grid data (`includeGridData=true`, or a `fields` mask reaching
// `sheets.data`): per requested range one GridData with its rows of CellData, row and column
// metadata, as Sheets API v4 returns them. Rows end at the last row holding a cell, each row's
// `values` at its last cell; an empty cell inside is `{}`. Zero start indexes are omitted
// (proto3 JSON). The emulator has no formula engine: a formula reads as `#NAME?`, except a
// `=HYPERLINK("url"; "label")` of literals, which shows its label and links like Sheets.

import type { Cell, JsonObject } from "./cell.ts";
import { toExtendedValue } from "./cell.ts";
import { formattedValue } from "./number-format.ts";
import type { BoundedRect } from "./range-resolve.ts";
import { clipToGrid, resolveRange } from "./range-resolve.ts";
import { spreadsheetJson } from "./resources.ts";
import type { SheetState, SpreadsheetState } from "./store.ts";

/** Sheets' default row height and column width in pixels. */
export const DEFAULT_ROW_PX = 21;
export const DEFAULT_COLUMN_PX = 100;

const HYPERLINK_FORMULA =
  /^=\s*HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)\s*$/i;

interface HyperlinkFormula {
  uri: string;
  label: string;
}

function hyperlinkFormula(cell: Cell): HyperlinkFormula | undefined {
  const m = cell.formula === undefined ? null : HYPERLINK_FORMULA.exec(cell.formula);
  if (!m) return undefined;
  const uri = (m[1] ?? "").replaceAll('""', '"');
  return { uri, label: m[2] === undefined ? uri : m[2].replaceAll('""', '"') };
}

/** The value a formula computes to; the emulator knows only HYPERLINK of literals. */
function effectiveValue(cell: Cell): JsonObject | undefined {
  if (cell.formula === undefined) return toExtendedValue(cell);
  const link = hyperlinkFormula(cell);
  if (link) return link.label === "" ? undefined : { stringValue: link.label };
  const name = /^=\s*([A-Za-z_.][A-Za-z0-9_.]*)\s*\(/.exec(cell.formula)?.[1] ?? "";
  return { errorValue: { type: "NAME", message: `Unknown function: '${name.toLowerCase()}'.` } };
}

function linkOf(format: unknown): string | undefined {
  const link = (format as { textFormat?: { link?: { uri?: unknown } } } | undefined)?.textFormat
    ?.link?.uri;
  return typeof link === "string" && link !== "" ? link : undefined;
}

/** The cell's one hyperlink; none when it has several (as the API documents). */
function hyperlinkOf(cell: Cell): string | undefined {
  const links = new Set<string>();
  const formula = hyperlinkFormula(cell);
  if (formula) links.add(formula.uri);
  const cellLink = linkOf(cell.format);
  if (cellLink) links.add(cellLink);
  for (const run of cell.textFormatRuns ?? []) {
    const uri = (run.format as { link?: { uri?: unknown } } | undefined)?.link?.uri;
    if (typeof uri === "string" && uri !== "") links.add(uri);
  }
  return links.size === 1 ? [...links][0] : undefined;
}

function colourStyle(colour: unknown): JsonObject {
  return { rgbColor: structuredClone((colour ?? {}) as JsonObject) };
}

/**
 * The format Sheets renders the cell with: the spreadsheet's defaults under the user's format,
 * with both the plain colour and its `…Style` twin filled in, as Google returns them.
 */
function effectiveFormat(cell: Cell, value: JsonObject | undefined, link: string | undefined) {
  const user = (cell.format ?? {}) as JsonObject;
  const userText = (user.textFormat ?? {}) as JsonObject;
  const alignment =
    value?.numberValue !== undefined ? "RIGHT" : value?.boolValue !== undefined ? "CENTER" : "LEFT";
  const text: JsonObject = {
    foregroundColor: {},
    fontFamily: "Arial",
    fontSize: 10,
    bold: false,
    italic: false,
    strikethrough: false,
    underline: false,
    ...structuredClone(userText),
  };
  const fgStyle = userText.foregroundColorStyle as JsonObject | undefined;
  if (fgStyle?.rgbColor && userText.foregroundColor === undefined)
    text.foregroundColor = structuredClone(fgStyle.rgbColor);
  text.foregroundColorStyle = fgStyle
    ? structuredClone(fgStyle)
    : colourStyle(text.foregroundColor);
  const out: JsonObject = {
    backgroundColor: { red: 1, green: 1, blue: 1 },
    padding: { top: 2, right: 3, bottom: 2, left: 3 },
    horizontalAlignment: alignment,
    verticalAlignment: "BOTTOM",
    wrapStrategy: "OVERFLOW_CELL",
    ...structuredClone(user),
    textFormat: text,
    hyperlinkDisplayType: link ? "LINKED" : "PLAIN_TEXT",
  };
  const bgStyle = user.backgroundColorStyle as JsonObject | undefined;
  if (bgStyle?.rgbColor && user.backgroundColor === undefined)
    out.backgroundColor = structuredClone(bgStyle.rgbColor);
  out.backgroundColorStyle = bgStyle ? structuredClone(bgStyle) : colourStyle(out.backgroundColor);
  return out;
}

/** One CellData; undefined for a cell that holds nothing. */
export function cellDataJson(cell: Cell | undefined, locale: string): JsonObject | undefined {
  if (!cell) return undefined;
  const out: JsonObject = {};
  const entered = toExtendedValue(cell);
  const value = effectiveValue(cell);
  const link = hyperlinkOf(cell);
  if (entered) out.userEnteredValue = entered;
  if (value) out.effectiveValue = value;
  const shown = hyperlinkFormula(cell)?.label ?? formattedValue(cell, locale);
  if (shown !== undefined && shown !== "") out.formattedValue = shown;
  if (cell.format) out.userEnteredFormat = structuredClone(cell.format);
  if (entered || cell.format) out.effectiveFormat = effectiveFormat(cell, value, link);
  if (link) out.hyperlink = link;
  if (cell.note !== undefined) out.note = cell.note;
  if (cell.textFormatRuns?.length && typeof cell.value === "string")
    out.textFormatRuns = structuredClone(cell.textFormatRuns);
  if (cell.dataValidation) out.dataValidation = structuredClone(cell.dataValidation);
  return Object.keys(out).length ? out : undefined;
}

function dimensionMetadata(meta: JsonObject | undefined, defaultPx: number): JsonObject {
  const out: JsonObject = { pixelSize: defaultPx, ...structuredClone(meta ?? {}) };
  if (out.hiddenByUser === false) delete out.hiddenByUser;
  return out;
}

/** The GridData of one rectangle of a tab. */
export function gridDataJson(sheet: SheetState, rect: BoundedRect, locale: string): JsonObject {
  const rowData: JsonObject[] = [];
  for (let r = rect.startRow; r < rect.endRow; r++) {
    const cells = sheet.rows[r] ?? [];
    const values: JsonObject[] = [];
    for (let c = rect.startCol; c < Math.min(rect.endCol, cells.length); c++) {
      const data = cellDataJson(cells[c], locale);
      if (data) {
        while (values.length < c - rect.startCol) values.push({});
        values.push(data);
      }
    }
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && Object.keys(rowData[rowData.length - 1] as JsonObject).length === 0)
    rowData.pop();
  const out: JsonObject = {};
  if (rect.startRow) out.startRow = rect.startRow;
  if (rect.startCol) out.startColumn = rect.startCol;
  if (rowData.length) out.rowData = rowData;
  const rows: JsonObject[] = [];
  for (let r = rect.startRow; r < rect.endRow; r++)
    rows.push(dimensionMetadata(sheet.rowMetadata[String(r)], DEFAULT_ROW_PX));
  const columns: JsonObject[] = [];
  for (let c = rect.startCol; c < rect.endCol; c++)
    columns.push(dimensionMetadata(sheet.columnMetadata[String(c)], DEFAULT_COLUMN_PX));
  if (rows.length) out.rowMetadata = rows;
  if (columns.length) out.columnMetadata = columns;
  return out;
}

function wholeSheet(sheet: SheetState): BoundedRect {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  return { startRow: 0, startCol: 0, endRow: rowCount, endCol: columnCount };
}

/**
 * The Spreadsheet with `sheets[].data`: without `ranges`, every tab whole; with them, only the
 * tabs they name, one GridData per range in the order given.
 */
export function spreadsheetWithGridData(ss: SpreadsheetState, ranges: string[]): JsonObject {
  const wanted = new Map<SheetState, BoundedRect[]>();
  for (const text of ranges) {
    const { sheet, rect } = resolveRange(ss, text);
    const list = wanted.get(sheet) ?? [];
    list.push(clipToGrid(sheet, rect, text));
    wanted.set(sheet, list);
  }
  const sheets = ranges.length ? ss.sheets.filter((s) => wanted.has(s)) : ss.sheets;
  const body = spreadsheetJson(ss, new Set(sheets));
  const locale = ss.properties.locale;
  (body.sheets as JsonObject[]).forEach((json, i) => {
    const sheet = sheets[i] as SheetState;
    const rects = wanted.get(sheet) ?? [wholeSheet(sheet)];
    json.data = rects.map((rect) => gridDataJson(sheet, rect, locale));
  });
  return body;
}
