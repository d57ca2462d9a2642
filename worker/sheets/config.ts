/**
 * Client settings from the Worker's environment (wrangler.toml [vars] and secrets), so
 * production, `npm start` and the tests differ only in these values.
 */
import {
  type AccessTokenProvider,
  createServiceAccountTokenProvider,
  DEFAULT_TOKEN_URL,
} from "../auth/token-provider.ts";
import {
  createSheetsClient,
  DEFAULT_QUOTA,
  DEFAULT_SHEETS_API_BASE,
  type SheetsClient,
  type SheetsClientOptions,
} from "./client.ts";
import type { QuotaWindow } from "./quota-pacer.ts";

export interface SheetsEnv {
  readonly SHEETS_API_BASE?: string;
  readonly TOKEN_URL?: string;
  readonly GOOGLE_SERVICE_ACCOUNT_JSON?: string;
  /** "60" (per minute) or "20/1000" (20 per 1000 ms). */
  readonly SHEETS_READS_PER_MINUTE?: string;
  readonly SHEETS_WRITES_PER_MINUTE?: string;
}

/**
 * `"60"` → 60 per 60 000 ms; `"20/1000"` → 20 per 1000 ms. Blank or invalid falls back to
 * the default rather than failing the run: Google's quota is the same either way.
 */
export function parseQuota(
  text: string | undefined,
  fallback: QuotaWindow = DEFAULT_QUOTA,
): QuotaWindow {
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text ?? "");
  if (!match) return fallback;
  const limit = Number(match[1]);
  const windowMs = match[2] === undefined ? 60_000 : Number(match[2]);
  return limit >= 1 && windowMs >= 1 ? { limit, windowMs } : fallback;
}

export function tokenProviderFromEnv(
  env: SheetsEnv,
  overrides: { fetch?: typeof fetch; now?: () => number } = {},
): AccessTokenProvider {
  return createServiceAccountTokenProvider({
    keyJson: env.GOOGLE_SERVICE_ACCOUNT_JSON,
    tokenUrl: nonBlank(env.TOKEN_URL) ?? DEFAULT_TOKEN_URL,
    ...overrides,
  });
}

/** The client the Worker uses: settings from env, anything in `overrides` wins. */
export function createSheetsClientFromEnv(
  env: SheetsEnv,
  overrides: Partial<SheetsClientOptions> = {},
): SheetsClient {
  return createSheetsClient({
    baseUrl: nonBlank(env.SHEETS_API_BASE) ?? DEFAULT_SHEETS_API_BASE,
    tokenProvider:
      overrides.tokenProvider ??
      tokenProviderFromEnv(env, overrides.fetch ? { fetch: overrides.fetch } : {}),
    quota: {
      reads: parseQuota(env.SHEETS_READS_PER_MINUTE),
      writes: parseQuota(env.SHEETS_WRITES_PER_MINUTE),
    },
    ...overrides,
  });
}

function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
