import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { it } from "vitest";
import { ADDON, callGlobal, DIST } from "./load-bundle.ts";

export const TEST_OUTPUT = join(ADDON, "..", "test-output");
export const INSTALL_HINT =
  "Debian's chromium is not installed: run `sudo apt-get install -y chromium` (.ci/run does this in CI).";

/** Debian's chromium binary, or null. */
export function findChromium(): string | null {
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const path = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (path) return path;
    } catch {
      // not on PATH under this name
    }
  }
  return null;
}

/**
 * Call inside a describe: the chromium to test with, or null after registering a test that
 * is skipped with INSTALL_HINT on a developer machine and fails with it under CI=true.
 */
export function chromiumOrSkip(): string | null {
  const executable = findChromium();
  if (executable) return executable;
  const inCi = process.env.CI === "true";
  if (!inCi) console.warn(`Skipping the sidebar browser tests. ${INSTALL_HINT}`);
  it.skipIf(!inCi)("needs Debian's chromium", () => {
    throw new Error(INSTALL_HINT);
  });
  return null;
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Real headless Chromium with a fresh profile directory, nothing fetched from the network. */
export async function launch(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "qcdc-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--lang=vi-VN",
    ],
    locale: "vi-VN",
    // The date picker's display follows the process locale, as on a Vietnamese desktop.
    env: { ...process.env, LANG: "vi_VN.UTF-8", LANGUAGE: "vi" },
    viewport: { width: 300, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a built page with google.script.run replaced by a double that calls the real
 * server functions of Code.js (loaded in a vm against the fake) with JSON-copied
 * arguments and results, asynchronously, as Apps Script does.
 */
export async function openPage(
  browser: Browser,
  file: string,
  scope: Record<string, unknown>,
  viewport = { width: 300, height: 900 },
): Promise<Page> {
  const page = await browser.context.newPage();
  // Fail an action with its own message well before vitest's test timeout.
  page.setDefaultTimeout(5000);
  await page.setViewportSize(viewport);
  await page.exposeFunction("__gasRun", (name: string, argsJson: string) => {
    const result = callGlobal(scope, name, ...(JSON.parse(argsJson) as unknown[]));
    return result === undefined ? undefined : JSON.stringify(result);
  });
  await page.addInitScript(() => {
    type Handler = ((value: unknown) => void) | null;
    const w = window as unknown as {
      __gasRun(name: string, args: string): Promise<string | undefined>;
      __closed: boolean;
      google: unknown;
    };
    const runner = (success: Handler, failure: Handler): unknown =>
      new Proxy(
        {},
        {
          get(_target, property) {
            if (property === "withSuccessHandler") return (fn: Handler) => runner(fn, failure);
            if (property === "withFailureHandler") return (fn: Handler) => runner(success, fn);
            if (property === "withUserObject") return () => runner(success, failure);
            return (...args: unknown[]) => {
              w.__gasRun(String(property), JSON.stringify(args)).then(
                (json) => success?.(json === undefined ? undefined : JSON.parse(json)),
                (error: Error) => failure?.(new Error(error.message)),
              );
            };
          },
        },
      );
    w.__closed = false;
    w.google = { script: { run: runner(null, null), host: { close: () => (w.__closed = true) } } };
  });
  await page.goto(`file://${join(DIST, `${file}.html`)}`);
  return page;
}

export function screenshotPath(name: string): string {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  return join(TEST_OUTPUT, name);
}

/**
 * The order a date input's fields take when typed into: it follows the browser's language
 * (05/06/2026 is typed day first in Vietnamese, month first in an en-US browser such as
 * Debian's chromium without chromium-l10n). Found by typing into a scratch page.
 */
export async function dateFieldOrder(browser: Browser): Promise<"dmy" | "mdy"> {
  const page = await browser.context.newPage();
  try {
    await page.setContent('<input id="d" type="date">');
    await page.focus("#d");
    await page.keyboard.type("01022026");
    const value = await page.inputValue("#d");
    if (value === "2026-02-01") return "dmy";
    if (value === "2026-01-02") return "mdy";
    throw new Error(`unexpected date field order: typing 01022026 gave "${value}"`);
  } finally {
    await page.close();
  }
}

/** What a person types into a focused date input for `iso` (YYYY-MM-DD), digits only. */
export function dateKeystrokes(iso: string, order: "dmy" | "mdy"): string {
  const [y = "", m = "", d = ""] = iso.split("-");
  return order === "dmy" ? `${d}${m}${y}` : `${m}${d}${y}`;
}
