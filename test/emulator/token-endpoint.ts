// OAuth 2.0 token endpoint of the service-account JWT bearer flow (RFC 7523), as
// oauth2.googleapis.com/token answers it: the assertion is an RS256 JWT signed with the
// account's private key, `iss` the account, `aud` the token URL, at most an hour long.

import { decodeJwt, errors, jwtVerify } from "jose";
import type { AccountRegistry } from "./accounts.ts";
import { isDriveScope, isSheetsScope } from "./accounts.ts";

export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
const GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Google tolerates a little clock skew between the signer and itself. */
const SKEW_SECONDS = 300;

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
  email?: string;
}

const fail = (error: string, description: string, status = 400): TokenResponse => ({
  status,
  body: { error, error_description: description },
});

const TIMEFRAME =
  "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.";

export function parseTokenBody(
  raw: string,
  contentType: string | undefined,
): Record<string, string> {
  if (contentType?.includes("application/json")) {
    try {
      const o = JSON.parse(raw) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/**
 * Verifies the assertion. `audiences` holds this emulator's own token URL and Google's, since
 * Google's client libraries always sign for oauth2.googleapis.com whatever URL they post to.
 */
export async function exchangeToken(
  params: Record<string, string>,
  registry: AccountRegistry,
  audiences: string[],
  now: number,
): Promise<TokenResponse> {
  if (params.grant_type !== GRANT_TYPE) {
    return fail("unsupported_grant_type", `Invalid grant_type: ${params.grant_type ?? ""}`);
  }
  const assertion = params.assertion;
  if (!assertion) return fail("invalid_request", "Missing required parameter: assertion");
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(assertion);
  } catch {
    return fail("invalid_grant", "Invalid JWT Signature.");
  }
  const account = typeof claims.iss === "string" ? registry.get(claims.iss) : undefined;
  if (!account) return fail("invalid_grant", "Invalid grant: account not found");
  try {
    await jwtVerify(assertion, account.publicKey, {
      algorithms: ["RS256"],
      currentDate: new Date(now),
      clockTolerance: SKEW_SECONDS,
    });
  } catch (e) {
    if (e instanceof errors.JWTExpired) return fail("invalid_grant", TIMEFRAME);
    if (e instanceof errors.JWTClaimValidationFailed) return fail("invalid_grant", TIMEFRAME);
    return fail("invalid_grant", "Invalid JWT Signature.");
  }
  const aud = claims.aud;
  const auds = Array.isArray(aud) ? aud : [aud];
  if (!auds.some((a) => typeof a === "string" && audiences.includes(a))) {
    return fail(
      "invalid_grant",
      `Invalid JWT: Failed audience check. The expected value was ${audiences[0]}.`,
    );
  }
  const iat = claims.iat;
  const exp = claims.exp;
  const nowS = now / 1000;
  if (typeof iat !== "number" || typeof exp !== "number") return fail("invalid_grant", TIMEFRAME);
  if (exp - iat > 3600 || exp <= iat || iat > nowS + SKEW_SECONDS || exp < nowS - SKEW_SECONDS) {
    return fail("invalid_grant", TIMEFRAME);
  }
  const scopes = typeof claims.scope === "string" ? claims.scope.split(/\s+/).filter(Boolean) : [];
  if (!scopes.some((s) => isSheetsScope(s) || isDriveScope(s))) {
    return fail("invalid_scope", "Invalid OAuth scope or ID token audience provided.");
  }
  const { token, expiresIn } = registry.issue(account, scopes, now);
  return {
    status: 200,
    body: { access_token: token, expires_in: expiresIn, token_type: "Bearer" },
    email: account.email,
  };
}
