import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../shared/cells/dates.ts";
import { inspections } from "../../shared/templates/index.ts";
import { validateRecord } from "../../shared/validate-row.ts";
import {
  type Browser,
  chromiumOrSkip,
  launch,
  openPage,
  screenshotPath,
} from "./browser-harness.ts";
import { callGlobal, loadBundle } from "./load-bundle.ts";

describe("sidebar in Chromium", () => {
  const executable = chromiumOrSkip();
  if (!executable) return;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("validates like shared/, then appends the row to the sheet", async () => {
    const { fake, scope } = loadBundle();
    callGlobal(scope, "menuCreateTemplates");
    callGlobal(scope, "saveUnitSettings", { code: "001", name: "Xã Hòa Bình" });
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;

    // Sheets' sidebar is 300 px wide; 720 px is a laptop screen's share of height.
    const page = await openPage(browser, "Sidebar", scope, { width: 300, height: 720 });
    await expect
      .poll(() => page.locator("#unit").textContent())
      .toBe("Đơn vị: Xã Hòa Bình (mã 001)");
    expect(await page.locator("#template").inputValue()).toBe("inspections");

    // Every control is reachable through its label (label[for] ↔ id).
    await page.getByLabel("Ngày kiểm tra").fill("2026-06-05");
    await page.getByLabel("Chủ thể kiểm tra").selectOption("Ban Chỉ đạo cấp tỉnh");
    await page.getByLabel("Hình thức").selectOption("Kiểm tra");
    await page.getByLabel("Loại hình").selectOption("Xã, phường, đặc khu");
    await page.getByLabel(/^Số kiến nghị$/).fill("2");
    await page.getByLabel("Số kiến nghị đã khắc phục").fill("5");
    await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();

    const typed = {
      date: "2026-06-05",
      inspector: "Ban Chỉ đạo cấp tỉnh",
      method: "Kiểm tra",
      target: "",
      targetType: "Xã, phường, đặc khu",
      rating: "",
      recommendations: "2",
      remedied: "5",
      notes: "",
    };
    const expected = validateRecord(inspections, typed);
    if (expected.ok) throw new Error("the typed record should be invalid");
    for (const problem of expected.problems) {
      await expect
        .poll(() => page.locator(`#f-${problem.key}-error`).textContent())
        .toBe(problem.message);
    }
    expect(await page.locator("#status").textContent()).toBe("Còn 2 ô cần sửa trước khi ghi.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-target");
    expect(await page.getByLabel("Đơn vị được kiểm tra").getAttribute("aria-invalid")).toBe("true");
    expect(sheet.getLastRow()).toBe(2);
    // What the person sees: the first invalid field focused, the footer with the summary.
    await page.screenshot({ path: screenshotPath("addon-sidebar-errors.png") });

    // Correcting a field clears its message as the person types; Enter submits the form.
    await page.getByLabel("Số kiến nghị đã khắc phục").fill("2");
    await expect.poll(() => page.locator("#f-remedied-error").isHidden()).toBe(true);
    await page.getByLabel("Đơn vị được kiểm tra").fill("UBND xã Hòa Bình");
    await page.getByLabel("Đơn vị được kiểm tra").press("Enter");

    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe('Đã ghi vào dòng 3 của trang "Kiểm tra, giám sát".');
    expect(sheet.stored(3, 1, 1, 9)[0]).toEqual([
      isoDateToSerial("2026-06-05"),
      "Ban Chỉ đạo cấp tỉnh",
      "Kiểm tra",
      "UBND xã Hòa Bình",
      "Xã, phường, đặc khu",
      "",
      2,
      2,
      "",
    ]);
    // Ready for the next base of the same inspection: the date stays, the rest is cleared.
    expect(await page.getByLabel("Ngày kiểm tra").inputValue()).toBe("2026-06-05");
    expect(await page.getByLabel("Đơn vị được kiểm tra").inputValue()).toBe("");
    // Readable at 300 px: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      300,
    );
    await page.screenshot({ path: screenshotPath("addon-sidebar-saved.png") });
    expect((await page.pageErrors()).map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it("lists the data check's problems and settings in their own pages", async () => {
    const { fake, scope } = loadBundle();
    callGlobal(scope, "menuCreateTemplates");
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    sheet.getRange(3, 1, 2, 5).setValues([
      ["31/02/2026", "Hội đồng", "Kiểm tra", "Trường A", "Khác"],
      ["Tổng cộng", "", "", "", ""],
    ]);
    const check = await openPage(browser, "Check", scope);
    await expect.poll(() => check.locator(".issue").count()).toBe(3);
    expect(await check.locator("#status").textContent()).toContain("Tìm thấy");
    await check.getByRole("button", { name: "Lỗi: Dòng 3 · Ngày kiểm tra" }).click();
    await expect.poll(() => fake.spreadsheet.activeRange?.getA1Notation()).toBe("A3");
    expect(await check.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      300,
    );
    await check.screenshot({ path: screenshotPath("addon-check.png"), fullPage: true });
    expect((await check.pageErrors()).map((e) => e.message)).toEqual([]);
    await check.close();

    fake.scriptProperties.setProperty(
      "SERVICE_ACCOUNT_EMAIL",
      "qcdc@tinh-mau.iam.gserviceaccount.com",
    );
    const settings = await openPage(browser, "Settings", scope, { width: 440, height: 470 });
    await settings.getByLabel("Mã đơn vị").fill("001");
    await settings.getByRole("button", { name: "Lưu" }).click();
    await expect
      .poll(() => settings.locator("#unit-name-error").textContent())
      .toContain("Hãy nhập tên đơn vị");
    await settings.getByLabel("Tên đơn vị").fill("Xã Hòa Bình");
    await settings.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => settings.locator("#status").textContent()).toContain("Đã lưu.");
    expect(await settings.getByLabel("Địa chỉ tài khoản dịch vụ").inputValue()).toBe(
      "qcdc@tinh-mau.iam.gserviceaccount.com",
    );
    expect(fake.documentProperties.getProperty("QCDC_UNIT_NAME")).toBe("Xã Hòa Bình");
    await settings.screenshot({ path: screenshotPath("addon-settings.png"), fullPage: true });
    await settings.close();

    const guide = await openPage(browser, "Guide", scope, { width: 600, height: 560 });
    await guide.screenshot({ path: screenshotPath("addon-guide.png"), fullPage: true });
    await guide.getByRole("button", { name: "Đóng" }).click();
    expect(await guide.evaluate(() => (window as unknown as { __closed: boolean }).__closed)).toBe(
      true,
    );
    await guide.close();
  });
});
