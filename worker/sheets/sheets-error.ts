/**
 * The one error type every SheetsClient call rejects with. It keeps what Google said
 * (HTTP status, `code`, `status` such as PERMISSION_DENIED, `message`) so the run log and
 * the `Lỗi dữ liệu`/status columns can show it next to our Vietnamese explanation.
 */
import { z } from "zod";

export type SheetsErrorKind =
  /** 403: the spreadsheet is not shared with the service account (or API disabled). */
  | "permission-denied"
  /** 404: wrong or deleted spreadsheet id. */
  | "not-found"
  /** 400: bad range, bad request (a bug or a tab renamed/missing). */
  | "invalid-argument"
  /** 401 after one token refresh. */
  | "unauthenticated"
  /** 429: per-minute quota exhausted. */
  | "rate-limited"
  /** 5xx: Google temporarily unavailable. */
  | "unavailable"
  /** fetch itself failed (DNS, connection reset...). */
  | "network"
  /** No response within the per-request timeout. */
  | "timeout"
  /** The caller's AbortSignal fired. */
  | "aborted"
  /** The answer was bigger than the caller allowed (it was not read to the end). */
  | "too-large"
  /** Google answered 2xx with a body we cannot read. */
  | "invalid-response"
  /** No access token: service-account key missing/malformed or the token endpoint refused. */
  | "auth"
  /** Any other HTTP status. */
  | "http";

export interface SheetsApiErrorInit {
  readonly kind: SheetsErrorKind;
  /** Google's message (or a description of the local failure). */
  readonly message: string;
  readonly httpStatus?: number | null;
  readonly code?: number | null;
  readonly status?: string | null;
  readonly operation: string;
  readonly spreadsheetId?: string | null;
  readonly attempts?: number;
  /** How long Google asked us to wait (Retry-After), in ms, if it said. */
  readonly retryAfterMs?: number | null;
  readonly cause?: unknown;
}

export class SheetsApiError extends Error {
  override readonly name = "SheetsApiError";
  readonly kind: SheetsErrorKind;
  /** HTTP status of the last response; null when there was none (network, timeout). */
  readonly httpStatus: number | null;
  /** Google's `error.code` (usually equal to httpStatus). */
  readonly code: number | null;
  /** Google's `error.status`, e.g. "PERMISSION_DENIED", "RESOURCE_EXHAUSTED". */
  readonly status: string | null;
  /** Which client method failed, e.g. "batchGetValues". */
  readonly operation: string;
  readonly spreadsheetId: string | null;
  /** How many HTTP attempts were made before giving up. */
  readonly attempts: number;
  readonly retryAfterMs: number | null;

  constructor(init: SheetsApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.httpStatus = init.httpStatus ?? null;
    this.code = init.code ?? null;
    this.status = init.status ?? null;
    this.operation = init.operation;
    this.spreadsheetId = init.spreadsheetId ?? null;
    this.attempts = init.attempts ?? 0;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** The same error with the attempt count filled in by the retry loop. */
  withAttempts(attempts: number): SheetsApiError {
    return new SheetsApiError({ ...this.toInit(), attempts });
  }

  private toInit(): SheetsApiErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      httpStatus: this.httpStatus,
      code: this.code,
      status: this.status,
      operation: this.operation,
      spreadsheetId: this.spreadsheetId,
      attempts: this.attempts,
      retryAfterMs: this.retryAfterMs,
      cause: this.cause,
    };
  }
}

export function isSheetsApiError(value: unknown): value is SheetsApiError {
  return value instanceof SheetsApiError;
}

/** Kinds worth another attempt: the same request may succeed a moment later. */
export function isRetryableKind(kind: SheetsErrorKind): boolean {
  return (
    kind === "rate-limited" || kind === "unavailable" || kind === "network" || kind === "timeout"
  );
}

const googleErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
  }),
});

export function kindForHttpStatus(httpStatus: number): SheetsErrorKind {
  if (httpStatus === 400) return "invalid-argument";
  if (httpStatus === 401) return "unauthenticated";
  if (httpStatus === 403) return "permission-denied";
  if (httpStatus === 404) return "not-found";
  if (httpStatus === 429) return "rate-limited";
  if (httpStatus >= 500) return "unavailable";
  return "http";
}

/** Builds the error for a non-2xx response from Google's `{"error":{...}}` body (or the
 * raw text when the body is not Google's JSON, e.g. from a proxy). */
export function errorFromResponse(
  httpStatus: number,
  bodyText: string,
  context: { operation: string; spreadsheetId: string | null; retryAfterMs: number | null },
): SheetsApiError {
  let parsed: z.infer<typeof googleErrorBody> | null = null;
  try {
    const result = googleErrorBody.safeParse(JSON.parse(bodyText));
    parsed = result.success ? result.data : null;
  } catch {
    parsed = null;
  }
  const message = parsed?.error.message ?? (bodyText.trim().slice(0, 500) || `HTTP ${httpStatus}`);
  return new SheetsApiError({
    kind: kindForHttpStatus(httpStatus),
    message,
    httpStatus,
    code: parsed?.error.code ?? httpStatus,
    status: parsed?.error.status ?? null,
    ...context,
  });
}
