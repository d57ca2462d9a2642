// spreadsheets.batchUpdate: every request runs, in order, on a copy of the spreadsheet; the copy
// is committed only if all succeed (Google's all-or-nothing). Replies line up with requests,
// `{}` for requests that have none.

import { cellRequests } from "./batch-cell-requests.ts";
import { dimensionRequests } from "./batch-dimension-requests.ts";
import { objectRequests } from "./batch-object-requests.ts";
import { sheetRequests } from "./batch-sheet-requests.ts";
import type { JsonObject } from "./cell.ts";
import { applyMask, parseMask } from "./field-mask.ts";
import { GoogleError, invalidArgument, unknownField } from "./google-error.ts";
import { spreadsheetWithGridData } from "./grid-data.ts";
import { resolveRange } from "./range-resolve.ts";
import { asObject, boolParam, checkKeys, checkQuery } from "./request-checks.ts";
import { spreadsheetJson } from "./resources.ts";
import type { SpreadsheetState } from "./store.ts";
import { cellLimitError } from "./store.ts";
import type { EndpointResult } from "./values-endpoints.ts";

const handlers = { ...sheetRequests, ...dimensionRequests, ...cellRequests, ...objectRequests };

/**
 * Every Request kind of Sheets API v4, so a real-but-unimplemented one is told apart from a
 * typo. The emulator implements only what the product sends (the handlers above).
 */
const GOOGLE_KINDS = new Set([
  ...Object.keys(handlers),
  "duplicateSheet",
  "updateSpreadsheetProperties",
  "appendDimension",
  "insertDimension",
  "deleteDimension",
  "autoResizeDimensions",
  "appendCells",
  "updateBorders",
  "setDataValidation",
  "clearBasicFilter",
  "addConditionalFormatRule",
  "deleteConditionalFormatRule",
  "updateNamedRange",
  "addNamedRange",
  "deleteNamedRange",
  "autoFill",
  "cutPaste",
  "copyPaste",
  "addFilterView",
  "deleteFilterView",
  "duplicateFilterView",
  "updateFilterView",
  "findReplace",
  "insertRange",
  "moveDimension",
  "updateEmbeddedObjectPosition",
  "pasteData",
  "textToColumns",
  "deleteRange",
  "updateConditionalFormatRule",
  "sortRange",
  "updateProtectedRange",
  "updateChartSpec",
  "updateBanding",
  "addBanding",
  "deleteBanding",
  "createDeveloperMetadata",
  "updateDeveloperMetadata",
  "deleteDeveloperMetadata",
  "randomizeRange",
  "addDimensionGroup",
  "deleteDimensionGroup",
  "updateDimensionGroup",
  "trimWhitespace",
  "deleteDuplicates",
  "updateEmbeddedObjectBorder",
  "addSlicer",
  "updateSlicerSpec",
  "addDataSource",
  "updateDataSource",
  "deleteDataSource",
  "refreshDataSource",
  "cancelDataSourceRefresh",
  "addTable",
  "updateTable",
  "deleteTable",
]);

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function runOne(next: SpreadsheetState, raw: unknown, i: number): JsonObject {
  const req = asObject(raw, `requests[${i}]`);
  const kinds = Object.keys(req);
  for (const k of kinds) if (!GOOGLE_KINDS.has(k)) throw unknownField(k, `requests[${i}]`);
  if (kinds.length === 0) throw invalidArgument(`Invalid requests[${i}]: No request set.`);
  if (kinds.length > 1) {
    throw invalidArgument(
      `Invalid requests[${i}]: oneof field 'kind' is already set. Cannot set '${kinds[1]}'`,
    );
  }
  const kind = kinds[0] as string;
  const handler = handlers[kind];
  if (!handler) {
    throw invalidArgument(
      `Invalid requests[${i}].${kind}: this request type is not implemented by the qcdc-sheets emulator`,
    );
  }
  const body = asObject(req[kind], `requests[${i}].${snake(kind)}`);
  checkKeys(body, handler.keys, `requests[${i}].${snake(kind)}`);
  try {
    const reply = handler.run(next, body) ?? {};
    const limit = cellLimitError(next);
    if (limit) throw invalidArgument(limit);
    return reply;
  } catch (e) {
    if (
      e instanceof GoogleError &&
      e.code === 400 &&
      !e.message.startsWith("Invalid JSON payload")
    ) {
      throw invalidArgument(`Invalid requests[${i}].${kind}: ${e.message}`, e.details);
    }
    throw e;
  }
}

export function spreadsheetsBatchUpdate(
  ss: SpreadsheetState,
  q: URLSearchParams,
  body: unknown,
): EndpointResult {
  checkQuery(q, []);
  const b = asObject(body, "");
  checkKeys(
    b,
    ["requests", "includeSpreadsheetInResponse", "responseRanges", "responseIncludeGridData"],
    undefined,
  );
  const requests = Array.isArray(b.requests) ? b.requests : [];
  if (requests.length === 0) throw invalidArgument("Must specify at least one request.");
  if (b.responseIncludeGridData === true)
    throw invalidArgument("responseIncludeGridData is not implemented by the qcdc-sheets emulator");
  const next = structuredClone(ss);
  const replies = requests.map((r, i) => runOne(next, r, i));
  const out: JsonObject = { spreadsheetId: ss.spreadsheetId, replies };
  if (b.includeSpreadsheetInResponse === true) {
    const ranges = Array.isArray(b.responseRanges) ? b.responseRanges.map(String) : [];
    const only = ranges.length
      ? new Set(ranges.map((r) => resolveRange(next, r).sheet))
      : undefined;
    out.updatedSpreadsheet = spreadsheetJson(next, only);
  }
  return { body: out, next };
}

export function spreadsheetsGet(ss: SpreadsheetState, q: URLSearchParams): EndpointResult {
  checkQuery(q, ["ranges", "includeGridData", "excludeTablesInBandedRanges"]);
  const fields = q.get("fields");
  const tree = fields ? parseMask(fields) : undefined;
  // Google ignores includeGridData when a mask is given: the mask alone says whether `data` comes.
  const wantsData =
    tree instanceof Map
      ? JSON.stringify(applyMask({ sheets: [{ data: 1 }] }, tree)).includes("data")
      : boolParam(q, "includeGridData");
  if (wantsData) return { body: spreadsheetWithGridData(ss, q.getAll("ranges")) };
  const ranges = q.getAll("ranges");
  const only = ranges.length ? new Set(ranges.map((r) => resolveRange(ss, r).sheet)) : undefined;
  return { body: spreadsheetJson(ss, only) };
}
