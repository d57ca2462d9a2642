// spreadsheets.values.{get,batchGet,update,batchUpdate,append,clear,batchClear}. Writes work on
// a copy and return it, so a request that fails half-way changes nothing.

import type { JsonObject } from "./cell.ts";
import { GoogleError, invalidArgument } from "./google-error.ts";
import { a1Of, clipToGrid, resolveRange } from "./range-resolve.ts";
import {
  asObject,
  boolParam,
  checkKeys,
  checkQuery,
  DATE_TIME_RENDER,
  DIMENSIONS,
  enumValue,
  VALUE_INPUT,
  VALUE_RENDER,
} from "./request-checks.ts";
import type { SpreadsheetState } from "./store.ts";
import { cellLimitError } from "./store.ts";
import type { Dimension, RenderOptions, ValueInputOption } from "./values-grid.ts";
import { clearValues, readValues, writeValues } from "./values-grid.ts";

export interface EndpointResult {
  body: JsonObject;
  /** The new state to commit, for writes. */
  next?: SpreadsheetState;
}

const READ_PARAMS = ["valueRenderOption", "dateTimeRenderOption", "majorDimension"];

function renderOptions(ss: SpreadsheetState, q: URLSearchParams, prefix = ""): RenderOptions {
  const vr = prefix ? `${prefix}ValueRenderOption` : "valueRenderOption";
  const dr = prefix ? `${prefix}DateTimeRenderOption` : "dateTimeRenderOption";
  return {
    valueRender: enumValue(q.get(vr), vr, "ValueRenderOption", VALUE_RENDER, "FORMATTED_VALUE"),
    dateTimeRender: enumValue(
      q.get(dr),
      dr,
      "DateTimeRenderOption",
      DATE_TIME_RENDER,
      "SERIAL_NUMBER",
    ),
    locale: ss.properties.locale,
  };
}

function dimension(value: unknown): Dimension {
  return enumValue(
    value,
    "majorDimension",
    "Dimension",
    DIMENSIONS,
    "ROWS",
    "DIMENSION_UNSPECIFIED",
  );
}

function withPrefix(prefix: string, e: unknown): unknown {
  if (e instanceof GoogleError && e.code === 400 && !e.message.startsWith("Invalid JSON payload"))
    return invalidArgument(`${prefix}: ${e.message}`, e.details);
  return e;
}

function valueRange(
  ss: SpreadsheetState,
  text: string,
  o: RenderOptions,
  major: Dimension,
): JsonObject {
  const target = resolveRange(ss, text);
  const rect = clipToGrid(target.sheet, target.rect, text);
  const out: JsonObject = { range: a1Of(target.sheet, rect), majorDimension: major };
  const values = readValues(target.sheet, rect, o, major);
  if (values) out.values = values;
  return out;
}

export function valuesGet(
  ss: SpreadsheetState,
  rangeText: string,
  q: URLSearchParams,
): EndpointResult {
  checkQuery(q, READ_PARAMS);
  return {
    body: valueRange(ss, rangeText, renderOptions(ss, q), dimension(q.get("majorDimension"))),
  };
}

export function valuesBatchGet(ss: SpreadsheetState, q: URLSearchParams): EndpointResult {
  checkQuery(q, [...READ_PARAMS, "ranges"]);
  const o = renderOptions(ss, q);
  const major = dimension(q.get("majorDimension"));
  const ranges = q.getAll("ranges");
  const body: JsonObject = { spreadsheetId: ss.spreadsheetId };
  if (ranges.length) body.valueRanges = ranges.map((r) => valueRange(ss, r, o, major));
  return { body };
}

export interface WriteOptions {
  input: ValueInputOption;
  includeValues: boolean;
  render: RenderOptions;
}

/** The write options of a values call that takes them as query parameters (update, append). */
export function writeOptionsFromQuery(ss: SpreadsheetState, q: URLSearchParams): WriteOptions {
  return writeOptions(
    ss,
    q.get("valueInputOption"),
    boolParam(q, "includeValuesInResponse"),
    q.get("responseValueRenderOption"),
    q.get("responseDateTimeRenderOption"),
  );
}

export function writeOptions(
  ss: SpreadsheetState,
  input: unknown,
  includeValues: boolean,
  vr: unknown,
  dr: unknown,
): WriteOptions {
  if (
    input === undefined ||
    input === null ||
    input === "" ||
    input === "INPUT_VALUE_OPTION_UNSPECIFIED"
  ) {
    throw invalidArgument("'valueInputOption' is required but not specified");
  }
  return {
    input: enumValue(input, "valueInputOption", "ValueInputOption", VALUE_INPUT, "RAW"),
    includeValues,
    render: {
      valueRender: enumValue(
        vr,
        "responseValueRenderOption",
        "ValueRenderOption",
        VALUE_RENDER,
        "FORMATTED_VALUE",
      ),
      dateTimeRender: enumValue(
        dr,
        "responseDateTimeRenderOption",
        "DateTimeRenderOption",
        DATE_TIME_RENDER,
        "SERIAL_NUMBER",
      ),
      locale: ss.properties.locale,
    },
  };
}

