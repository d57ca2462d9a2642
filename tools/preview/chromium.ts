// Debian's Chromium through playwright-core, offline, for the preview's browser test and
// its screenshot tool: every request other than the page's own file is refused and recorded,
// so a page that would need the network shows it.

import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_HINT, findChromium } from "../chromium.ts";

export { CHROMIUM_HINT, findChromium };

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS, "--lang=vi-VN"],
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
