import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { inspections } from "../../shared/templates/index.ts";
import { validateRecord } from "../../shared/validate-row.ts";
import { chromiumOrSkip, openPage, screenshotPath, suiteBrowser } from "./browser-harness.ts";
import { callGlobal, loadBundle } from "./load-bundle.ts";

/** Presses Tab and names what has focus: its id, or its text for a control without one. */
async function tab(page: Page): Promise<string> {
  await page.keyboard.press("Tab");
  return focused(page);
}

function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || el?.textContent?.trim() || "";
  });
}

/** The focused control lies clear of the sticky footer (status and buttons) of the sidebar. */
function coveredByFooter(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const footer = document.querySelector(".footer");
    if (!el || !footer || footer.contains(el)) return false;
    return el.getBoundingClientRect().bottom > footer.getBoundingClientRect().top;
  });
}

/** Tab to `id` in the entry sidebar, which must then be in sight above the footer. */
async function tabTo(page: Page, id: string): Promise<void> {
  expect(await tab(page)).toBe(id);
  expect(await coveredByFooter(page), `#${id} is hidden behind the footer`).toBe(false);
}

/** Every form control has exactly one <label> (label[for] ↔ id), so it is announced by name. */
function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>("input, select, textarea")]
      .filter((el) => el.labels?.length !== 1)
      .map((el) => el.id || el.outerHTML),
  );
}

