import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { peakHeapFromGcTrace } from "../../tools/bench/memory.ts";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const count = expect.any(Number);

// `npm run bench -- --quick --json FILE` as a user types it, on a province small enough
// for the test suite: the file holds exactly the keys issue 14 defines. Not timed.
it("writes the JSON issue 14 defines", { timeout: 600_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), "qcdc-bench-json-"));
  const file = join(dir, "bench.json");
  // biome-ignore format: one flag and its value a line
  await run("npm", [
    "run", "bench", "--", "--quick", "--json", file,
    "--units", "12", "--memory-units", "12", "--parse-rows", "2000",
    "--window-ms", "500", "--latency-ms", "1",
  ], { cwd: repoRoot, timeout: 540_000, maxBuffer: 16 * 1024 * 1024 });
  const json = JSON.parse(await readFile(file, "utf8"));
  const runFigures = (changed: number) => ({
    units: 12,
    changed,
    googleCalls: count,
    writes: count,
    status429: count,
    wallS: count,
    quotaBoundS: count,
  });
  expect(json).toStrictEqual({
    parse: { rows: count, rowsPerSecond: count, floorRowsPerSecond: count },
    runs: [runFigures(12), runFigures(5), runFigures(0)],
    memory: { units: 12, heapCapMiB: 128, completed: true, peakHeapMiB: count },
  });
  expect(json.parse.rows).toBeGreaterThanOrEqual(2000);
  // Every run reads the province at least, with a token, and the first reads every unit.
  for (const r of json.runs) expect(r.googleCalls).toBeGreaterThan(1);
  expect(json.runs[0].googleCalls).toBeGreaterThan(12);
  expect(json.runs[0].writes).toBeGreaterThan(0);
  expect(json.memory.peakHeapMiB).toBeGreaterThan(0);
});

it("reads the peak heap in use after a collection from V8's GC trace, over every isolate", () => {
  const lines = [
    "[31961:0x503cbfc9a000]      265 ms: Scavenge 4.5 (5.4) -> 4.2 (6.2) MB, pooled: 0.0 MB, 12.58 / 0.00 ms allocation failure; ",
    "[31961:0x503cbf484000]     9098 ms: Mark-Compact (reduce) 101.7 (130.2) -> 80.3 (99.0) MB, pooled: 0 MB",
    "[31961:0x503cbf484000]     9999 ms: Mark-Compact 96.0 (130.2) -> 70.0 (99.0) MB",
    "a log line of the Worker: 512.0 (1.0) -> ",
  ];
  expect(peakHeapFromGcTrace(lines)).toBe(80.3);
  expect(peakHeapFromGcTrace([])).toBe(0);
});
