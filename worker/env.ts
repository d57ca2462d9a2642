/**
 * The Worker's configuration, parsed once at the boundary. Vars come from wrangler.toml;
 * the two secrets (`npx wrangler secret put NAME`) are declared here because
 * `wrangler types` only sees what the config file names.
 */
import { z } from "zod";

declare global {
  interface Env {
    /** The service account's JSON key file, as Google Cloud console downloads it. */
    GOOGLE_SERVICE_ACCOUNT_JSON: string;
    /** Bearer token for /api/*; any long random string. */
    API_TOKEN: string;
  }
}

// "60" (per minute) or "20/1000" (20 per 1000 ms), as the Sheets client reads it.
const quota = z
  .string()
  .regex(/^\s*[1-9]\d*\s*(?:\/\s*[1-9]\d*\s*)?$/, 'must be "N" (per minute) or "N/ms"')
  .default("60");

const envSchema = z.object({
  PROVINCE_SPREADSHEET_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, "must be the id of the province's spreadsheet"),
  SHEETS_API_BASE: z.url().transform((url) => url.replace(/\/+$/, "")),
  TOKEN_URL: z.url(),
  SHEETS_READS_PER_MINUTE: quota,
  SHEETS_WRITES_PER_MINUTE: quota,
  // Checked in detail by the token provider, which says which field is wrong.
  GOOGLE_SERVICE_ACCOUNT_JSON: z.string().min(1, "is not set (a Worker secret)"),
  API_TOKEN: z.string().min(8, "is not set or shorter than 8 characters (a Worker secret)"),
});

export interface WorkerConfig {
  readonly provinceSpreadsheetId: string;
  readonly sheetsApiBase: string;
  readonly tokenUrl: string;
  readonly readsPerMinute: string;
  readonly writesPerMinute: string;
  readonly serviceAccountJson: string;
  readonly apiToken: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
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
    sheetsApiBase: e.SHEETS_API_BASE,
    tokenUrl: e.TOKEN_URL,
    readsPerMinute: e.SHEETS_READS_PER_MINUTE,
    writesPerMinute: e.SHEETS_WRITES_PER_MINUTE,
    serviceAccountJson: e.GOOGLE_SERVICE_ACCOUNT_JSON,
    apiToken: e.API_TOKEN,
  };
}
