/**
 * Sends one Sheets API call the careful way: wait for quota (pacer), wait for a connection
 * (limiter), attach a token, time out, classify the outcome, and retry what is worth
 * retrying. Every failure leaves as a SheetsApiError.
 */

import { TokenError } from "../auth/token-error.ts";
import type { AccessTokenProvider } from "../auth/token-provider.ts";
import { type Clock, sleepUnlessAborted } from "../time/clock.ts";
import type { ConcurrencyLimiter } from "./concurrency-limiter.ts";
import type { QuotaPacer } from "./quota-pacer.ts";
import {
  backoffDelayMs,
  parseRetryAfterMs,
  type RetryPolicy,
  shouldRetry,
} from "./retry-policy.ts";
import { errorFromResponse, isRetryableKind, SheetsApiError } from "./sheets-error.ts";

export interface ApiCall<T> {
  readonly operation: string;
  readonly spreadsheetId: string;
  readonly kind: "read" | "write";
  readonly method: "GET" | "POST";
  /** Path and query after the base URL, already encoded. */
  readonly pathAndQuery: string;
  readonly body?: unknown;
  /** Turns the parsed JSON of a 2xx answer into the result, or null if it is unusable. */
  readonly parse: (json: unknown) => T | null;
  readonly signal?: AbortSignal;
  /**
   * False for spreadsheets.batchUpdate: after a timeout or a lost connection it may have
   * been applied, and sending it again could add a tab twice. It is still retried after
   * 429 and 5xx, which Google answers without applying the (atomic) batch.
   */
  readonly idempotent: boolean;
  /** Give up on a 2xx answer longer than this (kind "too-large"), before holding it all. */
  readonly maxResponseBytes?: number;
}

export interface ExecutorDeps {
  readonly baseUrl: string;
  readonly tokenProvider: AccessTokenProvider;
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  readonly random: () => number;
  readonly limiter: ConcurrencyLimiter;
  readonly pacers: { readonly read: QuotaPacer; readonly write: QuotaPacer };
  readonly retry: RetryPolicy;
  readonly requestTimeoutMs: number;
}

type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: SheetsApiError;
      readonly token: string | null;
      /** When the request left (null: it never did, e.g. no token). */
      readonly sentAt?: number | null;
    };

export async function execute<T>(deps: ExecutorDeps, call: ApiCall<T>): Promise<T> {
  // The time budget runs from the first request actually sent: waiting for the quota is
  // pacing, not failing, and a unit queued behind 200 others must still get its retries.
  let firstSentAt: number | null = null;
  let rejectedToken: string | undefined;
  let refreshedAfter401 = false;
  let retries = 0;
  // Bounded: every pass either returns, throws, or uses up one of `maxAttempts` retries,
  // except the single pass allowed after a 401 token refresh.
  for (let attempts = 1; attempts <= deps.retry.maxAttempts + 1; attempts++) {
    const outcome = await attemptOnce(deps, call, rejectedToken);
    if (outcome.ok) return outcome.value;
    const error = outcome.error;
    firstSentAt ??= outcome.sentAt ?? null;
    if (error.kind === "unauthenticated" && !refreshedAfter401 && outcome.token !== null) {
      // The token may have been revoked or expired early: fetch a new one, once.
      refreshedAfter401 = true;
      rejectedToken = outcome.token;
      continue;
    }
    const outcomeUnknown = error.kind === "network" || error.kind === "timeout";
    if (!isRetryableKind(error.kind) || (outcomeUnknown && !call.idempotent)) {
      throw error.withAttempts(attempts);
    }
    const delay = backoffDelayMs(retries, deps.retry, deps.random, error.retryAfterMs);
    const now = deps.clock.now();
    const elapsed = now - (firstSentAt ?? now);
    if (!shouldRetry(deps.retry, retries + 1, elapsed, delay)) throw error.withAttempts(attempts);
    if (error.kind === "rate-limited") {
      // Google counts differently from us (another client shares the quota, or its window
      // differs): hold every request of this kind, not only this one.
      deps.pacers[call.kind].holdUntil(deps.clock.now() + delay);
    }
    try {
      await sleepUnlessAborted(deps.clock, delay, call.signal);
    } catch (cause) {
      throw abortedError(call, attempts, cause);
    }
    retries++;
  }
  // Unreachable: the last permitted pass always returns or throws above.
  throw new SheetsApiError({ kind: "http", message: "retry loop exhausted", ...where(call) });
}

