/**
 * `npm run bench`: the figures of issue 14, measured on the real Worker in workerd against
 * the emulator (quota scaled: Google's minute is `--window-ms`, the Worker paced alike).
 *
 *   npm run bench                    every benchmark, and the table for README "Limits and
 *                                    figures" at 200, 1,000 and 3,321 units, first and next run
 *   npm run bench -- --quick --json FILE
 *                                    parse, runs at 200 units (200, 5 and 0 changed), memory
 *                                    at 3,321 units under a 128 MiB heap, as JSON (< 3 min on
 *                                    2 cores: the memory run goes alongside the runs, which
 *                                    mostly wait on the scaled quota)
 *
 * Options: --units N (the runs' province, 200), --memory-units N (3321), --parse-rows N,
 * --window-ms N (quota window, 6000 full, 3000 quick), --latency-ms N (20).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DRIVE_MARGIN_MS, EDIT_SKEW_MS } from "../../worker/consolidation/drive-margin.ts";
import { describeSync, type RunFigures, startBenchSession } from "./bench-session.ts";
import type { MemoryFigures } from "./memory.ts";
import { type ParseBenchResult, runParseBench } from "./parse-bench.ts";
import { printRunTable, type TableRow } from "./run-table.ts";

const here = import.meta.dirname;
const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "string" },
    units: { type: "string", default: "200" },
    "memory-units": { type: "string", default: "3321" },
    "parse-rows": { type: "string", default: "400000" },
    "window-ms": { type: "string" },
    "latency-ms": { type: "string", default: "20" },
  },
});
const quick = args.quick;
const units = Number(args.units);
const memoryUnits = Number(args["memory-units"]);
const parseRows = Number(args["parse-rows"]);
const windowMs = Number(args["window-ms"] ?? (quick ? 3000 : 6000));
const latencyMs = Number(args["latency-ms"]);

/** The JSON issue 14 defines, nothing more. */
export interface BenchJson {
  parse: { rows: number; rowsPerSecond: number; floorRowsPerSecond: number };
  runs: RunFigures[];
  memory: MemoryFigures;
}

function node(argv: string[]): number {
  const r = spawnSync(process.execPath, ["--experimental-strip-types", ...argv], {
    stdio: "inherit",
  });
  return r.status ?? 1;
}

function parseFigures(): ParseBenchResult {
  console.log(`\n=== Parse + validate + aggregate, ${parseRows.toLocaleString("en-US")} rows ===`);
  const started = performance.now();
  const r = runParseBench(parseRows, quick ? 3 : 5);
  console.log(`(parse: ${seconds(started)} s)`);
  console.log(
    `${r.rowsPerSecond.toLocaleString("en-US")} rows/s, floor ${r.floorRowsPerSecond.toLocaleString("en-US")} rows/s: ${r.ratio}× (target ≤ 60×); readUnit alone ${r.readRowsPerSecond.toLocaleString("en-US")} rows/s`,
  );
  return r;
}

/**
 * A first run (all changed), then `changedNext` edited units, for each count of `next`;
 * with `quiet`, then the run right after (nothing new: the units edited before the last
 * cycle began are in its reads; the province is read once more, our write having moved
 * its `modifiedTime`) and a run once Drive's 5-minute margin has passed with nothing
 * edited: the steady state of a province at rest.
 */
async function provinceRuns(
  size: number,
  next: readonly number[],
  quiet = false,
): Promise<TableRow[]> {
  const session = await startBenchSession({ units: size, windowMs, latencyMs });
  const rows: TableRow[] = [];
  try {
    // A first sync larger than one run's quota takes several runs: summed over them.
    const first = await session.sync(size);
    if (first.invocations > 1) console.log(describeSync(first, windowMs));
    rows.push({ label: "first", ...first });
    for (const changed of next) {
      await session.editUnits(changed);
      // Edits come at any time between two 5-minute crons, not in the same instant as a
      // run; one made within EDIT_SKEW_MS of a run's start is read by the next run again.
      await session.letTimePass(EDIT_SKEW_MS + 1_000);
      rows.push({ label: "next", ...(await session.run(changed)) });
    }
    if (quiet) {
      rows.push({ label: "after", ...(await session.run(0)) });
      // Only the margin is skipped: the Worker's own clock and its stored times stay real.
      await session.letTimePass(DRIVE_MARGIN_MS + 60_000);
      rows.push({ label: "quiet", ...(await session.run(0)) });
    }
  } finally {
    await session.close();
  }
  return rows;
}

