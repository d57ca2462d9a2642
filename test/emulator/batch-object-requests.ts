// batchUpdate requests that attach objects to a tab, stored as given so spreadsheets.get shows
// them: protected ranges, the basic filter, charts, conditional format rules.

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

const addProtectedRange: RequestHandler = (ss, req) => {
  const pr = structuredClone(asObject(req.protectedRange, "protectedRange"));
  if (pr.namedRangeId !== undefined || pr.table !== undefined)
    throw invalidArgument("The emulator protects grid ranges only.");
  const { sheet, range } = normalisedRange(ss, pr.range);
  pr.range = range;
  pr.protectedRangeId =
    pr.protectedRangeId === undefined ? randomId() : intField(pr, "protectedRangeId", 0);
  if (
    ss.sheets.some((s) => s.protectedRanges.some((p) => p.protectedRangeId === pr.protectedRangeId))
  ) {
    throw invalidArgument(
      `A protected range with id ${String(pr.protectedRangeId)} already exists.`,
    );
  }
  if (pr.requestingUserCanEdit === undefined) pr.requestingUserCanEdit = true;
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

const clearBasicFilter: RequestHandler = (ss, req) => {
  const sheet = sheetOf(ss, intField(req, "sheetId", 0));
  delete sheet.basicFilter;
  return undefined;
};

const addChart: RequestHandler = (ss, req) => {
  const chart = structuredClone(asObject(req.chart, "chart"));
  chart.chartId = chart.chartId === undefined ? randomId() : intField(chart, "chartId", 0);
  const position = asObject(chart.position, "chart.position");
  const anchor = asObject(position.overlayPosition, "overlayPosition").anchorCell as
    | JsonObject
    | undefined;
  const sheetId = position.sheetId ?? anchor?.sheetId ?? 0;
  const sheet = position.newSheet ? ss.sheets[0] : sheetOf(ss, Number(sheetId));
  if (!sheet) throw invalidArgument("No sheet for the chart.");
  if (ss.sheets.some((s) => s.charts.some((c) => c.chartId === chart.chartId))) {
    throw invalidArgument(`An object with id ${String(chart.chartId)} already exists.`);
  }
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

const addConditionalFormatRule: RequestHandler = (ss, req) => {
  const rule = structuredClone(asObject(req.rule, "rule"));
  const ranges = Array.isArray(rule.ranges) ? rule.ranges : [];
  if (!ranges.length) throw invalidArgument("A conditional format rule needs at least one range.");
  const resolved = ranges.map((r) => normalisedRange(ss, r));
  const sheet = resolved[0]?.sheet as SheetState;
  if (resolved.some((r) => r.sheet !== sheet))
    throw invalidArgument("All ranges of a rule must be on one sheet.");
  rule.ranges = resolved.map((r) => r.range);
  const index = Math.min(intField(req, "index", 0), sheet.conditionalFormats.length);
  sheet.conditionalFormats.splice(index, 0, rule);
  return undefined;
};

const deleteConditionalFormatRule: RequestHandler = (ss, req) => {
  const sheet = sheetOf(ss, intField(req, "sheetId", 0));
  const index = intField(req, "index", 0);
  if (index < 0 || index >= sheet.conditionalFormats.length)
    throw invalidArgument(
      `No conditional format on sheet ${sheet.properties.sheetId} at index ${index}`,
    );
  const [removed] = sheet.conditionalFormats.splice(index, 1);
  return { deleteConditionalFormatRule: { rule: removed } };
};

export const objectRequests: Record<string, { keys: string[]; run: RequestHandler }> = {
  addProtectedRange: { keys: ["protectedRange"], run: addProtectedRange },
  deleteProtectedRange: { keys: ["protectedRangeId"], run: deleteProtectedRange },
  setBasicFilter: { keys: ["filter"], run: setBasicFilter },
  clearBasicFilter: { keys: ["sheetId"], run: clearBasicFilter },
  addChart: { keys: ["chart"], run: addChart },
  deleteEmbeddedObject: { keys: ["objectId"], run: deleteEmbeddedObject },
  addConditionalFormatRule: { keys: ["rule", "index"], run: addConditionalFormatRule },
  deleteConditionalFormatRule: { keys: ["sheetId", "index"], run: deleteConditionalFormatRule },
};
