/**
 * Why no access token could be had. Messages never contain key material: they name the
 * setting and the field, never its value.
 */
export type TokenErrorKind =
  /** GOOGLE_SERVICE_ACCOUNT_JSON is not set. */
  | "key-missing"
  /** It is set but is not a usable Google service-account JSON key. */
  | "key-invalid"
  /** The token endpoint refused the assertion (invalid_grant, unauthorized_client...). */
  | "rejected"
  /** The token endpoint answered 429 or 5xx. */
  | "unavailable"
  | "network"
  | "timeout"
  /** The token endpoint answered 2xx with a body that has no usable token. */
  | "invalid-response";

export class TokenError extends Error {
  override readonly name = "TokenError";
  readonly kind: TokenErrorKind;
  readonly httpStatus: number | null;
  /** OAuth `error` code from the token endpoint, e.g. "invalid_grant". */
  readonly oauthError: string | null;

  constructor(
    kind: TokenErrorKind,
    message: string,
    details: { httpStatus?: number | null; oauthError?: string | null; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.httpStatus = details.httpStatus ?? null;
    this.oauthError = details.oauthError ?? null;
  }
}
