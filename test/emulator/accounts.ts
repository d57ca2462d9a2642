// Trusted service accounts and the access tokens issued to them.

import { randomBytes } from "node:crypto";
import { importSPKI } from "jose";
import { invalidCredentials, missingCredentials } from "./google-error.ts";
import type { QuotaLimits } from "./quota.ts";
import { DEFAULT_QUOTA } from "./quota.ts";

export interface AccountOptions {
  client_email: string;
  public_key_pem: string;
  quota?: Partial<QuotaLimits>;
  tokenLifetimeSeconds?: number;
}

export interface Account {
  email: string;
  publicKey: CryptoKey;
  publicKeyPem: string;
  quota: QuotaLimits;
  tokenLifetimeSeconds: number;
}

export interface IssuedToken {
  email: string;
  expiresAt: number;
  scopes: string[];
}

/** Google answers 3599 for a one-hour token. */
export const DEFAULT_TOKEN_LIFETIME = 3599;

export class AccountRegistry {
  private readonly accounts = new Map<string, Account>();
  private readonly tokens = new Map<string, IssuedToken>();

  async trust(o: AccountOptions): Promise<Account> {
    if (!o.client_email || !o.public_key_pem)
      throw new Error("client_email and public_key_pem are required");
    const lifetime = o.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME;
    if (!(lifetime > 0)) throw new Error("tokenLifetimeSeconds must be positive");
    const account: Account = {
      email: o.client_email,
      publicKey: await importSPKI(o.public_key_pem, "RS256"),
      publicKeyPem: o.public_key_pem,
      quota: { ...DEFAULT_QUOTA, ...o.quota },
      tokenLifetimeSeconds: lifetime,
    };
    this.accounts.set(account.email, account);
    return account;
  }

  get(email: string): Account | undefined {
    return this.accounts.get(email);
  }

  issue(account: Account, scopes: string[], now: number): { token: string; expiresIn: number } {
    for (const [t, info] of this.tokens) if (info.expiresAt <= now) this.tokens.delete(t);
    const token = `ya29.emu.${randomBytes(24).toString("base64url")}`;
    this.tokens.set(token, {
      email: account.email,
      expiresAt: now + account.tokenLifetimeSeconds * 1000,
      scopes,
    });
    return { token, expiresIn: account.tokenLifetimeSeconds };
  }

  /** The token's holder, or Google's 401 for a missing, unknown or expired token. */
  authenticate(
    authorization: string | undefined,
    accessTokenParam: string | null,
    now: number,
  ): IssuedToken {
    let token = accessTokenParam ?? undefined;
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!m) throw invalidCredentials();
      token = m[1];
    }
    if (token === undefined) throw missingCredentials();
    const info = this.tokens.get(token);
    if (!info || info.expiresAt <= now || !this.accounts.has(info.email))
      throw invalidCredentials();
    return info;
  }
}

const WRITE_SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets",
  "https://www.googleapis.com/auth/drive",
  "https://www.googleapis.com/auth/drive.file",
];
const READ_SCOPES = [
  ...WRITE_SCOPES,
  "https://www.googleapis.com/auth/spreadsheets.readonly",
  "https://www.googleapis.com/auth/drive.readonly",
];

export function scopesAllow(scopes: string[], kind: "read" | "write"): boolean {
  const allowed = kind === "read" ? READ_SCOPES : WRITE_SCOPES;
  return scopes.some((s) => allowed.includes(s));
}

export function isSheetsScope(scope: string): boolean {
  return READ_SCOPES.includes(scope);
}

// Drive API v3 files.list / files.get: metadata is enough; the Sheets scopes are not.
const DRIVE_SCOPES = [
  "https://www.googleapis.com/auth/drive",
  "https://www.googleapis.com/auth/drive.readonly",
  "https://www.googleapis.com/auth/drive.metadata",
  "https://www.googleapis.com/auth/drive.metadata.readonly",
];

export function isDriveScope(scope: string): boolean {
  return DRIVE_SCOPES.includes(scope);
}
