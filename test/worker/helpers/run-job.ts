import { env } from "cloudflare:workers";
import {
  type ConsolidationOptions,
  runConsolidation,
} from "../../../worker/consolidation/run-consolidation.ts";
import type { SheetsClientOptions } from "../../../worker/sheets/client.ts";
import { systemClock } from "../../../worker/sheets/clock.ts";
import { createSheetsClientFromEnv } from "../../../worker/sheets/config.ts";

/** The job as production wires it (real client, D1, clock), for any province id. */
export function runJob(
  provinceId: string,
  options: Partial<ConsolidationOptions> = {},
  clientOptions: Partial<SheetsClientOptions> = {},
) {
  const client = createSheetsClientFromEnv(
    {
      SHEETS_API_BASE: env.SHEETS_API_BASE,
      TOKEN_URL: env.TOKEN_URL,
      GOOGLE_SERVICE_ACCOUNT_JSON: env.GOOGLE_SERVICE_ACCOUNT_JSON,
    },
    clientOptions,
  );
  return runConsolidation(
    { client, db: env.DB, clock: systemClock },
    { provinceId, trigger: "api", ...options },
  );
}
