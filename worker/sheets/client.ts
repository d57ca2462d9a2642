/**
 * The Worker's Google Sheets API v4 client: the few calls consolidation needs, over plain
 * fetch (runs in workerd and in Node), paced under Google's per-minute quota, limited to
 * the Workers connection cap, retried with backoff, failing only with SheetsApiError.
 *
 * Create one client per Worker invocation (scheduled run or request), not at module
 * scope: workerd does not let one invocation await I/O started by another, and the pacer,
 * limiter and token cache are per-run state anyway.
 */
import type { z } from "zod";
import type { AccessTokenProvider } from "../auth/token-provider.ts";
import { type Clock, systemClock } from "../time/clock.ts";
import { createConcurrencyLimiter } from "./concurrency-limiter.ts";
import { GRID_VALUES_FIELDS, rowsFromGrid } from "./grid-values.ts";
import { createQuotaPacer, type QuotaWindow } from "./quota-pacer.ts";
import { type ApiCall, type ExecutorDeps, execute } from "./request-executor.ts";
import type { SheetsRequest } from "./request-types.ts";
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy.ts";
import {
  batchGetSchema,
  batchUpdateSchema,
  gridValuesSchema,
  maskedSpreadsheetSchema,
  spreadsheetSchema,
} from "./schemas.ts";
import type {
  BatchGetValuesResult,
  BatchUpdateResult,
  CallOptions,
  GridCallOptions,
  MaskedSheetProperties,
  Spreadsheet,
  SpreadsheetValues,
} from "./types.ts";

export type { AccessTokenProvider } from "../auth/token-provider.ts";
export { createServiceAccountTokenProvider } from "../auth/token-provider.ts";
export type { Clock } from "../time/clock.ts";
export { a1Range, quoteSheetTitle } from "./a1-range.ts";
export { explainSheetsError } from "./explain-error.ts";
export type { QuotaWindow } from "./quota-pacer.ts";
export type * from "./request-types.ts";
export type { RetryPolicy } from "./retry-policy.ts";
export { isSheetsApiError, SheetsApiError, type SheetsErrorKind } from "./sheets-error.ts";
export type * from "./types.ts";

export const DEFAULT_SHEETS_API_BASE = "https://sheets.googleapis.com";

/** Tab titles and ids, enough to find the template tabs and the output tabs, and which
 * tabs already carry the output's protection (so it is added once). */
export const DEFAULT_SPREADSHEET_FIELDS =
  "spreadsheetId,properties(title,locale,timeZone),sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount,frozenRowCount)),protectedRanges(description,warningOnly))";

export interface SheetsClient {
  /** The service account users must share their spreadsheets with (null: no valid key). */
  readonly serviceAccountEmail: string | null;

  /** spreadsheets.get with the default mask: title, tab titles, sheetIds, grid sizes. */
  getSpreadsheet(
    spreadsheetId: string,
    fields?: undefined,
    options?: CallOptions,
  ): Promise<Spreadsheet>;
  /** spreadsheets.get with the caller's mask; it must include the sheets' `title` if it
   * asks for sheets. `sheetId` is present only if the mask names it. */
  getSpreadsheet(
    spreadsheetId: string,
    fields: string,
    options?: CallOptions,
  ): Promise<Spreadsheet<MaskedSheetProperties>>;

  /**
   * ONE spreadsheets.get with every tab's grid data (includeGridData, masked to values):
   * each tab's sheetId, title and rows as batchGetValues would give them, and the sheet's
   * time zone. For a spreadsheet whose tab titles are not known yet; rejects with kind
   * "too-large" past `maxBytes`.
   */
  getSpreadsheetValues(
    spreadsheetId: string,
    options?: GridCallOptions,
  ): Promise<SpreadsheetValues>;

  /**
   * values.batchGet of several ranges in ONE read (UNFORMATTED_VALUE, SERIAL_NUMBER, rows):
   * read every template tab of a unit at once. Results are in the order of `ranges`.
   * Build ranges with `a1Range(title)` from the titles getSpreadsheet returned.
   */
  batchGetValues(
    spreadsheetId: string,
    ranges: readonly string[],
    options?: CallOptions,
  ): Promise<BatchGetValuesResult>;

  /** spreadsheets.batchUpdate: all requests applied atomically, or none. */
  batchUpdate(
    spreadsheetId: string,
    requests: readonly SheetsRequest[],
    options?: CallOptions,
  ): Promise<BatchUpdateResult>;
}

export interface SheetsClientOptions {
  /** SHEETS_API_BASE without the /v4 (default https://sheets.googleapis.com). */
  readonly baseUrl?: string;
  readonly tokenProvider: AccessTokenProvider;
  /** Simultaneous requests (default 6, the Workers per-invocation connection cap). */
  readonly concurrency?: number;
  /** Per-kind quotas (default 60 per 60 000 ms each, Google's per-user quota). */
  readonly quota?: { readonly reads?: QuotaWindow; readonly writes?: QuotaWindow };
  readonly retry?: Partial<RetryPolicy>;
  /** Abort one HTTP attempt after this long (default 30 000 ms). */
  readonly requestTimeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1) (default Math.random). */
  readonly random?: () => number;
}

