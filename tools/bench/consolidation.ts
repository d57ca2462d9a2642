/**
 * Benchmark: a first sync then a next run of a province by the real Worker (workerd)
 * against the emulator, which enforces Google's per-user quota. A province too large for
 * one run's quota is read over several runs (each stops at its deadline and the next one
 * carries on), so the first sync is reported as a whole: its runs, the time the quota was
 * in use, and the least time the units allow (units ÷ 60 reads a minute).
 *
 *   node --experimental-strip-types tools/bench/consolidation.ts [--units 200]
 *     [--window-ms 6000] [--latency-ms 20] [--deny 2] [--flaky 5]
 *
 * The quota is 60 reads and 60 writes per window; Google's window is 60 000 ms, the default
 * 6 000 ms is the same minute scaled down ten times (Worker, its 12-minute read deadline and
 * emulator alike) so the run takes seconds. Units are copies of the example province's
 * units; `--deny N` makes N units unshared (403) and `--flaky N` makes N units answer 503 on
 * their first call.
 */
import { parseArgs } from "node:util";
import { describeSync, startBenchSession } from "./bench-session.ts";
import { printRunTable } from "./run-table.ts";

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

console.log(
  `Province of ${units} units (${deny} not shared, ${flaky} flaky), quota 60 reads and 60 writes per ${windowMs} ms, ${latencyMs} ms latency per call`,
);
const session = await startBenchSession({ units, deny, flaky, windowMs, latencyMs });
try {
  const first = await session.sync(units);
  console.log(`first sync: ${describeSync(first, windowMs)}`);
  const next = await session.run(0);
  printRunTable(
    [
      { label: "first", ...first },
      { label: "next", ...next },
    ],
    windowMs,
  );
  const totals = (await (await session.worker.api("/api/totals")).json()) as {
    units: { status: string }[];
  };
  const byStatus: Record<string, number> = {};
  for (const u of totals.units) byStatus[u.status] = (byStatus[u.status] ?? 0) + 1;
  console.log(`unit statuses after the first sync and the next run: ${JSON.stringify(byStatus)}`);
} finally {
  await session.close();
}
process.exit(0);
