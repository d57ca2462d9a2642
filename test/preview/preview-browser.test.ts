// The preview in real Chromium: the page npm start writes for a spreadsheet built through the
// official client opens offline with no console errors, shows every visible tab, draws its
// charts, keeps hostile cell text as text, follows a link to a tab and cell; screenshots in
// test-output/ (preview.png: the chart tab).

import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openFile } from "../../tools/preview/chromium.ts";
import { writePreview } from "../../tools/preview/write-preview.ts";
import type { Emulator } from "../emulator/server.ts";
import { startEmulator } from "../emulator/server.ts";
import { chromiumOrSkip } from "../support/chromium-or-skip.ts";
import { colouredPixels } from "./coloured-pixels.ts";
import { buildSample, CHARTS, SAMPLE_ID, sampleSeed } from "./sample-province.ts";

const OUT = resolve(import.meta.dirname, "../../test-output");
const PAGE = join(OUT, "preview.html");

describe("the preview page in Chromium", () => {
  const executable = chromiumOrSkip("the preview browser test");
  if (!executable) return;
  let emu: Emulator;
  let browser: Browser;

  beforeAll(async () => {
    emu = await startEmulator({ spreadsheets: [sampleSeed] });
    await buildSample(emu);
    mkdirSync(OUT, { recursive: true });
    await writePreview(emu.url, emu.serviceAccountKey!, SAMPLE_ID, PAGE);
    browser = await launchChromium(executable);
  });

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  it("opens offline without errors and shows every visible tab", async () => {
    const { page, errors, network } = await openFile(browser, PAGE);
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
    expect(await page.locator("nav.tabs button").allTextContents()).toEqual([
      "Tổng hợp",
      "Biểu đồ",
      "Lỗi dữ liệu",
    ]);
    await expect.poll(() => page.locator("section.sheet:visible").count()).toBe(1);
    expect(await page.locator("section.sheet:visible td[data-ref=A4]").textContent()).toBe("1");
    expect(await page.locator("section.sheet:visible td[data-ref=C4]").textContent()).toBe("1.234");
    expect(await page.locator("section.sheet:visible td[data-ref=E4]").textContent()).toBe(
      "123,4%",
    );
    // The frozen rows stay in view when the tab scrolls.
    const head = page.locator("section.sheet:visible thead");
    expect(await head.evaluate((e) => getComputedStyle(e).position)).toBe("sticky");
    expect(await head.locator("td[data-ref=B3]").textContent()).toBe("Chỉ tiêu");
    expect(await page.locator("td[data-ref=A1]").first().getAttribute("colspan")).toBe("5");
    await page.screenshot({ path: join(OUT, "preview-report.png") });
    await page.context().close();
  });

  it("draws every chart of the chart tab", async () => {
    const { page, errors } = await openFile(browser, PAGE, { width: 1200, height: 900 });
    await page.locator("nav.tabs button", { hasText: "Biểu đồ" }).click();
    const canvases = page.locator(`section[data-gid="${CHARTS}"] canvas`);
    expect(await canvases.count()).toBe(3);
    for (const canvas of await canvases.all()) {
      expect(await colouredPixels(canvas)).toBeGreaterThan(500);
    }
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(OUT, "preview.png") });
    await page.context().close();
  });

  it("keeps cell text as text and follows a link to its tab and cell", async () => {
    const { page, errors } = await openFile(browser, PAGE);
    await page.locator("nav.tabs button", { hasText: "Lỗi dữ liệu" }).click();
    const hostile = page.locator("section.sheet:visible td[data-ref=C2]");
    expect(await hostile.textContent()).toContain("<script>window.__pwned = 1</script>");
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("section.sheet:visible td[data-ref=C1]").getAttribute("title")).toBe(
      "Ghi chú <b>không</b> phải HTML",
    );
    // A javascript: link is shown as text, not as a link.
    expect(await page.locator("section.sheet:visible td[data-ref=B3] a").count()).toBe(0);
    await page.locator("section.sheet:visible td[data-ref=B2] a").click();
    await expect
      .poll(() => page.locator("section.sheet:visible").getAttribute("data-gid"))
      .toBe("0");
    expect(await page.locator("td.target").getAttribute("data-ref")).toBe("B4");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