/** Writes one ValueRange into `next`; returns its UpdateValuesResponse. */
export function writeRange(
  next: SpreadsheetState,
  rangeText: string,
  vr: JsonObject,
  o: WriteOptions,
  at?: string,
): JsonObject {
  checkKeys(vr, ["range", "majorDimension", "values"], at);
  const target = resolveRange(next, rangeText);
  const major = dimension(vr.majorDimension);
  const values = vr.values ?? [];
  const res = writeValues(target, values, major, o.input, next.properties.locale);
  const limit = cellLimitError(next);
  if (limit) throw invalidArgument(limit);
  const out: JsonObject = {
    spreadsheetId: next.spreadsheetId,
    updatedRange: a1Of(target.sheet, res.updatedRect),
  };
  if (res.updatedRows) out.updatedRows = res.updatedRows;
  if (res.updatedColumns) out.updatedColumns = res.updatedColumns;
  if (res.updatedCells) out.updatedCells = res.updatedCells;
  if (o.includeValues) {
    const data: JsonObject = { range: out.updatedRange, majorDimension: "ROWS" };
    const v = readValues(target.sheet, res.updatedRect, o.render, "ROWS");
    if (v) data.values = v;
    out.updatedData = data;
  }
  return out;
}

export function valuesUpdate(
  ss: SpreadsheetState,
  rangeText: string,
  q: URLSearchParams,
  body: unknown,
): EndpointResult {
  checkQuery(q, [
    "valueInputOption",
    "includeValuesInResponse",
    "responseValueRenderOption",
    "responseDateTimeRenderOption",
  ]);
  const o = writeOptionsFromQuery(ss, q);
  const vr = asObject(body, "");
  const next = structuredClone(ss);
  return { body: writeRange(next, rangeText, vr, o), next };
}

export function valuesBatchUpdate(
  ss: SpreadsheetState,
  q: URLSearchParams,
  body: unknown,
): EndpointResult {
  checkQuery(q, []);
  const b = asObject(body, "");
  checkKeys(
    b,
    [
      "valueInputOption",
      "data",
      "includeValuesInResponse",
      "responseValueRenderOption",
      "responseDateTimeRenderOption",
    ],
    undefined,
  );
  const o = writeOptions(
    ss,
    b.valueInputOption,
    b.includeValuesInResponse === true,
    b.responseValueRenderOption,
    b.responseDateTimeRenderOption,
  );
  const data = Array.isArray(b.data) ? b.data : [];
  const next = structuredClone(ss);
  const responses = data.map((d, i) => {
    const vr = asObject(d, `data[${i}]`);
    try {
      return writeRange(next, typeof vr.range === "string" ? vr.range : "", vr, o, `data[${i}]`);
    } catch (e) {
      throw withPrefix(`Invalid data[${i}]`, e);
    }
  });
  const out: JsonObject = { spreadsheetId: ss.spreadsheetId };
  const sum = (k: string) => responses.reduce((n, r) => n + ((r[k] as number | undefined) ?? 0), 0);
  const totals: [string, number][] = [
    ["totalUpdatedRows", sum("updatedRows")],
    ["totalUpdatedColumns", sum("updatedColumns")],
    ["totalUpdatedCells", sum("updatedCells")],
    [
      "totalUpdatedSheets",
      new Set(responses.map((r) => String(r.updatedRange).replace(/![^!]*$/, ""))).size,
    ],
  ];
  for (const [k, v] of totals) if (v) out[k] = v;
  if (responses.length) out.responses = responses;
  return { body: out, next };
}

export function valuesClear(
  ss: SpreadsheetState,
  rangeText: string,
  q: URLSearchParams,
  body: unknown,
): EndpointResult {
  checkQuery(q, []);
  checkKeys(asObject(body, ""), [], undefined);
  const next = structuredClone(ss);
  const target = resolveRange(next, rangeText);
  const rect = clearValues(target);
  return {
    body: { spreadsheetId: ss.spreadsheetId, clearedRange: a1Of(target.sheet, rect) },
    next,
  };
}

export function valuesBatchClear(
  ss: SpreadsheetState,
  q: URLSearchParams,
  body: unknown,
): EndpointResult {
  checkQuery(q, []);
  const b = asObject(body, "");
  checkKeys(b, ["ranges"], undefined);
  const ranges = Array.isArray(b.ranges) ? b.ranges.map(String) : [];
  const next = structuredClone(ss);
  const cleared = ranges.map((r, i) => {
    try {
      const target = resolveRange(next, r);
      return a1Of(target.sheet, clearValues(target));
    } catch (e) {
      throw withPrefix(`Invalid ranges[${i}]`, e);
    }
  });
  const out: JsonObject = { spreadsheetId: ss.spreadsheetId };
  if (cleared.length) out.clearedRanges = cleared;
  return { body: out, next };
}
