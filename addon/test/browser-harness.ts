import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { chromiumOrSkip as chromiumOrSkipFor } from "../../test/support/chromium-or-skip.ts";
import { CHROMIUM_FLAGS, CHROMIUM_HINT } from "../../tools/chromium.ts";
import { ADDON, callGlobal, DIST } from "./load-bundle.ts";

export const TEST_OUTPUT = join(ADDON, "..", "test-output");
export const INSTALL_HINT = CHROMIUM_HINT;

/** Call inside a describe: the chromium for the sidebar's tests, or null (skipped). */
export function chromiumOrSkip(): string | null {
  return chromiumOrSkipFor("the sidebar browser tests");
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Real headless Chromium with a fresh profile directory, nothing fetched from the network,
 * in the interface language `lang` (`vi` as on a Vietnamese desktop, `en-US` as on an
 * English one): the form must read dates the same in both.
 */
export async function launch(
  executablePath: string,
  lang: "vi" | "en-US" = "vi",
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "qcdc-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--lang=${lang}`],
    locale: lang === "vi" ? "vi-VN" : "en-US",
    env: {
      ...process.env,
      LANG: lang === "vi" ? "vi_VN.UTF-8" : "en_US.UTF-8",
      LANGUAGE: lang === "vi" ? "vi" : "en",
    },
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

/** One Chromium for a describe block's tests: launched before them, closed after. */
export function suiteBrowser(executable: string): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("Chromium is not launched yet (use it inside a test)");
    return browser;
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

/** axe-core's WCAG 2.x A/AA rules on the page as it is now; [] when it has no violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}