// No clicks and no fill(): Tab, typed characters, arrow keys and Enter, as a person
// without a mouse uses the sidebar.
describe("pages by keyboard only, in Chromium", () => {
  const executable = chromiumOrSkip();
  if (!executable) return;
  const browser = suiteBrowser(executable);

  it("Nhập liệu: Tab through the form in reading order, type, fix, Enter saves", async () => {
    const { fake, scope } = loadBundle();
    callGlobal(scope, "menuCreateTemplates");
    callGlobal(scope, "saveUnitSettings", { code: "001", name: "Xã Hòa Bình" });
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    const page = await openPage(browser(), "Sidebar", scope, { width: 300, height: 720 });
    await expect.poll(() => page.locator("#unit").textContent()).toContain("Xã Hòa Bình");
    expect(await unlabelledControls(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("addon-sidebar-top.png") });

    await tabTo(page, "template");
    await tabTo(page, "load-row");
    await tabTo(page, "f-date");
    // Digits only, day first: the form writes them as 05/06/2026.
    await page.keyboard.type("05062026");
    await tabTo(page, "f-inspector");
    expect(await page.locator("#f-date").inputValue()).toBe("05/06/2026");
    expect(await page.locator("#f-date-echo").textContent()).toBe(
      "Là Thứ Sáu, ngày 5 tháng 6 năm 2026.",
    );
    await page.keyboard.type("B"); // a closed <select> jumps to the first option typed
    await tabTo(page, "f-method");
    await page.keyboard.type("K");
    await tabTo(page, "f-round");
    await page.keyboard.type("KH 05");
    await tabTo(page, "f-target");
    await page.keyboard.type("UBND xã Hòa Bình");
    await tabTo(page, "f-targetType");
    await page.keyboard.type("X");
    await tabTo(page, "f-rating");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "f-recommendations");
    await page.keyboard.type("2");
    await tabTo(page, "f-remedied");
    await page.keyboard.type("5");
    await tabTo(page, "f-notes");
    // Enter in the multi-line field is a new line, not a submit.
    await page.keyboard.type("Làm việc với UBND xã");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Kết luận: tốt");
    expect(await page.locator("#status").isHidden()).toBe(true);
    await tabTo(page, "submit");
    await page.keyboard.press("Enter");

    const typed = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLInputElement>("#fields [name]")].map((el) => [
          el.name,
          el.value,
        ]),
      ),
    );
    expect(typed).toMatchObject({
      date: "05/06/2026",
      inspector: "Ban Chỉ đạo cấp tỉnh",
      method: "Kiểm tra",
      targetType: "Xã, phường, đặc khu",
      rating: "Tốt",
      remedied: "5",
    });
    const invalid = validateRecord(inspections, typed);
    if (invalid.ok) throw new Error("5 remedied of 2 recommendations should be refused");
    expect(invalid.problems.map((p) => p.key)).toEqual(["remedied"]);
    // shared/'s message, and the focus goes to the field to fix.
    await expect
      .poll(() => page.locator("#f-remedied-error").textContent())
      .toBe(invalid.problems[0]!.message);
    expect(await focused(page)).toBe("f-remedied");
    expect(await coveredByFooter(page)).toBe(false);
    await page.screenshot({ path: screenshotPath("addon-sidebar-keyboard.png") });
    expect(await page.locator("#status").textContent()).toBe("Còn 1 ô cần sửa trước khi ghi.");
    expect(sheet.getLastRow()).toBe(2);

    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("2");
    await expect.poll(() => page.locator("#f-remedied-error").isHidden()).toBe(true);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe('Đã ghi vào dòng 3 của trang "Kiểm tra, giám sát".');

    const saved = validateRecord(inspections, { ...typed, remedied: "2" });
    if (!saved.ok) throw new Error("the corrected record should be valid");
    const row = saved.row as Record<string, unknown>;
    expect(sheet.stored(3, 2, 1, inspections.columns.length - 1)[0]).toEqual(
      inspections.columns.slice(1).map((c) => row[c.key] ?? ""),
    );
    // Ready for the next base of the same round: date, inspector, method and round kept,
    // focus on the first field that was cleared.
    expect(await focused(page)).toBe("f-target");
    expect(await page.locator("#f-round").inputValue()).toBe("KH 05");

    // Xóa trắng by keyboard asks first; Escape keeps everything, Enter on "Xóa hết" clears.
    await page.keyboard.type("Trường B");
    let at = await tab(page);
    for (let presses = 0; at !== "clear" && presses < 12; presses++) at = await tab(page);
    expect(at).toBe("clear");
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("confirm-yes");
    await page.keyboard.press("Escape");
    expect(await page.locator("#confirm").isHidden()).toBe(true);
    expect(await page.locator("#f-target").inputValue()).toBe("Trường B");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    expect(await page.locator("#f-target").inputValue()).toBe("");
    expect(await page.locator("#f-round").inputValue()).toBe("");
    expect((await page.pageErrors()).map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it("Kiểm tra dữ liệu and Cài đặt đơn vị: reachable and usable by Tab and Enter", async () => {
    const { fake, scope } = loadBundle();
    callGlobal(scope, "menuCreateTemplates");
    fake.spreadsheet
      .getSheetByName(inspections.title)!
      .getRange(3, 1, 1, 6)
      .setValues([["31/02/2026", "Ban Chỉ đạo cấp xã", "Kiểm tra", "", "Trường A", "Khác"]]);
    const check = await openPage(browser(), "Check", scope);
    await expect.poll(() => check.locator(".issue").count()).toBe(1);
    expect(await tab(check)).toBe("rerun");
    expect(await tab(check)).toBe("Lỗi: Dòng 3 · Ngày kiểm tra");
    await check.keyboard.press("Enter");
    await expect.poll(() => fake.spreadsheet.activeRange?.getA1Notation()).toBe("A3");
    await check.close();

    fake.scriptProperties.setProperty(
      "SERVICE_ACCOUNT_EMAIL",
      "qcdc@tinh-mau.iam.gserviceaccount.com",
    );
    const settings = await openPage(browser(), "Settings", scope, { width: 440, height: 470 });
    await expect.poll(() => settings.locator("#sa-email").inputValue()).not.toBe("");
    expect(await unlabelledControls(settings)).toEqual([]);
    expect(await tab(settings)).toBe("unit-code");
    await settings.keyboard.type("001");
    expect(await tab(settings)).toBe("unit-name");
    await settings.keyboard.type("Xã Hòa Bình");
    await settings.keyboard.press("Enter");
    await expect.poll(() => settings.locator("#status").textContent()).toContain("Đã lưu.");
    expect(fake.documentProperties.getProperty("QCDC_UNIT_CODE")).toBe("001");
    // The settings' other fields come next; Tab reaches the buttons after them.
    let at = await tab(settings);
    for (let presses = 0; at !== "save" && presses < 8; presses++) at = await tab(settings);
    expect(at).toBe("save");
    expect(await tab(settings)).toBe("close");
    expect(await tab(settings)).toBe("sa-email");
    expect(await tab(settings)).toBe("copy-email");
    await settings.close();
  });
});
