/**
 * `npm run bench`: the figures of issue 14, measured on the real Worker in workerd against
 * the emulator (quota scaled: Google's minute is `--window-ms`, the Worker paced alike).
 *
 *   npm run bench                    every benchmark, and the table for README "Limits and
 *                                    figures" at 200, 1,000 and 3,321 units, first and next run
 *   npm run bench -- --quick --json FILE
 *                                    parse, runs at 200 units (200, 5 and 0 changed), memory
 *                                    at 3,321 units under a 128 MiB heap, as JSON (≈ 3 min)
 *
 * Options: --units N (the runs' province, 200), --memory-units N (3321), --parse-rows N,
 * --window-ms N (quota window, 6000 full, 3000 quick), --latency-ms N (20).
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type RunFigures, startBenchSession } from "./bench-session.ts";
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
  const r = runParseBench(parseRows, quick ? 3 : 5);
  console.log(
    `${r.rowsPerSecond.toLocaleString("en-US")} rows/s, floor ${r.floorRowsPerSecond.toLocaleString("en-US")} rows/s: ${r.ratio}× (target ≤ 60×); readUnit alone ${r.readRowsPerSecond.toLocaleString("en-US")} rows/s`,
  );
  return r;
}

/** A first run (all changed), then `changedNext` edited units, for each count of `next`. */
async function provinceRuns(size: number, next: readonly number[]): Promise<TableRow[]> {
  const session = await startBenchSession({ units: size, windowMs, latencyMs });
  const rows: TableRow[] = [];
  try {
    rows.push({ label: "first", ...(await session.run(size)) });
    for (const changed of next) {
      if (changed > 0) await session.editUnits(changed);
      rows.push({ label: "next", ...(await session.run(changed)) });
    }
  } finally {
    await session.close();
  }
  return rows;
}

/** In a child process: a heap cap that kills workerd must not end the bench. */
async function memoryFigures(): Promise<MemoryFigures> {
  console.log(`\n=== Memory: ${memoryUnits} units under a 128 MiB V8 heap ===`);
  const dir = await mkdtemp(join(tmpdir(), "qcdc-bench-memory-"));
  try {
    const file = join(dir, "memory.json");
    node([resolve(here, "memory.ts"), "--units", String(memoryUnits), "--json", file]);
    return JSON.parse(await readFile(file, "utf8")) as MemoryFigures;
  } catch {
    return { units: memoryUnits, heapCapMiB: 128, completed: false, peakHeapMiB: 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
const parse = parseFigures();
console.log(
  `\n=== The Worker in workerd: ${units} units, quota ${60} reads/${windowMs} ms (Google's minute scaled ${(60_000 / windowMs).toFixed(0)}×) ===`,
);
const runRows = await provinceRuns(units, [5, 0]);
printRunTable(runRows, windowMs);
if (!quick) {
  for (const size of [1000, 3321]) {
    console.log(`\n=== The Worker in workerd: ${size} units ===`);
    printRunTable(await provinceRuns(size, [5]), windowMs);
  }
}
const memory = await memoryFigures();
if (args.json) {
  const out: BenchJson = {
    parse: {
      rows: parse.rows,
      rowsPerSecond: parse.rowsPerSecond,
      floorRowsPerSecond: parse.floorRowsPerSecond,
    },
    runs: runRows.map((r) => r.figures),
    memory,
  };
  await writeFile(args.json, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote ${args.json}`);
}
process.exit(failed > 0 ? 1 : 0);
