/**
 * The one error type routes throw; `app.onError` turns it into
 * `{"error":{"code","message", ...details}}` with its status.
 */
export class HttpError extends Error {
  override readonly name = "HttpError";
  readonly status: 400 | 404 | 409 | 500 | 502;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: HttpError["status"],
    code: string,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
