/**
 * A screenshot of a preview page in Debian's Chromium, for the README and reviews:
 *   node --experimental-strip-types tools/preview/screenshot.ts out/index.html shot.png [tab]
 * `tab` is a tab title (default: the first tab). Fails on console errors or network requests.
 */
import { resolve } from "node:path";
import { CHROMIUM_HINT, findChromium, launchChromium, openFile } from "./chromium.ts";

async function main(): Promise<number> {
  const [page, png, tab] = process.argv.slice(2);
  if (!page || !png) {
    console.error("usage: screenshot.ts PAGE.html OUT.png [TAB TITLE]");
    return 2;
  }
  const executable = findChromium();
  if (!executable) {
    console.error(CHROMIUM_HINT);
    return 1;
  }
  const browser = await launchChromium(executable);
  try {
    const opened = await openFile(browser, resolve(page), { width: 1366, height: 768 });
    if (tab) await opened.page.getByRole("tab", { name: tab, exact: true }).click();
    await opened.page.screenshot({ path: resolve(png) });
    const problems = [...opened.errors, ...opened.network.map((u) => `network: ${u}`)];
    for (const p of problems) console.error(p);
    return problems.length ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
