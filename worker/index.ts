/**
 * The consolidation Worker: the hourly cron reads every unit and writes the province's
 * totals; the HTTP API runs it on demand and serves totals for any period from D1.
 */
import { createApp } from "./app/create-app.ts";
import { runFromEnv } from "./consolidation/job-from-env.ts";
import { logRun } from "./consolidation/run-log.ts";
import { parseEnv } from "./env.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      (async () => {
        logRun(await runFromEnv(env, parseEnv(env), "scheduled"));
      })(),
    );
  },
} satisfies ExportedHandler<Env>;
