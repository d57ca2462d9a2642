import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "..");

// What `wrangler deploy` would upload, built offline: proves the Worker bundles for
// Cloudflare (no Node-only module slipped in) and stays within the script size limit.
it("bundles for deployment with wrangler, well under Cloudflare's size limit", async () => {
  const out = await mkdtemp(join(tmpdir(), "qcdc-bundle-"));
  try {
    await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", out], {
      cwd: repoRoot,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      timeout: 60_000,
    });
    const script = await readFile(join(out, "index.js"));
    const gzipped = gzipSync(script).length;
    console.log(
      `Worker bundle: ${(script.length / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped`,
    );
    // 3 MiB compressed is the Workers Free limit (Paid allows 10 MiB).
    expect(gzipped).toBeLessThan(3 * 1024 * 1024);
    expect(script.toString("utf8")).toMatch(/scheduled/);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 90_000);
