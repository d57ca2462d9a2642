import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, formatDateVi } from "../../shared/cells/dates.ts";
import { periodName } from "../../shared/period-names.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { readUnit } from "../../shared/read-unit.ts";
import { fingerprint } from "../../shared/submission/fingerprint.ts";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";
import { PAGES } from "../src/pages.ts";
import type { ReportContext } from "../src/submission/submission-api.ts";
import {
  axeViolations,
  chromiumOrSkip,
  openPage,
  screenshotPath,
  suiteBrowser,
} from "./browser-harness.ts";
import { callGlobal, loadBundle } from "./load-bundle.ts";
import { addRows, dialogue, dialogues } from "./submit-seed.ts";

const SIZE = { width: PAGES.submit.width, height: PAGES.submit.height };

/** Presses Tab until the element with `id` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`#${id} cannot be reached with Tab`);
}

function unitBundle() {
  const loaded = loadBundle();
  callGlobal(loaded.scope, "menuCreateTemplates");
  callGlobal(loaded.scope, "saveUnitSettings", {
    code: "001",
    name: "Xã Hòa Bình",
    preparer: "Nguyễn Thị Lan",
    rule: "decree09",
  });
  const context = callGlobal(loaded.scope, "getReportContext") as ReportContext;
  const period = resolvePeriod(context.defaultPeriod, context.rule)!;
  return { ...loaded, period };
}

describe("Nộp báo cáo in Chromium", () => {
  const executable = chromiumOrSkip();
  if (!executable) return;
  const browser = suiteBrowser(executable);

  it("blocks on an error in the period, then submits by keyboard once it is fixed", async () => {
    const { fake, scope, period } = unitBundle();
    addRows(fake, dialogues, [
      dialogue(period.from, 10),
      // Row 4: 3 resolved of 1 opinion, in the period.
      [period.to, "Ông C", "Thôn Nam", 5, 1, 3],
      // Row 5: the same error in the period before: does not matter.
      [addDays(period.from, -1), "Ông D", "Thôn Tây", 5, 1, 3],
    ]);
    const page = await openPage(browser(), "Submit", scope, SIZE);
    const status = page.locator("#status");
    await expect.poll(() => status.textContent()).toContain("Chưa nộp được: 1 lỗi");
    expect(await page.locator("#period").inputValue()).toBe(period.id);
    expect(await page.getByRole("button", { name: "Nộp báo cáo" }).isDisabled()).toBe(true);
    const link = page.getByRole("button", { name: /^Lỗi: Đối thoại · dòng 4/ });
    expect(await link.count()).toBe(1);
    expect(await page.locator(".report-table caption").textContent()).toBe(
      `${periodName(period)} (${formatDateVi(period.from)} – ${formatDateVi(period.to)})`,
    );
    await page.screenshot({ path: screenshotPath("addon-submit-blocked.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: the error's link selects the cell in the sheet.
    await tabTo(page, "period");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Lỗi: /);
    await page.keyboard.press("Enter");
    await expect.poll(() => fake.spreadsheet.activeRange?.getA1Notation() ?? null).toBe("F4");
    // Tạo biểu mẫu made the tab; a blocked submission leaves it with its header only.
    expect(fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)!.getLastRow()).toBe(1);

    // The officer fixes the cell, checks again and submits, all from the keyboard.
    fake.spreadsheet.getSheetByName(dialogues.title)!.put(4, [[null, null, null, null, 1, 1]]);
    await tabTo(page, "recheck");
    await page.keyboard.press("Enter");
    await expect.poll(() => status.textContent()).toContain("Sẵn sàng nộp");
    await tabTo(page, "note");
    await page.keyboard.type("Đã rà soát số liệu");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("submit");
    await page.keyboard.press("Enter");
    await expect.poll(() => status.textContent()).toContain("Đã nộp báo cáo");
    const text = (await status.textContent()) ?? "";
    expect(text).toContain("2 dòng");
    expect(text).toContain("người nộp Nguyễn Thị Lan");
    expect(text).toContain("Tỉnh sẽ ghi nhận ở lần tổng hợp tiếp theo");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("status");

    // The row written is what the Worker will read.
    const sheet = fake.spreadsheet.getSheetByName(SUBMISSION_TAB.title)!;
    const [row] = sheet.stored(2, 1, 1, SUBMISSION_TAB.columns.length);
    const stored = fake.spreadsheet.getSheets().map((s) => ({
      title: s.getName(),
      values: s.stored(1, 1, s.getLastRow(), s.getLastColumn()),
    }));
    const code = fingerprint(readUnit(stored).rows, period);
    expect(row).toEqual([
      period.id,
      "Nghị định 09",
      expect.any(Number),
      "Nguyễn Thị Lan",
      2,
      code,
      "Đã rà soát số liệu",
    ]);
    expect(text).toContain(code);
    await page.screenshot({ path: screenshotPath("addon-submit-done.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("asks for Người lập biểu before anything can be submitted", async () => {
    const { fake, scope, period } = unitBundle();
    callGlobal(scope, "saveUnitSettings", { code: "001", name: "Xã Hòa Bình", preparer: "" });
    addRows(fake, dialogues, [dialogue(period.from, 10)]);
    const page = await openPage(browser(), "Submit", scope, SIZE);
    await expect
      .poll(() => page.locator("#status").textContent())
      .toContain("hãy nhập Người lập biểu trong Báo cáo QCDC › Cài đặt đơn vị");
    expect(await page.getByRole("button", { name: "Nộp báo cáo" }).isDisabled()).toBe(true);
    await page.close();
  });

  it("shows the unit's own table for another period picked from the keyboard", async () => {
    const { fake, scope, period } = unitBundle();
    addRows(fake, dialogues, [dialogue(period.from, 10), dialogue(period.to, 6)]);
    const page = await openPage(browser(), "OwnTotals", scope, {
      width: PAGES.ownTotals.width,
      height: PAGES.ownTotals.height,
    });
    const status = page.locator("#status");
    await expect.poll(() => status.textContent()).toContain("2 dòng hợp lệ trong kỳ");
    const participants = page.getByRole("row", { name: /Số người dự đối thoại/ });
    expect(await participants.locator("td.figure").first().textContent()).toBe("16");
    await page.screenshot({ path: screenshotPath("addon-own-totals.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // Another period from the keyboard: the list moves, the table follows.
    await tabTo(page, "period");
    const before = await page.locator("#period").inputValue();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => page.locator("#period").inputValue()).not.toBe(before);
    const chosen = await page.locator("#period").inputValue();
    expect(chosen).not.toBe(period.id);
    await expect
      .poll(() => page.locator(".report-table caption").textContent())
      .toMatch(new RegExp(`^${periodName({ id: chosen })} \\(`));
    await page.close();
  });

  it("shows Người lập biểu and Quy tắc kỳ in Cài đặt đơn vị and saves them", async () => {
    const { fake, scope } = unitBundle();
    const page = await openPage(browser(), "Settings", scope, {
      width: PAGES.settings.width,
      height: PAGES.settings.height,
    });
    await expect.poll(() => page.getByLabel("Người lập biểu").inputValue()).toBe("Nguyễn Thị Lan");
    await page.getByLabel("Người lập biểu").fill("Trần Văn Minh");
    await page.getByLabel("Quy tắc kỳ").selectOption("calendar");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.locator("#status").textContent()).toContain("Đã lưu");
    expect(fake.documentProperties.getProperty("QCDC_PREPARER")).toBe("Trần Văn Minh");
    expect(fake.documentProperties.getProperty("QCDC_PERIOD_RULE")).toBe("calendar");
    await page.screenshot({ path: screenshotPath("addon-settings-reporting.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
