/**
 * The signed JWT a service account exchanges for an access token (OAuth 2.0 JWT bearer
 * grant, RFC 7523, as Google documents it for server-to-server apps).
 */
import { SignJWT } from "jose";

export const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";
/** Read-only file metadata: enough for Drive's files.list on modifiedTime (which unit
 * spreadsheets changed), nothing of the files' content. */
export const DRIVE_METADATA_SCOPE = "https://www.googleapis.com/auth/drive.metadata.readonly";
/** What the Worker's token asks for (space-separated, as OAuth 2.0 joins scopes). */
export const WORKER_SCOPES = `${SHEETS_SCOPE} ${DRIVE_METADATA_SCOPE}`;
/** Google rejects assertions valid for longer than an hour. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

export interface AssertionClaims {
  readonly clientEmail: string;
  readonly privateKeyId: string;
  /** The token endpoint URL the assertion is sent to. */
  readonly audience: string;
  readonly scope: string;
  readonly issuedAtSeconds: number;
  readonly lifetimeSeconds?: number;
}

export async function signAssertion(key: CryptoKey, claims: AssertionClaims): Promise<string> {
  const lifetime = Math.min(
    claims.lifetimeSeconds ?? MAX_ASSERTION_LIFETIME_SECONDS,
    MAX_ASSERTION_LIFETIME_SECONDS,
  );
  return new SignJWT({ scope: claims.scope })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: claims.privateKeyId })
    .setIssuer(claims.clientEmail)
    .setAudience(claims.audience)
    .setIssuedAt(claims.issuedAtSeconds)
    .setExpirationTime(claims.issuedAtSeconds + lifetime)
    .sign(key);
}
