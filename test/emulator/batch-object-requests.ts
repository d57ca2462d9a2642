// batchUpdate requests that attach objects to a tab, kept so spreadsheets.get shows them:
// protected ranges, the basic filter, charts (embedded over a tab's cells).

import type { RequestHandler } from "./batch-sheet-requests.ts";
import type { JsonObject } from "./cell.ts";
import { invalidArgument } from "./google-error.ts";
import { gridRangeJson, intField, resolveGridRange, sheetOf } from "./grid-range.ts";
import { asObject } from "./request-checks.ts";
import type { SheetState, SpreadsheetState } from "./store.ts";

function randomId(): number {
  return 1 + Math.floor(Math.random() * 2_147_483_646);
}

function normalisedRange(
  ss: SpreadsheetState,
  gr: unknown,
): { sheet: SheetState; range: JsonObject } {
  const { sheet, rect } = resolveGridRange(ss, gr);
  return { sheet, range: gridRangeJson(sheet, rect) };
}

const INDEX_KEYS = ["startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"];

/**
 * A GridRange as Google keeps it where it may be open-ended (a protected range): checked
 * against the grid, echoed with the bounds given and no others, so a whole-tab protection
 * stays `{ sheetId }` and keeps covering the tab when it grows.
 */
function openRange(ss: SpreadsheetState, gr: unknown): { sheet: SheetState; range: JsonObject } {
  const o = asObject(gr, "range");
  const { sheet } = resolveGridRange(ss, o);
  const range: JsonObject = { sheetId: sheet.properties.sheetId };
  for (const k of INDEX_KEYS) if (o[k] !== undefined) range[k] = intField(o, k, 0);
  return { sheet, range };
}

function chartIdTaken(ss: SpreadsheetState, id: unknown): boolean {
  return ss.sheets.some((s) => s.charts.some((c) => c.chartId === id));
}

const addProtectedRange: RequestHandler = (ss, req) => {
  const pr = structuredClone(asObject(req.protectedRange, "protectedRange"));
  if (pr.namedRangeId !== undefined || pr.table !== undefined)
    throw invalidArgument("The emulator protects grid ranges only.");
  if (pr.warningOnly === true && pr.editors !== undefined)
    throw invalidArgument("A warning-only protected range cannot have editors.");
  const { sheet, range } = openRange(ss, pr.range);
  pr.range = range;
  pr.protectedRangeId =
    pr.protectedRangeId === undefined ? randomId() : intField(pr, "protectedRangeId", 0);
  if (
    ss.sheets.some((s) => s.protectedRanges.some((p) => p.protectedRangeId === pr.protectedRangeId))
  )
    throw invalidArgument(
      `A protected range with id ${String(pr.protectedRangeId)} already exists.`,
    );
  // The caller may always edit what it protected; a warning-only range has no editor list.
  pr.requestingUserCanEdit = true;
  if (pr.warningOnly !== true) delete pr.warningOnly;
  sheet.protectedRanges.push(pr);
  return { addProtectedRange: { protectedRange: structuredClone(pr) } };
};

const deleteProtectedRange: RequestHandler = (ss, req) => {
  const id = intField(req, "protectedRangeId", 0);
  for (const s of ss.sheets) {
    const i = s.protectedRanges.findIndex((p) => p.protectedRangeId === id);
    if (i >= 0) {
      s.protectedRanges.splice(i, 1);
      return undefined;
    }
  }
  throw invalidArgument(`No protected range with id: ${id}`);
};

const setBasicFilter: RequestHandler = (ss, req) => {
  const filter = structuredClone(asObject(req.filter, "filter"));
  const { sheet, range } = normalisedRange(ss, filter.range);
  filter.range = range;
  sheet.basicFilter = filter;
  return undefined;
};

/** Every GridRange a chart spec reads its data from (`sourceRange.sources`), at any depth. */
function chartSources(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) chartSources(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "sourceRange" && v && typeof v === "object") {
        const sources = (v as JsonObject).sources;
        if (!Array.isArray(sources) || sources.length === 0)
          throw invalidArgument("A chart's sourceRange needs at least one source.");
        out.push(...sources);
      } else chartSources(v, out);
    }
  }
  return out;
}

