// `npm start` as a user types it, for the tests that look at what the local run writes
// (test/local-run, and the preview of the example province in test/preview).

import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const REPO_ROOT = resolve(import.meta.dirname, "../..");
/** The bundled example province (docs/domain.md). */
export const EXAMPLE_PROVINCE = join(REPO_ROOT, "test/fixtures/example-province");

export interface NpmStartResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm start -- ...args`; resolves with the exit code and output, never rejects. */
export async function npmStart(args: readonly string[]): Promise<NpmStartResult> {
  try {
    const { stdout, stderr } = await run("npm", ["start", "--", ...args], {
      cwd: REPO_ROOT,
      // A whole run (emulator, workerd, wrangler's bundling) takes seconds alone, far more
      // on a busy machine.
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}