export const DEFAULT_QUOTA: QuotaWindow = { limit: 60, windowMs: 60_000 };

export function createSheetsClient(options: SheetsClientOptions): SheetsClient {
  const clock: Clock = {
    now: options.now ?? systemClock.now,
    sleep: options.sleep ?? systemClock.sleep,
  };
  const deps: ExecutorDeps = {
    baseUrl: (options.baseUrl ?? DEFAULT_SHEETS_API_BASE).replace(/\/+$/, ""),
    tokenProvider: options.tokenProvider,
    // Workers forbid calling fetch detached from globalThis ("Illegal invocation").
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    clock,
    random: options.random ?? Math.random,
    limiter: createConcurrencyLimiter(options.concurrency ?? 6),
    pacers: {
      read: createQuotaPacer(options.quota?.reads ?? DEFAULT_QUOTA, clock),
      write: createQuotaPacer(options.quota?.writes ?? DEFAULT_QUOTA, clock),
    },
    retry: { ...defaultRetryPolicy, ...options.retry },
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  };

  const run = <T>(call: ApiCall<T>) => execute(deps, call);
  const path = (spreadsheetId: string, rest: string) =>
    `/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}${rest}`;

  return {
    serviceAccountEmail: options.tokenProvider.clientEmail,

    getSpreadsheet: ((
      spreadsheetId: string,
      fields: string = DEFAULT_SPREADSHEET_FIELDS,
      callOptions: CallOptions = {},
    ) =>
      run({
        operation: "getSpreadsheet",
        idempotent: true,
        spreadsheetId,
        kind: "read",
        method: "GET",
        pathAndQuery: `${path(spreadsheetId, "")}?fields=${encodeURIComponent(fields)}`,
        parse: parseWith(/\bsheetId\b/.test(fields) ? spreadsheetSchema : maskedSpreadsheetSchema),
        signal: callOptions.signal,
      })) as SheetsClient["getSpreadsheet"],

    getSpreadsheetValues(spreadsheetId, callOptions = {}) {
      return run({
        operation: "getSpreadsheetValues",
        idempotent: true,
        spreadsheetId,
        kind: "read",
        method: "GET",
        // The mask alone brings `data` (Google ignores includeGridData beside one); it is
        // sent to say so. Unindented, the answer is about half as long.
        pathAndQuery: `${path(spreadsheetId, "")}?includeGridData=true&prettyPrint=false&fields=${encodeURIComponent(GRID_VALUES_FIELDS)}`,
        // Rows are made compact at once: the grid JSON is ~10x the values it carries.
        parse: (json) => {
          const result = parseWith(gridValuesSchema)(json);
          if (!result) return null;
          return {
            timeZone: result.properties?.timeZone,
            sheets: result.sheets.map((s) => ({
              sheetId: s.properties.sheetId,
              title: s.properties.title,
              values: rowsFromGrid(s.data, Number.POSITIVE_INFINITY),
            })),
          };
        },
        signal: callOptions.signal,
        ...(callOptions.maxBytes === undefined ? {} : { maxResponseBytes: callOptions.maxBytes }),
      });
    },

    async batchGetValues(spreadsheetId, ranges, callOptions = {}) {
      // Nothing to read is not worth a request (and Google rejects an empty batchGet).
      if (ranges.length === 0) return { spreadsheetId, valueRanges: [] };
      const query = [
        ...ranges.map((range) => `ranges=${encodeURIComponent(range)}`),
        "majorDimension=ROWS",
        "valueRenderOption=UNFORMATTED_VALUE",
        "dateTimeRenderOption=SERIAL_NUMBER",
      ].join("&");
      return run({
        operation: "batchGetValues",
        idempotent: true,
        spreadsheetId,
        kind: "read",
        method: "GET",
        pathAndQuery: `${path(spreadsheetId, "/values:batchGet")}?${query}`,
        // Callers index results by request order; a length mismatch would misattribute tabs.
        parse: (json) => {
          const result = parseWith(batchGetSchema)(json);
          return result && result.valueRanges.length === ranges.length ? result : null;
        },
        signal: callOptions.signal,
      });
    },

    batchUpdate(spreadsheetId, requests, callOptions = {}) {
      return run({
        operation: "batchUpdate",
        idempotent: false,
        spreadsheetId,
        kind: "write",
        method: "POST",
        pathAndQuery: path(spreadsheetId, ":batchUpdate"),
        body: { requests, includeSpreadsheetInResponse: false },
        parse: parseWith(batchUpdateSchema),
        signal: callOptions.signal,
      });
    },
  };
}

function parseWith<T>(schema: z.ZodType<T>) {
  return (json: unknown): T | null => {
    const result = schema.safeParse(json);
    return result.success ? result.data : null;
  };
}
