/**
 * Benchmark: one full consolidation of a large province by the real Worker (workerd)
 * against the emulator, which enforces Google's per-user quota. Prints the Sheets calls a
 * run costs (the quota, not CPU, is what limits a province) and how close the run gets to
 * the fastest schedule the quota allows, for a first run and for a second run.
 *
 *   node --experimental-strip-types tools/bench/consolidation.ts [--units 200]
 *     [--window-ms 6000] [--latency-ms 20] [--deny 2] [--flaky 5]
 *
 * The quota is 60 reads and 60 writes per window; Google's window is 60 000 ms, the default
 * 6 000 ms is the same minute scaled down ten times (Worker and emulator alike) so the run
 * takes seconds. Units are copies of the example province's units; `--deny N` makes N units
 * unshared (403) and `--flaky N` makes N units answer 503 on their first call.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../../test/emulator/server.ts";
import { startLocalWorker } from "../local-run/start-worker.ts";
import { buildProvince } from "./province.ts";

const { values: args } = parseArgs({
  options: {
    units: { type: "string", default: "200" },
    "window-ms": { type: "string", default: "6000" },
    "latency-ms": { type: "string", default: "20" },
    deny: { type: "string", default: "2" },
    flaky: { type: "string", default: "5" },
  },
});
const units = Number(args.units);
const windowMs = Number(args["window-ms"]);
const latencyMs = Number(args["latency-ms"]);
const deny = Number(args.deny);
const flaky = Number(args.flaky);
const LIMIT = 60;

const repoRoot = resolve(import.meta.dirname, "../..");

interface Stats {
  reads: number;
  writes: number;
  tokens: number;
  status429: number;
  requests: { kind: string; requestBytes: number }[];
}

/** The output batchUpdate's size: Google advises keeping a request to a few MB. */
function writeKiB(s: Stats): string {
  const bytes = s.requests
    .filter((r) => r.kind === "write")
    .reduce((n, r) => n + r.requestBytes, 0);
  return (bytes / 1024).toFixed(0);
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), "qcdc-bench-"));
  const { provinceId } = await buildProvince(dir, { units, deny, flaky });
  const emulator = await startEmulator({
    dataDir: dir,
    latencyMs,
    quota: { reads: LIMIT, writes: LIMIT, windowMs },
  });
  const apiToken = randomBytes(16).toString("hex");
  const worker = await startLocalWorker({
    repoRoot,
    provinceId,
    emulatorUrl: emulator.url,
    serviceAccountJson: JSON.stringify(emulator.serviceAccountKey),
    apiToken,
    vars: {
      SHEETS_READS_PER_MINUTE: `${LIMIT}/${windowMs}`,
      SHEETS_WRITES_PER_MINUTE: `${LIMIT}/${windowMs}`,
    },
  });
  const stats = async (): Promise<Stats> =>
    (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as Stats;
  console.log(
    `Province of ${units} units (${deny} not shared, ${flaky} flaky), quota ${LIMIT} reads and ${LIMIT} writes per ${windowMs} ms, ${latencyMs} ms latency per call`,
  );
  console.log(
    "run     wall s  reads  reads/unit  writes  write KiB  tokens  429s  reads/window  of quota-bound best",
  );
  try {
    for (const label of ["first", "second"]) {
      await fetch(`${emulator.url}/__emulator/stats/reset`, { method: "POST" });
      const started = performance.now();
      await worker.fireScheduled();
      for (let i = 0; i < 3000; i++) {
        const res = await worker.api("/api/runs/latest");
        const body = (await res.json()) as { run?: { status: string } };
        if (body.run && body.run.status !== "running") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - started) / 1000;
      const s = await stats();
      // With a fresh window the first LIMIT reads go at once; each further LIMIT waits a window.
      const best = (Math.max(0, Math.ceil(s.reads / LIMIT) - 1) * windowMs) / 1000;
      const perWindow = (s.reads / seconds) * (windowMs / 1000);
      console.log(
        `${label.padEnd(6)} ${seconds.toFixed(1).padStart(7)} ${String(s.reads).padStart(6)} ${(s.reads / units).toFixed(2).padStart(11)} ${String(s.writes).padStart(7)} ${writeKiB(s).padStart(10)} ${String(s.tokens).padStart(7)} ${String(s.status429).padStart(5)} ${perWindow.toFixed(1).padStart(13)} ${best > 0 ? `${((best / seconds) * 100).toFixed(0)}%` : "n/a"}`.padEnd(
          20,
        ),
      );
      // Google's quota resets per minute; wait a window so the second run starts like the next cron.
      await new Promise((r) => setTimeout(r, windowMs));
    }
    const totals = (await (await worker.api("/api/totals")).json()) as {
      units: { status: string }[];
    };
    const byStatus: Record<string, number> = {};
    for (const u of totals.units) byStatus[u.status] = (byStatus[u.status] ?? 0) + 1;
    console.log(`unit statuses after two runs: ${JSON.stringify(byStatus)}`);
    console.log(
      `At Google's real quota (${LIMIT}/min) the second run would take about ${(((await stats()).reads || units) / LIMIT).toFixed(1)} min of quota.`,
    );
  } finally {
    await worker.close();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
