/**
 * The real Worker (worker/index.ts, bundled by wrangler from wrangler.toml) in workerd,
 * through wrangler's test harness: local D1 with the repo's migrations, vars and secrets
 * pointing it at the emulator. Nothing here re-implements the Worker.
 */

// Wrangler reads these when it loads: offline, quiet, no telemetry.
process.env.WRANGLER_SEND_METRICS = "false";
process.env.WRANGLER_SEND_ERROR_REPORTS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
process.env.WRANGLER_HIDE_BANNER = "true";
process.env.WRANGLER_LOG ??= "error";

export interface LocalWorker {
  readonly url: string;
  /** A request to the Worker with the API token already attached. */
  api(path: string, method?: "GET" | "POST"): Promise<Response>;
  /** Fires the cron handler once, as Cloudflare would at the top of the hour. */
  fireScheduled(): Promise<void>;
  /** The latest run once it is no longer running (the cron handler returns while the run
   * goes on under waitUntil); throws after `timeoutMs`. */
  settledRun(
    timeoutMs: number,
  ): Promise<{ readonly status: string; readonly message: string | null }>;
  /** Log messages the Worker printed since the last call. */
  takeLogs(): string[];
  close(): Promise<void>;
}

export interface LocalWorkerOptions {
  readonly repoRoot: string;
  readonly provinceId: string;
  readonly emulatorUrl: string;
  readonly serviceAccountJson: string;
  readonly apiToken: string;
  /** More vars for the Worker, e.g. a scaled quota window for benchmarks. */
  readonly vars?: Readonly<Record<string, string>>;
}

export async function startLocalWorker(options: LocalWorkerOptions): Promise<LocalWorker> {
  const { createTestHarness } = await import("wrangler");
  const server = createTestHarness({
    root: options.repoRoot,
    workers: [
      {
        configPath: "./wrangler.toml",
        vars: {
          PROVINCE_SPREADSHEET_ID: options.provinceId,
          SHEETS_API_BASE: options.emulatorUrl,
          TOKEN_URL: `${options.emulatorUrl}/token`,
          ...options.vars,
        },
        secrets: {
          GOOGLE_SERVICE_ACCOUNT_JSON: options.serviceAccountJson,
          API_TOKEN: options.apiToken,
        },
      },
    ],
  });
  const { url } = await server.listen();
  const worker = server.getWorker();
  await worker.applyD1Migrations("DB");
  let seen = 0;
  const api: LocalWorker["api"] = (path, method = "GET") =>
    worker.fetch(new URL(path, url).href, {
      method,
      headers: { authorization: `Bearer ${options.apiToken}` },
    }) as unknown as Promise<Response>;
  return {
    url: url.href.replace(/\/$/, ""),
    api,
    async fireScheduled() {
      const result = await worker.scheduled({ cron: "0 * * * *", scheduledTime: new Date() });
      if (result.outcome !== "ok")
        throw new Error(`the scheduled handler ended with "${result.outcome}"`);
    },
    async settledRun(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      // Polled: the run has no other signal for a caller outside the Worker.
      for (;;) {
        const response = await api("/api/runs/latest");
        if (response.ok) {
          const { run } = (await response.json()) as {
            run: { status: string; message: string | null };
          };
          if (run.status !== "running") return run;
        } else {
          await response.body?.cancel();
        }
        if (Date.now() > deadline) throw new Error("the run did not finish in time");
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    takeLogs() {
      const logs = server.getLogs();
      const fresh = logs.slice(seen).map((l) => l.message);
      seen = logs.length;
      return fresh;
    },
    close: () => server.close(),
  };
}