async function attemptOnce<T>(
  deps: ExecutorDeps,
  call: ApiCall<T>,
  rejectedToken: string | undefined,
): Promise<Attempt<T>> {
  let ticket: Awaited<ReturnType<QuotaPacer["acquire"]>>;
  try {
    ticket = await deps.pacers[call.kind].acquire(call.signal);
  } catch (cause) {
    return { ok: false, error: abortedError(call, 0, cause), token: null };
  }
  let sent = false;
  try {
    return await deps.limiter.run(async () => {
      let token: string;
      try {
        token = await deps.tokenProvider.getAccessToken(
          rejectedToken === undefined ? {} : { rejectedToken },
        );
      } catch (cause) {
        return { ok: false, error: tokenFailure(call, cause), token: null };
      }
      sent = true;
      const sentAt = deps.clock.now();
      const attempt = await send(deps, call, token);
      return attempt.ok ? attempt : { ...attempt, sentAt };
    }, call.signal);
  } catch (cause) {
    // The limiter only rejects when the caller's signal fires while queued.
    return { ok: false, error: abortedError(call, 0, cause), token: null };
  } finally {
    if (sent) ticket.done();
    else ticket.cancel();
  }
}

async function send<T>(deps: ExecutorDeps, call: ApiCall<T>, token: string): Promise<Attempt<T>> {
  const timeout = AbortSignal.timeout(deps.requestTimeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await deps.fetch(`${deps.baseUrl}${call.pathAndQuery}`, {
      method: call.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/json",
        ...(call.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: call.body === undefined ? null : JSON.stringify(call.body),
      signal,
    });
    // Read inside the try: the body can also stall or break, under the same timeout.
    text =
      call.maxResponseBytes !== undefined && response.ok
        ? await textUpTo(response, call.maxResponseBytes)
        : await response.text();
  } catch (cause) {
    if (cause instanceof TooLarge) {
      const error = new SheetsApiError({
        kind: "too-large",
        message: `answer longer than ${call.maxResponseBytes} bytes`,
        httpStatus: cause.httpStatus,
        ...where(call),
      });
      return { ok: false, error, token };
    }
    if (call.signal?.aborted) return { ok: false, error: abortedError(call, 0, cause), token };
    const timedOut = timeout.aborted;
    const error = new SheetsApiError({
      kind: timedOut ? "timeout" : "network",
      message: timedOut
        ? `no answer from Google Sheets within ${deps.requestTimeoutMs} ms`
        : `could not reach Google Sheets: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
      ...where(call),
    });
    return { ok: false, error, token };
  }
  if (!response.ok) {
    const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"), deps.clock.now());
    const context = { ...where(call), retryAfterMs };
    return { ok: false, error: errorFromResponse(response.status, text, context), token };
  }
  let value: T | null = null;
  try {
    value = call.parse(JSON.parse(text));
  } catch {
    value = null;
  }
  if (value === null) {
    const error = new SheetsApiError({
      kind: "invalid-response",
      message: `unexpected response body from Google Sheets (HTTP ${response.status})`,
      httpStatus: response.status,
      ...where(call),
    });
    return { ok: false, error, token };
  }
  return { ok: true, value };
}

// No parameter property: the bench and npm start load this file with Node's type stripping.
class TooLarge extends Error {
  readonly httpStatus: number;
  constructor(httpStatus: number) {
    super("answer too large");
    this.httpStatus = httpStatus;
  }
}

/** The body as text, or TooLarge as soon as it passes `max` bytes (the rest is not read). */
async function textUpTo(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > max || !response.body) {
    await response.body?.cancel();
    if (declared > max) throw new TooLarge(response.status);
    return "";
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  // Bounded by `max`: every chunk counts against it.
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new TooLarge(response.status);
    }
    text += decoder.decode(value, { stream: true });
  }
}

function where(call: ApiCall<unknown>) {
  return { operation: call.operation, spreadsheetId: call.spreadsheetId };
}

function abortedError(call: ApiCall<unknown>, attempts: number, cause: unknown): SheetsApiError {
  if (cause instanceof SheetsApiError) return cause;
  return new SheetsApiError({
    kind: "aborted",
    message: "the request was cancelled",
    attempts,
    cause,
    ...where(call),
  });
}

/** A token failure becomes the Sheets error of the same nature, so retries and messages
 * treat "the token endpoint is down" like "Google is down". */
function tokenFailure(call: ApiCall<unknown>, cause: unknown): SheetsApiError {
  if (!(cause instanceof TokenError)) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return new SheetsApiError({ kind: "auth", message, cause, ...where(call) });
  }
  const kind =
    cause.kind === "network" || cause.kind === "timeout"
      ? cause.kind
      : cause.kind === "unavailable"
        ? "unavailable"
        : "auth";
  return new SheetsApiError({
    kind,
    message: cause.message,
    httpStatus: cause.httpStatus,
    code: cause.httpStatus,
    status: cause.oauthError,
    cause,
    operation: `${call.operation} (token)`,
    spreadsheetId: call.spreadsheetId,
  });
}
