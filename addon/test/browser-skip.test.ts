import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INSTALL_HINT } from "./browser-harness.ts";
import { ADDON } from "./load-bundle.ts";

const ROOT = join(ADDON, "..");
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");
const out = mkdtempSync(join(tmpdir(), "qcdc-skip-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { assertionResults: { status: string; failureMessages: string[] }[] }[];
}

/**
 * Runs the browser test file in a child vitest on a machine "without chromium": PATH holds
 * nothing, so `which chromium` finds no browser (node is this process's own binary).
 */
function runWithoutChromium(ci: boolean): {
  status: number | null;
  log: string;
  report: JsonReport;
} {
  const file = join(out, `${ci ? "ci" : "dev"}.json`);
  const env: Record<string, string> = {
    HOME: process.env.HOME ?? tmpdir(),
    PATH: join(out, "empty"),
  };
  if (ci) env.CI = "true";
  const run = spawnSync(
    process.execPath,
    [
      VITEST,
      "run",
      "--project",
      "node",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${file}`,
      "addon/test/sidebar-browser.test.ts",
    ],
    { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 },
  );
  const log = `${run.stdout}\n${run.stderr}`;
  let report: JsonReport;
  try {
    report = JSON.parse(readFileSync(file, "utf8")) as JsonReport;
  } catch {
    throw new Error(`the child vitest wrote no report (exit ${run.status}):\n${log}`);
  }
  return { status: run.status, log, report };
}

describe("the browser test without chromium", () => {
  it("is skipped with the install command on a developer machine", () => {
    const { status, log, report } = runWithoutChromium(false);
    expect(status, log).toBe(0);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBe(0);
    expect(report.numPendingTests).toBe(1);
    expect(log).toContain(INSTALL_HINT);
  });

  it("fails with the install command when CI=true", () => {
    const { status, report } = runWithoutChromium(true);
    expect(status).not.toBe(0);
    expect(report.numFailedTests).toBe(1);
    const messages = report.testResults.flatMap((f) =>
      f.assertionResults.flatMap((a) => a.failureMessages),
    );
    expect(messages.join("\n")).toContain(INSTALL_HINT);
  });
});
