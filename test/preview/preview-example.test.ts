// The preview npm start writes for the example province (out/index.html), opened in real
// Chromium as a user evaluating the product would: offline, no console errors, every tab of
// the provincial spreadsheet in the tab list, the charts of `Biểu đồ` drawn. The screenshot
// test-output/preview-example.png is the chart tab at a laptop's size.

import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SETTINGS_TAB } from "../../shared/province-settings.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { launchChromium, openFile } from "../../tools/preview/chromium.ts";
import { BY_UNIT_TAB } from "../../worker/consolidation/output/by-unit-tab.ts";
import { CHARTS_TAB, KEY_FIGURES } from "../../worker/consolidation/output/charts-tab.ts";
import { detailTabTitle } from "../../worker/consolidation/output/detail-tabs.ts";
import { ERRORS_TAB } from "../../worker/consolidation/output/errors-tab.ts";
import { LOG_TAB } from "../../worker/consolidation/output/log-tab.ts";
import { REPORT_TEXT_TAB } from "../../worker/consolidation/output/report-text-tab.ts";
import { SUBMISSIONS_TAB } from "../../worker/consolidation/output/submissions-tab.ts";
import { SUMMARY_TAB } from "../../worker/consolidation/output/summary-tab.ts";
import { REGISTRY_TAB } from "../../worker/consolidation/registry.ts";
import { EXAMPLE_PROVINCE, npmStart } from "../local-run/npm-start-run.ts";
import { chromiumOrSkip } from "../support/chromium-or-skip.ts";
import { colouredPixels } from "./coloured-pixels.ts";

const OUT = resolve(import.meta.dirname, "../../test-output");

/** The province's own tabs, then the run's output tabs in the order the run writes them. */
const TABS = [
  REGISTRY_TAB,
  SETTINGS_TAB,
  SUMMARY_TAB,
  BY_UNIT_TAB,
  SUBMISSIONS_TAB,
  CHARTS_TAB,
  REPORT_TEXT_TAB,
  ...TEMPLATES.map(detailTabTitle),
  ERRORS_TAB,
  LOG_TAB,
];

describe("the example province's preview in Chromium", () => {
  const executable = chromiumOrSkip("the example preview browser test");
  if (!executable) return;
  let out = "";
  let page = "";
  let browser: Browser;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "qcdc-preview-example-"));
    const run = await npmStart(["--data", EXAMPLE_PROVINCE, "--out", out]);
    if (run.code !== 0) throw new Error(`npm start failed:\n${run.stderr}`);
    page = join(out, "index.html");
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium(executable);
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("opens offline without errors, with every tab of the provincial spreadsheet", async () => {
    expect(TABS).toHaveLength(13);
    const { page: tab, errors, network } = await openFile(browser, page);
    expect(await tab.getByRole("tab").allTextContents()).toEqual(TABS);
    // Every tab opens, shows a grid, and leaves the console clean.
    for (const title of TABS) {
      await tab.getByRole("tab", { name: title, exact: true }).click();
      await expect
        .poll(() => tab.locator("section.sheet:visible").count(), { message: title })
        .toBe(1);
      expect(await tab.locator("section.sheet:visible").getAttribute("aria-label")).toBe(title);
      expect(await tab.locator("section.sheet:visible td").count(), title).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
    await tab.context().close();
  });

  it("draws every chart of Biểu đồ", async () => {
    const {
      page: tab,
      errors,
      network,
    } = await openFile(browser, page, {
      width: 1366,
      height: 768,
    });
    await tab.getByRole("tab", { name: CHARTS_TAB, exact: true }).click();
    const canvases = tab.locator("section.sheet:visible canvas");
    // The reporting rate, the key figures per unit, and each key figure by quarter against
    // last year.
    await expect.poll(() => canvases.count()).toBe(2 + KEY_FIGURES.length);
    for (const canvas of await canvases.all()) {
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(150);
      expect(await colouredPixels(canvas)).toBeGreaterThan(500);
    }
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
    await tab.screenshot({ path: join(OUT, "preview-example.png") });
    await tab.context().close();
  });
});