// Google's size for a chart placed without one.
const DEFAULT_CHART_WIDTH = 600;
const DEFAULT_CHART_HEIGHT = 371;

/** The chart's position as Google echoes it: anchored over a cell, size filled in. */
function overlayPosition(
  ss: SpreadsheetState,
  raw: unknown,
): { sheet: SheetState; json: JsonObject } {
  const position = asObject(raw, "chart.position");
  if (position.newSheet === true || position.sheetId !== undefined) {
    throw invalidArgument(
      "a chart on its own sheet is not implemented by the qcdc-sheets emulator; anchor it with overlayPosition",
    );
  }
  const overlay = asObject(position.overlayPosition, "chart.position.overlayPosition");
  const anchor = asObject(overlay.anchorCell, "chart.position.overlayPosition.anchorCell");
  const sheet = sheetOf(ss, intField(anchor, "sheetId", 0));
  const row = intField(anchor, "rowIndex", 0);
  const column = intField(anchor, "columnIndex", 0);
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (row < 0 || column < 0 || row >= rowCount || column >= columnCount) {
    throw invalidArgument(
      `The chart's anchor cell (row ${row}, column ${column}) is outside the grid of ${rowCount} rows and ${columnCount} columns.`,
    );
  }
  const anchorCell: JsonObject = { sheetId: sheet.properties.sheetId };
  if (row) anchorCell.rowIndex = row;
  if (column) anchorCell.columnIndex = column;
  const json: JsonObject = { anchorCell };
  for (const k of ["offsetXPixels", "offsetYPixels"]) {
    const v = intField(overlay, k, 0);
    if (v < 0) throw invalidArgument(`${k} must not be negative.`);
    if (v) json[k] = v;
  }
  for (const [k, fallback] of [
    ["widthPixels", DEFAULT_CHART_WIDTH],
    ["heightPixels", DEFAULT_CHART_HEIGHT],
  ] as const) {
    const v = intField(overlay, k, fallback);
    if (v <= 0) throw invalidArgument(`${k} must be positive.`);
    json[k] = v;
  }
  return { sheet, json: { overlayPosition: json } };
}

const addChart: RequestHandler = (ss, req) => {
  const chart = structuredClone(asObject(req.chart, "chart"));
  if (!chart.spec || typeof chart.spec !== "object" || Array.isArray(chart.spec))
    throw invalidArgument("A chart needs a spec.");
  chart.chartId = chart.chartId === undefined ? randomId() : intField(chart, "chartId", 0);
  if (chartIdTaken(ss, chart.chartId))
    throw invalidArgument(`An object with id ${String(chart.chartId)} already exists.`);
  // Data on a tab that does not exist (or starts outside its grid) is refused, as at Google.
  for (const source of chartSources(chart.spec)) resolveGridRange(ss, source);
  const { sheet, json } = overlayPosition(ss, chart.position);
  chart.position = json;
  sheet.charts.push(chart);
  return { addChart: { chart: structuredClone(chart) } };
};

const deleteEmbeddedObject: RequestHandler = (ss, req) => {
  const id = intField(req, "objectId", 0);
  for (const s of ss.sheets) {
    const i = s.charts.findIndex((c) => c.chartId === id);
    if (i >= 0) {
      s.charts.splice(i, 1);
      return undefined;
    }
  }
  throw invalidArgument(`No object with id: ${id}`);
};

export const objectRequests: Record<string, { keys: string[]; run: RequestHandler }> = {
  addProtectedRange: { keys: ["protectedRange"], run: addProtectedRange },
  deleteProtectedRange: { keys: ["protectedRangeId"], run: deleteProtectedRange },
  setBasicFilter: { keys: ["filter"], run: setBasicFilter },
  addChart: { keys: ["chart"], run: addChart },
  deleteEmbeddedObject: { keys: ["objectId"], run: deleteEmbeddedObject },
};
