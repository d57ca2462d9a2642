// Routes `/v4/spreadsheets/...` and applies what every Google call goes through, in Google's
// order: authentication (401), scopes (403), the account's quota (429), the spreadsheet's
// existence (404), its sharing and injected faults (403 / 5xx), then the method itself.

import type { AccountRegistry } from "./accounts.ts";
import { scopesAllow } from "./accounts.ts";
import { spreadsheetsBatchUpdate, spreadsheetsGet } from "./batch-update.ts";
import type { JsonObject } from "./cell.ts";
import { touch } from "./drive-metadata.ts";
import { injectFault } from "./faults.ts";
import type { Schema } from "./field-mask.ts";
import { maskResponse } from "./field-mask.ts";
import {
  GoogleError,
  insufficientScopes,
  invalidArgument,
  notFound,
  quotaExceeded,
} from "./google-error.ts";
import type { QuotaTracker } from "./quota.ts";
import { schemas } from "./resources.ts";
import type { SpreadsheetState, Store } from "./store.ts";
import { valuesAppend } from "./values-append.ts";
import type { EndpointResult } from "./values-endpoints.ts";
import {
  valuesBatchClear,
  valuesBatchGet,
  valuesBatchUpdate,
  valuesClear,
  valuesGet,
  valuesUpdate,
} from "./values-endpoints.ts";

type Handler = (ss: SpreadsheetState, q: URLSearchParams, body: unknown) => EndpointResult;

interface Route {
  spreadsheetId: string;
  kind: "read" | "write";
  schema: Schema;
  handler: Handler;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Matches a path and method to a method of the API; undefined for anything else (404). */
export function matchRoute(method: string, rawPath: string): Route | undefined {
  const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(rawPath);
  if (!m) return undefined;
  const id = decode(m[1] as string);
  const rest = m[2] as string;
  if (id === undefined) return undefined;
  const route = (kind: "read" | "write", schema: Schema, handler: Handler): Route => ({
    spreadsheetId: id,
    kind,
    schema,
    handler,
  });
  if (rest === "" && method === "GET") return route("read", schemas.spreadsheet, spreadsheetsGet);
  if (rest === ":batchUpdate" && method === "POST")
    return route("write", schemas.batchUpdate, spreadsheetsBatchUpdate);
  if (rest === "/values:batchGet" && method === "GET")
    return route("read", schemas.batchGet, valuesBatchGet);
  if (rest === "/values:batchUpdate" && method === "POST")
    return route("write", schemas.batchUpdateValues, valuesBatchUpdate);
  if (rest === "/values:batchClear" && method === "POST")
    return route("write", schemas.batchClear, valuesBatchClear);
  if (!rest.startsWith("/values/")) return undefined;
  let rawRange = rest.slice("/values/".length);
  let action = "";
  for (const suffix of [":append", ":clear"]) {
    if (rawRange.endsWith(suffix)) {
      action = suffix;
      rawRange = rawRange.slice(0, -suffix.length);
    }
  }
  const range = decode(rawRange);
  if (range === undefined || range === "") return undefined;
  if (action === "" && method === "GET")
    return route("read", schemas.valueRange, (ss, q) => valuesGet(ss, range, q));
  if (action === "" && method === "PUT")
    return route("write", schemas.updateValues, (ss, q, b) => valuesUpdate(ss, range, q, b));
  if (action === ":append" && method === "POST")
    return route("write", schemas.append, (ss, q, b) => valuesAppend(ss, range, q, b));
  if (action === ":clear" && method === "POST")
    return route("write", schemas.clear, (ss, q, b) => valuesClear(ss, range, q, b));
  return undefined;
}

export interface SheetsCall {
  method: string;
  rawPath: string;
  query: URLSearchParams;
  authorization: string | undefined;
  bodyText: string;
}

export interface SheetsOutcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  spreadsheetId: string | null;
  kind: "read" | "write" | "drive" | "other";
  clientEmail: string | null;
  extraLatencyMs: number;
}

export interface SheetsDeps {
  store: Store;
  accounts: AccountRegistry;
  quota: QuotaTracker;
  now: () => number;
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidArgument(`Invalid JSON payload received. ${(e as Error).message}`);
  }
}

/** Google's limit on one request body (10 MiB), as its 400 INVALID_ARGUMENT says. */
export const MAX_REQUEST_BYTES = 10_485_760;

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function handleSheetsCall(call: SheetsCall, deps: SheetsDeps): SheetsOutcome {
  const route = matchRoute(call.method, call.rawPath);
  const out: SheetsOutcome = {
    status: 200,
    body: {},
    headers: {},
    spreadsheetId: route?.spreadsheetId ?? null,
    kind: route?.kind ?? "other",
    clientEmail: null,
    extraLatencyMs: 0,
  };
  try {
    if (!route) throw notFound();
    // Google's front end refuses any body over 10 MiB before looking at it.
    if (byteLength(call.bodyText) > MAX_REQUEST_BYTES) {
      throw invalidArgument(`Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.`);
    }
    const now = deps.now();
    const token = deps.accounts.authenticate(
      call.authorization,
      call.query.get("access_token"),
      now,
    );
    out.clientEmail = token.email;
    if (!scopesAllow(token.scopes, route.kind)) throw insufficientScopes();
    const account = deps.accounts.get(token.email);
    if (account && !deps.quota.tryConsume(token.email, route.kind, account.quota, now)) {
      throw quotaExceeded(
        route.kind,
        route.kind === "read" ? account.quota.reads : account.quota.writes,
      );
    }
    const ss = deps.store.get(route.spreadsheetId);
    if (!ss) throw notFound();
    out.extraLatencyMs = ss.faults.latencyMs;
    const fault = injectFault(ss, route.kind);
    if (fault) throw fault;
    const body = call.method === "GET" ? undefined : parseBody(call.bodyText);
    const result = route.handler(ss, call.query, body);
    const masked = maskResponse(result.body, call.query.get("fields"), route.schema);
    if (result.next) {
      // Every successful write is an edit of the Drive file.
      touch(result.next.drive, now);
      deps.store.put(result.next);
    }
    out.body = masked as JsonObject;
  } catch (e) {
    const err = e instanceof GoogleError ? e : internal(e);
    out.status = err.code;
    out.body = err.body();
    out.headers = err.headers;
  }
  return out;
}

function internal(e: unknown): GoogleError {
  console.error("emulator: internal error", e);
  return new GoogleError(500, "INTERNAL", "Internal error encountered.", "backendError");
}
