import { env } from "cloudflare:workers";
import {
  type ConsolidationDeps,
  type ConsolidationOptions,
  runConsolidation,
} from "../../../worker/consolidation/run-consolidation.ts";
import { parseEnv } from "../../../worker/env.ts";
import type { SheetsClientOptions } from "../../../worker/sheets/client.ts";
import { createSheetsClientFromConfig } from "../../../worker/sheets/client-from-config.ts";
import { systemClock } from "../../../worker/time/clock.ts";

/** The job as production wires it (real client, D1, clock), for any province id. */
export function runJob(
  provinceId: string,
  options: Partial<ConsolidationOptions> = {},
  clientOptions: Partial<SheetsClientOptions> = {},
  deps: Partial<ConsolidationDeps> = {},
) {
  const client = createSheetsClientFromConfig(parseEnv(env).sheets, clientOptions);
  return runConsolidation(
    { client, db: env.DB, clock: systemClock, ...deps },
    { provinceId, trigger: "api", ...options },
  );
}
