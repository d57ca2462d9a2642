/**
 * The Worker's configuration, parsed once at the edge into typed options. Vars come from
 * wrangler.toml; the two secrets (`npx wrangler secret put NAME`) are declared here
 * because `wrangler types` only sees what the config file names.
 */
import { z } from "zod";
import type { QuotaWindow } from "./sheets/quota-pacer.ts";

/** The Worker's secrets, declared once; both names of the Env type carry them. */
interface WorkerSecrets {
  /** The service account's JSON key file, as Google Cloud console downloads it. */
  GOOGLE_SERVICE_ACCOUNT_JSON: string;
  /** Bearer token for /api/*; any long random string. */
  API_TOKEN: string;
}

declare global {
  interface Env extends WorkerSecrets {}
  namespace Cloudflare {
    interface Env extends WorkerSecrets {}
  }
}

// "60" (per minute) or "20/1000" (20 per 1000 ms).
const quota = z
  .string()
  .default("60")
  .transform((text, ctx): QuotaWindow => {
    const match = /^\s*([1-9]\d*)\s*(?:\/\s*([1-9]\d*)\s*)?$/.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: 'must be "N" (per minute) or "N/ms"' });
      return z.NEVER;
    }
    return { limit: Number(match[1]), windowMs: match[2] ? Number(match[2]) : 60_000 };
  });

const envSchema = z.object({
  PROVINCE_SPREADSHEET_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, "must be the id of the province's spreadsheet"),
  SHEETS_API_BASE: z.url().transform((url) => url.replace(/\/+$/, "")),
  TOKEN_URL: z.url(),
  SHEETS_READS_PER_MINUTE: quota,
  SHEETS_WRITES_PER_MINUTE: quota,
  // Optional: how long a run reads before it stops and leaves the rest to the next run
  // (default 12 minutes); the benchmark scales it with its quota window.
  RUN_DEADLINE_MS: z
    .string()
    .regex(/^\s*[1-9]\d*\s*$/, "must be a whole number of milliseconds")
    .transform(Number)
    .optional(),
  // Checked in detail by the token provider, which says which field is wrong.
  GOOGLE_SERVICE_ACCOUNT_JSON: z.string().min(1, "is not set (a Worker secret)"),
  API_TOKEN: z.string().min(8, "is not set or shorter than 8 characters (a Worker secret)"),
});

const apiTokenSchema = envSchema.pick({ API_TOKEN: true });

/** Where and how the Worker talks to Google. */
export interface SheetsConfig {
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly serviceAccountJson: string;
  readonly quota: { readonly reads: QuotaWindow; readonly writes: QuotaWindow };
}

export interface WorkerConfig {
  readonly provinceSpreadsheetId: string;
  readonly sheets: SheetsConfig;
  readonly apiToken: string;
  /** RUN_DEADLINE_MS when set (null: the run's default deadline). */
  readonly runDeadlineMs: number | null;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** False for a problem callers must not learn about (the API token itself). */
  readonly explainToCaller: boolean;

  constructor(message: string, explainToCaller = true) {
    super(message);
    this.explainToCaller = explainToCaller;
  }
}

/**
 * The bearer token, checked before anything else: a caller who has not proven they hold
 * it must not learn that it is missing or too short (only the Worker's log says so).
 */
export function parseApiToken(env: Env): string {
  const parsed = apiTokenSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Worker configuration is invalid: ${problems.join("; ")}`, false);
  }
  return parsed.data.API_TOKEN;
}

export function parseEnv(env: Env): WorkerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Names and rules only: a message must never echo a secret's value.
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Worker configuration is invalid: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return {
    provinceSpreadsheetId: e.PROVINCE_SPREADSHEET_ID,
    sheets: {
      baseUrl: e.SHEETS_API_BASE,
      tokenUrl: e.TOKEN_URL,
      serviceAccountJson: e.GOOGLE_SERVICE_ACCOUNT_JSON,
      quota: { reads: e.SHEETS_READS_PER_MINUTE, writes: e.SHEETS_WRITES_PER_MINUTE },
    },
    apiToken: e.API_TOKEN,
    runDeadlineMs: e.RUN_DEADLINE_MS ?? null,
  };
}
