// Google's JSON error envelope. Callers branch on `error.status` and read `error.message`,
// so both carry Google's own wording; the emulator never invents a shape of its own.

export interface ErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    errors: ErrorItem[];
    status: string;
    details?: unknown[];
  };
}

export class GoogleError extends Error {
  readonly code: number;
  readonly status: string;
  readonly reason: string;
  readonly details: unknown[] | undefined;
  readonly headers: Record<string, string>;
  readonly shortMessage: string | undefined;

  constructor(
    code: number,
    status: string,
    message: string,
    reason: string,
    extra: { details?: unknown[]; headers?: Record<string, string>; shortMessage?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.reason = reason;
    this.details = extra.details;
    this.headers = extra.headers ?? {};
    this.shortMessage = extra.shortMessage;
  }

  body(): GoogleErrorBody {
    const item: ErrorItem = {
      message: this.shortMessage ?? this.message,
      domain: "global",
      reason: this.reason,
    };
    if (this.code === 401) {
      item.location = "Authorization";
      item.locationType = "header";
    }
    const error: GoogleErrorBody["error"] = {
      code: this.code,
      message: this.message,
      errors: [item],
      status: this.status,
    };
    if (this.details) error.details = this.details;
    return { error };
  }
}

export function invalidArgument(message: string, details?: unknown[]): GoogleError {
  return new GoogleError(400, "INVALID_ARGUMENT", message, "badRequest", { details });
}

export function unableToParseRange(range: string): GoogleError {
  return invalidArgument(`Unable to parse range: ${range}`);
}

export function exceedsGridLimits(rangeText: string, rowCount: number, columnCount: number) {
  return invalidArgument(
    `Range (${rangeText}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
  );
}

/** A protobuf-level refusal of a JSON body or query parameter (unknown field name). */
export function unknownField(name: string, at: string | undefined): GoogleError {
  const where = at ? ` at '${at}'` : "";
  const message = `Invalid JSON payload received. Unknown name "${name}"${where}: Cannot find field.`;
  return invalidArgument(message, [
    {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [{ field: at ?? "", description: message }],
    },
  ]);
}

export function unknownQueryParameter(name: string): GoogleError {
  return invalidArgument(
    `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`,
  );
}

export function invalidEnumValue(field: string, enumType: string, value: string): GoogleError {
  return new GoogleError(
    400,
    "INVALID_ARGUMENT",
    `Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${enumType}), "${value}"`,
    "invalid",
  );
}

export function badFieldMask(path: string): GoogleError {
  return invalidArgument("Request contains an invalid argument.", [
    {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [
        {
          field: path,
          description: `Error expanding 'fields' parameter. Cannot find matching fields for path '${path}'.`,
        },
      ],
    },
  ]);
}

const AUTH_HINT =
  "Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";

export function missingCredentials(): GoogleError {
  return new GoogleError(
    401,
    "UNAUTHENTICATED",
    `Request is missing required authentication credential. ${AUTH_HINT}`,
    "required",
    {
      shortMessage: "Login Required.",
      headers: { "www-authenticate": 'Bearer realm="https://accounts.google.com/"' },
    },
  );
}

export function invalidCredentials(): GoogleError {
  return new GoogleError(
    401,
    "UNAUTHENTICATED",
    `Request had invalid authentication credentials. ${AUTH_HINT}`,
    "authError",
    {
      shortMessage: "Invalid Credentials",
      headers: {
        "www-authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      },
    },
  );
}

export function insufficientScopes(): GoogleError {
  return new GoogleError(
    403,
    "PERMISSION_DENIED",
    "Request had insufficient authentication scopes.",
    "insufficientPermissions",
    {
      headers: {
        "www-authenticate":
          'Bearer realm="https://accounts.google.com/", error="insufficient_scope"',
      },
    },
  );
}

export function permissionDenied(): GoogleError {
  return new GoogleError(
    403,
    "PERMISSION_DENIED",
    "The caller does not have permission",
    "forbidden",
  );
}

export function notFound(): GoogleError {
  return new GoogleError(404, "NOT_FOUND", "Requested entity was not found.", "notFound");
}

export type QuotaKind = "read" | "write";

export function quotaExceeded(kind: QuotaKind, limit: number): GoogleError {
  const metric = kind === "read" ? "Read requests" : "Write requests";
  const limitName =
    kind === "read" ? "ReadRequestsPerMinutePerUser" : "WriteRequestsPerMinutePerUser";
  const message = `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:100000000001'.`;
  return new GoogleError(429, "RESOURCE_EXHAUSTED", message, "rateLimitExceeded", {
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "RATE_LIMIT_EXCEEDED",
        domain: "googleapis.com",
        metadata: {
          quota_location: "global",
          quota_metric: `sheets.googleapis.com/${kind}_requests`,
          quota_limit: limitName,
          quota_limit_value: String(limit),
          service: "sheets.googleapis.com",
          consumer: "projects/100000000001",
        },
      },
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        links: [
          {
            description: "Request a higher quota limit.",
            url: "https://cloud.google.com/docs/quotas/help/request_increase",
          },
        ],
      },
    ],
  });
}

export function serverError(code: number): GoogleError {
  if (code === 503) {
    return new GoogleError(
      503,
      "UNAVAILABLE",
      "The service is currently unavailable.",
      "backendError",
    );
  }
  if (code === 504) {
    return new GoogleError(
      504,
      "DEADLINE_EXCEEDED",
      "The service is currently unavailable.",
      "backendError",
    );
  }
  return new GoogleError(code, "INTERNAL", "Internal error encountered.", "backendError");
}

/** The error a `failFirst` fault answers with: 429 looks exactly like a real quota refusal. */
export function injectedFailure(status: number, kind: QuotaKind): GoogleError {
  return status === 429 ? quotaExceeded(kind, 60) : serverError(status);
}
