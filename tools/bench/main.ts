/**
 * `npm run bench`: every benchmark, one after another, with figures printed by each.
 * Arguments after `--` go to the consolidation benchmark (e.g. `-- --units 50`).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const here = import.meta.dirname;
const extra = process.argv.slice(2);
const benches: [string, string[]][] = [
  ["Sheets client pacing (200 units, quota scaled 10×)", [resolve(here, "sheets-pacer.ts")]],
  [
    "Sheets client pacing, tab titles known",
    [resolve(here, "sheets-pacer.ts"), "--titles", "known"],
  ],
  ["Whole consolidation in workerd", [resolve(here, "consolidation.ts"), ...extra]],
];
let failed = 0;
for (const [title, argv] of benches) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(process.execPath, ["--experimental-strip-types", ...argv], {
    stdio: "inherit",
  });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