/** `node` without waiting: the child's output is kept, to be shown when it is done. */
function nodeInBackground(argv: string[]): Promise<{ status: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--experimental-strip-types", ...argv], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d: Buffer) => chunks.push(d));
    child.on("error", (e) => done({ status: 1, output: String(e) }));
    child.on("close", (code) =>
      done({ status: code ?? 1, output: Buffer.concat(chunks).toString() }),
    );
  });
}

/**
 * In a child process: a heap cap that kills workerd must not end the bench. Started
 * now, read with `await`; the heap peak is the Worker isolate's own, whatever else runs.
 */
function startMemoryRun(): Promise<MemoryFigures> {
  const started = performance.now();
  const figures = (async (): Promise<MemoryFigures> => {
    const dir = await mkdtemp(join(tmpdir(), "qcdc-bench-memory-"));
    try {
      const file = join(dir, "memory.json");
      const { output } = await nodeInBackground([
        resolve(here, "memory.ts"),
        "--units",
        String(memoryUnits),
        "--json",
        file,
      ]);
      console.log(`\n=== Memory: ${memoryUnits} units under a 128 MiB V8 heap ===`);
      process.stdout.write(output);
      console.log(`(memory run: ${seconds(started)} s)`);
      return JSON.parse(await readFile(file, "utf8")) as MemoryFigures;
    } catch {
      return { units: memoryUnits, heapCapMiB: 128, completed: false, peakHeapMiB: 0 };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return figures;
}

const benchStarted = performance.now();
function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(0);
}

let failed = 0;
if (!quick) {
  for (const [title, argv] of [
    ["Sheets client pacing (200 units, quota scaled 10×)", [resolve(here, "sheets-pacer.ts")]],
    [
      "Sheets client pacing, tab titles known",
      [resolve(here, "sheets-pacer.ts"), "--titles", "known"],
    ],
  ] as const) {
    console.log(`\n=== ${title} ===`);
    if (node([...argv]) !== 0) failed++;
  }
}
// Alone: it times this process's CPU, and its floor is bound by memory bandwidth.
const parse = parseFigures();
// --quick: the memory run alongside the runs below, which mostly wait on the quota (their
// Google calls and quota bounds are counted, not timed; their wall times are scaled).
const quickMemory = quick ? startMemoryRun() : undefined;
console.log(
  `\n=== The Worker in workerd: ${units} units, quota ${60} reads/${windowMs} ms (Google's minute scaled ${(60_000 / windowMs).toFixed(0)}×) ===`,
);
const runsStarted = performance.now();
const runRows = await provinceRuns(units, [5], true);
printRunTable(runRows, windowMs);
console.log(`(runs: ${seconds(runsStarted)} s)`);
if (!quick) {
  for (const size of [1000, 3321]) {
    console.log(`\n=== The Worker in workerd: ${size} units ===`);
    printRunTable(await provinceRuns(size, [5]), windowMs);
  }
}
const memory = await (quickMemory ?? startMemoryRun());
console.log(`(bench: ${seconds(benchStarted)} s)`);
if (args.json) {
  const out: BenchJson = {
    parse: {
      rows: parse.rows,
      rowsPerSecond: parse.rowsPerSecond,
      floorRowsPerSecond: parse.floorRowsPerSecond,
    },
    // The three runs: all changed, 5 changed, and nothing changed (at rest).
    runs: runRows.filter((r) => r.label !== "after").map((r) => r.figures),
    memory,
  };
  await writeFile(args.json, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote ${args.json}`);
}
process.exit(failed > 0 ? 1 : 0);
