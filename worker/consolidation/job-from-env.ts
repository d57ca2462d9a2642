import type { WorkerConfig } from "../env.ts";
import { systemClock } from "../sheets/clock.ts";
import { createSheetsClientFromEnv } from "../sheets/config.ts";
import type { RunRecord, RunTrigger } from "../storage/types.ts";
import { runConsolidation } from "./run-consolidation.ts";

/** The production wiring of the job: real clock, the client from env, D1, progress logs. */
export function runFromEnv(
  env: Env,
  config: WorkerConfig,
  trigger: RunTrigger,
): Promise<RunRecord> {
  const client = createSheetsClientFromEnv({
    SHEETS_API_BASE: config.sheetsApiBase,
    TOKEN_URL: config.tokenUrl,
    GOOGLE_SERVICE_ACCOUNT_JSON: config.serviceAccountJson,
    SHEETS_READS_PER_MINUTE: config.readsPerMinute,
    SHEETS_WRITES_PER_MINUTE: config.writesPerMinute,
  });
  return runConsolidation(
    {
      client,
      db: env.DB,
      clock: systemClock,
      // One JSON line per unit: `wrangler tail` shows it, npm start prints it as progress.
      onUnit: (progress) => console.log(JSON.stringify({ event: "unit", ...progress })),
    },
    {
      provinceId: config.provinceSpreadsheetId,
      trigger,
      // A person pressing "run now" gets 409 at once when a run is going (and can watch
      // /api/runs/latest); the cron waits a little, as two triggers often fire together.
      ...(trigger === "api" ? { lockWaitMs: 0 } : {}),
    },
  );
}
