import { createServiceAccountTokenProvider } from "../auth/token-provider.ts";
import { createDriveClient, driveBaseFor } from "../drive/drive-client.ts";
import type { WorkerConfig } from "../env.ts";
import { createSheetsClientFromConfig } from "../sheets/client-from-config.ts";
import { systemClock } from "../time/clock.ts";
import type { RunRecord, RunTrigger } from "./model.ts";
import { runConsolidation } from "./run-consolidation.ts";
import { logUnit } from "./run-log.ts";

/** The production wiring of the job: real clock, the client from config, D1, progress logs. */
export function runFromEnv(
  env: Env,
  config: WorkerConfig,
  trigger: RunTrigger,
): Promise<RunRecord> {
  // One token (Sheets and Drive scopes) for both clients.
  const tokenProvider = createServiceAccountTokenProvider({
    keyJson: config.sheets.serviceAccountJson,
    tokenUrl: config.sheets.tokenUrl,
  });
  return runConsolidation(
    {
      client: createSheetsClientFromConfig(config.sheets, { tokenProvider }),
      drive: createDriveClient({ baseUrl: driveBaseFor(config.sheets.baseUrl), tokenProvider }),
      db: env.DB,
      clock: systemClock,
      onUnit: logUnit,
    },
    {
      provinceId: config.provinceSpreadsheetId,
      trigger,
      // A person pressing "run now" gets 409 at once when a run is going (and can watch
      // /api/runs/latest); the cron waits a little, as two triggers often fire together.
      ...(trigger === "api" ? { lockWaitMs: 0 } : {}),
      ...(config.runDeadlineMs === null ? {} : { deadlineMs: config.runDeadlineMs }),
    },
  );
}
