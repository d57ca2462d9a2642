/**
 * Access tokens for the service account: sign an RS256 assertion, exchange it at the token
 * endpoint, and reuse the token until shortly before it expires. One run reads up to 200
 * spreadsheets with up to 6 requests in flight; they all share one token and, when it has
 * to be fetched, one token request.
 */
import { importPKCS8 } from "jose";
import { z } from "zod";
import { signAssertion, WORKER_SCOPES } from "./jwt-assertion.ts";
import { parseServiceAccountKey, type ServiceAccountKey } from "./service-account-key.ts";
import { TokenError } from "./token-error.ts";

export const DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token";
const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

export interface AccessTokenProvider {
  /** The service account's e-mail (what users must share their spreadsheets with), or
   * null when the key is missing or malformed. */
  readonly clientEmail: string | null;
  /**
   * A valid access token. Pass `rejectedToken` when Google answered 401 with it: that
   * token is dropped and a new one fetched (unless another caller already replaced it).
   * Rejects only with TokenError.
   */
  getAccessToken(options?: { readonly rejectedToken?: string }): Promise<string>;
}

export interface ServiceAccountTokenProviderOptions {
  /** The JSON key (GOOGLE_SERVICE_ACCOUNT_JSON); missing/malformed keys fail on first use. */
  readonly keyJson: string | null | undefined;
  /** Token endpoint (TOKEN_URL); defaults to the key's token_uri. Also the JWT `aud`. */
  readonly tokenUrl?: string;
  readonly scope?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** Abort a token request after this long (default 15 s). */
  readonly requestTimeoutMs?: number;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().optional(),
});

const oauthErrorBody = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

interface CachedToken {
  readonly token: string;
  /** After this instant the token is refreshed rather than reused. */
  readonly refreshAt: number;
}

export function createServiceAccountTokenProvider(
  options: ServiceAccountTokenProviderOptions,
): AccessTokenProvider {
  const parsed = parseServiceAccountKey(options.keyJson);
  // Workers forbid calling fetch detached from globalThis ("Illegal invocation").
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const scope = options.scope ?? WORKER_SCOPES;

  let cached: CachedToken | null = null;
  let inFlight: Promise<CachedToken> | null = null;
  let signingKey: Promise<CryptoKey> | null = null;

  const importKey = (key: ServiceAccountKey): Promise<CryptoKey> => {
    signingKey ??= importPKCS8(key.privateKeyPem, "RS256").catch((cause: unknown) => {
      throw new TokenError(
        "key-invalid",
        "GOOGLE_SERVICE_ACCOUNT_JSON: private_key is not a valid RSA PKCS#8 key",
        { cause },
      );
    });
    return signingKey;
  };

  const fetchToken = async (key: ServiceAccountKey): Promise<CachedToken> => {
    const tokenUrl = options.tokenUrl ?? key.tokenUri;
    const issuedAtSeconds = Math.floor(now() / 1000);
    const signing = await importKey(key);
    let assertion: string;
    try {
      assertion = await signAssertion(signing, {
        clientEmail: key.clientEmail,
        privateKeyId: key.privateKeyId,
        audience: tokenUrl,
        scope,
        issuedAtSeconds,
      });
    } catch (cause) {
      throw new TokenError("key-invalid", "could not sign with the service account's private_key", {
        cause,
      });
    }
    const requestedAt = now();
    const response = await postForm(doFetch, tokenUrl, timeoutMs, {
      grant_type: JWT_BEARER_GRANT,
      assertion,
    });
    const text = await readText(response, timeoutMs);
    if (!response.ok) throw tokenEndpointError(response.status, text);
    const body = tokenResponse.safeParse(safeJson(text));
    if (!body.success) {
      throw new TokenError(
        "invalid-response",
        "the token endpoint answered without an access token",
        {
          httpStatus: response.status,
        },
      );
    }
    const lifetimeMs = body.data.expires_in * 1000;
    // Refresh early: a tenth of the lifetime, at most 5 minutes, so a token never expires
    // between being handed out and reaching Google (runs last minutes, not hours).
    const margin = Math.min(300_000, lifetimeMs / 10);
    return { token: body.data.access_token, refreshAt: requestedAt + lifetimeMs - margin };
  };

  return {
    clientEmail: parsed.ok ? parsed.key.clientEmail : null,
    async getAccessToken(request = {}) {
      if (!parsed.ok) throw parsed.error;
      if (cached && request.rejectedToken !== undefined && cached.token === request.rejectedToken) {
        cached = null;
      }
      if (cached && now() < cached.refreshAt) return cached.token;
      if (!inFlight) {
        const started = fetchToken(parsed.key);
        inFlight = started;
        // Whatever the outcome, the next caller after it may start a fresh request.
        void started.then(
          (token) => {
            cached = token;
            inFlight = null;
          },
          () => {
            inFlight = null;
          },
        );
      }
      return (await inFlight).token;
    },
  };
}

async function postForm(
  doFetch: typeof fetch,
  url: string,
  timeoutMs: number,
  form: Record<string, string>,
): Promise<Response> {
  try {
    return await doFetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw transportError(cause, timeoutMs);
  }
}

async function readText(response: Response, timeoutMs: number): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw transportError(cause, timeoutMs);
  }
}

function transportError(cause: unknown, timeoutMs: number): TokenError {
  const name = cause instanceof Error ? cause.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new TokenError("timeout", `the token endpoint did not answer within ${timeoutMs} ms`, {
      cause,
    });
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new TokenError("network", `could not reach the token endpoint: ${detail}`, { cause });
}

function tokenEndpointError(status: number, text: string): TokenError {
  const body = oauthErrorBody.safeParse(safeJson(text));
  const oauthError = body.success ? body.data.error : null;
  const description = body.success ? (body.data.error_description ?? body.data.error) : null;
  const message = `the token endpoint refused the service account (HTTP ${status}${
    description ? `: ${description}` : ""
  })`;
  const kind = status === 429 || status >= 500 ? "unavailable" : "rejected";
  return new TokenError(kind, message, { httpStatus: status, oauthError });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
