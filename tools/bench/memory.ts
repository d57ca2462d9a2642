/**
 * Benchmark: the Worker's consolidation of a large province in workerd with V8's heap
 * capped as Cloudflare caps an isolate (128 MB), and the largest heap it reached.
 *
 *   node --experimental-strip-types tools/bench/memory.ts [--units 3321] [--heap-mib 128]
 *     [--window-ms 1000] [--json FILE] [--log FILE]
 *
 * The cap and V8's GC trace are passed to workerd by Miniflare
 * (MINIFLARE_WORKERD_V8_FLAGS); the peak is the largest heap V8 reports still in use
 * after a collection, in any isolate: what the run kept alive, not the garbage a lax cap
 * lets pile up before a collection (which grows with the cap). A run that hits the cap
 * crashes the isolate: not completed.
 * Run it as a child process (main.ts does) so that a crash ends only it.
 *
 * The first sync runs as the cron would fire it, its 12-minute deadline scaled with the
 * quota window. Parsing is not scaled, so a short window lets it fill each run: at 250 ms
 * the sync took 15–16 runs on 2 busy cores, at the Worker's 16-run bound (past which units
 * are written unread, and the run does not count as completed); 1,000 ms (Google's minute
 * 60× faster) leaves each run room to read its share.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export interface MemoryFigures {
  readonly units: number;
  readonly heapCapMiB: number;
  readonly completed: boolean;
  readonly peakHeapMiB: number;
}

// "[pid:0xISOLATE]  123 ms: Mark-Compact 45.2 (60.1) -> 30.1 (58.0) MB, ..." (MB are MiB).
const GC_LINE =
  /\[\d+:0x[0-9a-f]+\][^:]*: [A-Za-z-]+(?: \([^)]*\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/;

/** The largest heap still in use after a collection, over every isolate's GC trace lines. */
export function peakHeapFromGcTrace(lines: readonly string[]): number {
  let peak = 0;
  for (const line of lines) {
    const m = GC_LINE.exec(line);
    if (m) peak = Math.max(peak, Number(m[1]));
  }
  return peak;
}

/**
 * The same per isolate, with the largest heap after a full collection (what was really
 * alive): Miniflare runs local D1 in an isolate of its own, whose garbage can top the
 * Worker's heap between its rare full collections.
 */
export function peaksByIsolate(
  lines: readonly string[],
): { isolate: string; peakMiB: number; afterFullGcMiB: number | null }[] {
  const byIsolate = new Map<string, { peakMiB: number; afterFullGcMiB: number | null }>();
  for (const line of lines) {
    const m = GC_LINE.exec(line);
    const isolate = /\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1];
    if (!m || !isolate) continue;
    const heap = Number(m[1]);
    const seen = byIsolate.get(isolate) ?? { peakMiB: 0, afterFullGcMiB: null };
    seen.peakMiB = Math.max(seen.peakMiB, heap);
    if (/ Mark-Compact /.test(line)) seen.afterFullGcMiB = Math.max(seen.afterFullGcMiB ?? 0, heap);
    byIsolate.set(isolate, seen);
  }
  return [...byIsolate]
    .map(([isolate, s]) => ({ isolate, ...s }))
    .sort((a, b) => b.peakMiB - a.peakMiB);
}

export async function runMemoryBench(options: {
  units: number;
  heapCapMiB: number;
  windowMs: number;
  /** Writes the Worker's log (GC trace included) here, to see which phase held what. */
  logFile?: string | undefined;
}): Promise<MemoryFigures> {
  process.env.MINIFLARE_WORKERD_V8_FLAGS = `--max-old-space-size=${options.heapCapMiB} --trace-gc`;
  // Imported after the flags are set: Miniflare reads them when it starts workerd.
  const { describeSync, startBenchSession } = await import("./bench-session.ts");
  const started = performance.now();
  const session = await startBenchSession({
    units: options.units,
    windowMs: options.windowMs,
    latencyMs: 1,
  });
  const logs: string[] = [];
  let completed = false;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
  console.log(`province built and Worker started in ${seconds()} s`);
  try {
    // The whole first sync: its last run loads every unit's pending read and writes.
    const run = await session.sync(options.units, 20 * 60_000);
    completed = run.completed;
    console.log(`first sync after ${seconds()} s: ${describeSync(run, options.windowMs)}`);
  } catch (e) {
    // workerd killed by the cap ends the scheduled call or the API with an error.
    console.log(`run ended after ${seconds()} s: ${(e as Error).message}`);
  } finally {
    logs.push(...session.worker.takeLogs());
    await session.close().catch(() => undefined);
  }
  if (options.logFile) await writeFile(options.logFile, `${logs.join("\n")}\n`);
  for (const p of peaksByIsolate(logs).slice(0, 3)) {
    console.log(
      `isolate ${p.isolate}: peak ${p.peakMiB} MiB, largest after a full collection ${p.afterFullGcMiB ?? "–"} MiB`,
    );
  }
  return {
    units: options.units,
    heapCapMiB: options.heapCapMiB,
    completed,
    peakHeapMiB: Math.round(peakHeapFromGcTrace(logs) * 10) / 10,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({
    options: {
      units: { type: "string", default: "3321" },
      "heap-mib": { type: "string", default: "128" },
      "window-ms": { type: "string", default: "1000" },
      json: { type: "string" },
      log: { type: "string" },
    },
  });
  const figures = await runMemoryBench({
    units: Number(args.units),
    heapCapMiB: Number(args["heap-mib"]),
    windowMs: Number(args["window-ms"]),
    logFile: args.log,
  });
  console.log(
    `${figures.units} units under a ${figures.heapCapMiB} MiB heap: ${figures.completed ? "completed" : "did not complete"}, peak heap ${figures.peakHeapMiB} MiB`,
  );
  if (args.json) await writeFile(args.json, `${JSON.stringify(figures)}\n`);
  process.exit(0);
}
