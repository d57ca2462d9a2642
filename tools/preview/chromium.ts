// Debian's Chromium through playwright-core, offline, for the preview's browser test and
// its screenshot tool: every request other than the page's own file is refused and recorded,
// so a page that would need the network shows it.

import { execFileSync } from "node:child_process";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_HINT =
  "Debian's chromium is not installed: run `apt-get install -y chromium` (.ci/run does this in CI).";

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

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
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
  });
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions, in order. */
  readonly errors: string[];
  /** Requests the page tried to make beyond its own file. */
  readonly network: string[];
}

export async function openFile(
  browser: Browser,
  file: string,
  viewport = { width: 1280, height: 800 },
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: "vi-VN" });
  const page = await context.newPage();
  const errors: string[] = [];
  const network: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  const url = `file://${file}`;
  await context.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    network.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, errors, network };
}
