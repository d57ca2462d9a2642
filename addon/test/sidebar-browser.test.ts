import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../shared/cells/dates.ts";
import { COUNT_RULE, parseCount } from "../../shared/cells/parse-count.ts";
import { awards, inspections } from "../../shared/templates/index.ts";
import { validateRecord } from "../../shared/validate-row.ts";
import {
  axeViolations,
  chromiumOrSkip,
  launch,
  openPage,
  screenshotPath,
  suiteBrowser,
} from "./browser-harness.ts";
import { entryBundle, fillInspection, openEntry, status } from "./entry-browser-setup.ts";
import { callGlobal, loadBundle } from "./load-bundle.ts";

describe("sidebar in Chromium", () => {
  const executable = chromiumOrSkip();
  if (!executable) return;
  const browser = suiteBrowser(executable);

  describe("a date typed day first is read day first, whatever the browser's language", () => {
    for (const lang of ["en-US", "vi"] as const) {
      it(`in Chromium --lang=${lang}`, async () => {
        const inLang = await launch(executable!, lang);
        try {
          const { fake, scope } = entryBundle();
          const page = await openEntry(inLang, scope);
          expect(await page.evaluate(() => navigator.language)).toBe(
            lang === "vi" ? "vi-VN" : "en-US",
          );
          const date = page.getByLabel("Ngày kiểm tra");
          for (const typed of ["05/06/2026", "5/6/2026", "05-06-2026", "2026-06-05", "05062026"]) {
            await date.fill("");
            await date.pressSequentially(typed);
            await date.blur();
            await expect
              .poll(() => page.locator("#f-date-echo").textContent())
              .toBe("Là Thứ Sáu, ngày 5 tháng 6 năm 2026.");
          }
          expect(await date.inputValue()).toBe("05/06/2026");
          await fillInspection(page, "UBND xã Hòa Bình");
          await page.getByLabel("Ngày kiểm tra").fill("5/6/2026");
          await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
          await expect
            .poll(() => status(page))
            .toBe('Đã ghi vào dòng 3 của trang "Kiểm tra, giám sát".');
          const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
          expect(sheet.stored(3, 1, 1, 1)[0]).toEqual([isoDateToSerial("2026-06-05")]);
          // 31/02 does not exist: shared/'s message, nothing saved, no echo.
          await page.getByLabel("Ngày kiểm tra").fill("31/02/2026");
          await page.getByLabel("Đơn vị được kiểm tra").fill("Trường B");
          await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
          const parsed = validateRecord(inspections, { date: "31/02/2026" });
          const message = parsed.ok ? "" : parsed.problems.find((p) => p.key === "date")!.message;
          await expect.poll(() => page.locator("#f-date-error").textContent()).toBe(message);
          expect(await page.locator("#f-date-echo").isHidden()).toBe(true);
          expect(sheet.getLastRow()).toBe(3);
          await page.screenshot({ path: screenshotPath(`addon-date-${lang}.png`) });
          expect(await axeViolations(page)).toEqual([]);
          await page.close();
        } finally {
          await inLang.close();
        }
      });
    }
  });

  it("validates like shared/ in the form's words, then appends the row to the sheet", async () => {
    const { fake, scope } = entryBundle();
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    const page = await openEntry(browser(), scope);
    expect(await page.locator("#template").inputValue()).toBe("inspections");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Ngày kiểm tra").fill("05/06/2026");
    await page.getByLabel("Hình thức").selectOption("Kiểm tra");
    await page.getByLabel(/^Số kiến nghị$/).fill("2");
    await page.getByLabel("Số kiến nghị đã khắc phục").fill("5");
    await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();

    // A required field left empty: a short sentence, not the hint printed under it again.
    await expect
      .poll(() => page.locator("#f-inspector-error").textContent())
      .toBe("Chưa chọn Chủ thể kiểm tra.");
    expect(await page.locator("#f-target-error").textContent()).toBe(
      "Chưa nhập Đơn vị được kiểm tra.",
    );
    const typed = { date: "05/06/2026", method: "Kiểm tra", recommendations: "2", remedied: "5" };
    const expected = validateRecord(inspections, typed);
    if (expected.ok) throw new Error("the typed record should be invalid");
    const remedied = expected.problems.find((p) => p.key === "remedied")!;
    expect(await page.locator("#f-remedied-error").textContent()).toBe(remedied.message);
    const errors = await page.locator(".field-error:not([hidden])").allTextContents();
    expect(errors.join(" ")).not.toContain("cột bắt buộc");
    for (const column of inspections.columns) {
      expect(errors.join(" ")).not.toContain(column.note);
    }
    expect(await status(page)).toBe("Còn 4 ô cần sửa trước khi ghi.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-inspector");
    expect(sheet.getLastRow()).toBe(2);
    await page.screenshot({ path: screenshotPath("addon-sidebar-errors.png") });
    expect(await axeViolations(page)).toEqual([]);

    // A count typed wrong: what is wrong, without the count rule printed under the field
    // (the data check and the Worker, with no hint beside the cell, keep shared/'s whole message).
    const recommendations = page.getByLabel(/^Số kiến nghị$/);
    await recommendations.fill("1,5");
    await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
    await expect
      .poll(() => page.locator("#f-recommendations-error").textContent())
      .toBe('Số lượng phải là số nguyên, không có phần lẻ ("1,5").');
    expect(await page.locator("#f-recommendations-hint").textContent()).toBe(
      `Số kiến nghị của đoàn kiểm tra. ${COUNT_RULE}`,
    );
    const sheetMessage = parseCount("1,5");
    expect(sheetMessage.ok ? "" : sheetMessage.message).toBe(
      `Số lượng phải là số nguyên, không có phần lẻ ("1,5"). ${COUNT_RULE}`,
    );
    const countErrors = await page.locator(".field-error:not([hidden])").allTextContents();
    expect(countErrors.join(" ")).not.toContain(COUNT_RULE);
    for (const column of inspections.columns) {
      expect(countErrors.join(" ")).not.toContain(column.note);
    }
    await recommendations.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("addon-sidebar-count-error.png") });
    await recommendations.fill("2");

    await page.getByLabel("Chủ thể kiểm tra").selectOption("Ban Chỉ đạo cấp tỉnh");
    await page.getByLabel("Số kiến nghị đã khắc phục").fill("-");
    await page.getByLabel("Loại hình").selectOption("Xã, phường, đặc khu");
    await expect.poll(() => page.locator("#f-remedied-error").isHidden()).toBe(true);
    await page.getByLabel("Đơn vị được kiểm tra").fill("UBND xã Hòa Bình");
    await page.getByLabel("Đơn vị được kiểm tra").press("Enter");
    await expect.poll(() => status(page)).toBe('Đã ghi vào dòng 3 của trang "Kiểm tra, giám sát".');
    expect(sheet.stored(3, 1, 1, 10)[0]).toEqual([
      isoDateToSerial("2026-06-05"),
      "Ban Chỉ đạo cấp tỉnh",
      "Kiểm tra",
      "",
      "UBND xã Hòa Bình",
      "Xã, phường, đặc khu",
      "",
      2,
      0,
      "",
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      300,
    );
    expect((await page.pageErrors()).map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it("keeps an award decision's fields for the next person, with a visible way to clear them", async () => {
    const { fake, scope } = entryBundle();
    const page = await openEntry(browser(), scope);
    await page.getByLabel("Biểu mẫu").selectOption("awards");
    const decision = {
      "Số quyết định": "125/QĐ-UBND",
      "Ngày quyết định": "10/05/2026",
    };
    for (const [label, value] of Object.entries(decision)) await page.getByLabel(label).fill(value);
    const picks = ["authority", "form", "recipientType", "movement"].map((key) => {
      const column = awards.columns.find((c) => c.key === key)!;
      return { key, value: column.type === "enum" ? column.values[0]! : "" };
    });
    for (const { key, value } of picks) await page.locator(`#f-${key}`).selectOption(value);
    for (const name of ["Hợp tác xã A", "Ông Nguyễn Văn B", "Bà Trần Thị C"]) {
      await page.getByLabel("Tên tập thể, cá nhân").fill(name);
      await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
      await expect.poll(() => status(page)).toMatch(/^Đã ghi vào dòng \d+/);
      // Ready for the next person: focus on the name, the decision kept.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-recipientType");
      await page.locator("#f-recipientType").selectOption(picks[2]!.value);
    }
    const sheet = fake.spreadsheet.getSheetByName(awards.title)!;
    expect(sheet.stored(3, 1, 3, 1)).toEqual([["125/QĐ-UBND"], ["125/QĐ-UBND"], ["125/QĐ-UBND"]]);
    expect(await page.locator("#kept-text").textContent()).toBe(
      "Giữ lại cho dòng tiếp theo: Số quyết định, Ngày quyết định, Cấp khen, Hình thức khen thưởng, Phong trào.",
    );
    expect(await page.locator(".field.kept").count()).toBe(5);
    await page.screenshot({ path: screenshotPath("addon-sidebar-kept.png") });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Bỏ các ô giữ lại" }).click();
    expect(await page.getByLabel("Số quyết định").inputValue()).toBe("");
    expect(await page.locator("#f-movement").inputValue()).toBe("");
    expect(await page.locator("#kept").isHidden()).toBe(true);
    await page.close();
  });

  it("shows shared/'s warnings (future date, district level after 01/07/2025) and still saves", async () => {
    const { fake, scope } = entryBundle();
    const page = await openEntry(browser(), scope);
    await fillInspection(page, "Trường A");
    await page.getByLabel("Chủ thể kiểm tra").selectOption("Ban Chỉ đạo cấp huyện");
    await page.getByLabel("Ngày kiểm tra").fill("05/06/2099");
    await page.getByLabel("Ngày kiểm tra").blur();
    const today = fake.context().formatDate(new Date(), "Asia/Ho_Chi_Minh", "yyyy-MM-dd");
    const record = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLInputElement>("#fields [name]")].map((el) => [
          el.name,
          el.value,
        ]),
      ),
    );
    const { warnings } = validateRecord(inspections, record, { today: today as "2026-01-01" });
    expect(warnings.map((w) => w.key).sort()).toEqual(["date", "inspector"]);
    for (const w of warnings) {
      await expect.poll(() => page.locator(`#f-${w.key}-warning`).textContent()).toBe(w.message);
    }
    await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
    await expect
      .poll(() => status(page))
      .toBe(
        'Đã ghi vào dòng 3 của trang "Kiểm tra, giám sát". Lưu ý các cảnh báo màu vàng bên dưới.',
      );
    await page.screenshot({ path: screenshotPath("addon-sidebar-warnings.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("fits a laptop-height sidebar (470 px): several fields show above the buttons", async () => {
    const { scope } = entryBundle();
    const page = await openEntry(browser(), scope, 470);
    const visible = await page.evaluate(() => {
      const footerTop = document.querySelector(".footer")!.getBoundingClientRect().top;
      return [...document.querySelectorAll("#fields .field")].filter(
        (f) =>
          f.querySelector("input, select, textarea")!.getBoundingClientRect().bottom <= footerTop,
      ).length;
    });
    await page.screenshot({ path: screenshotPath("addon-sidebar-470.png") });
    expect(visible).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it("data check on empty tabs: says nothing has been entered, no axe violation", async () => {
    const { scope } = loadBundle();
    callGlobal(scope, "menuCreateTemplates");
    const empty = await openPage(browser(), "Check", scope);
    await expect.poll(() => empty.locator("#status").textContent()).toContain("Chưa có số liệu");
    expect(await empty.locator("#status").textContent()).not.toContain("sẵn sàng");
    await empty.screenshot({ path: screenshotPath("addon-check-empty.png"), fullPage: true });
    expect(await axeViolations(empty)).toEqual([]);
    await empty.close();
  });

  it("data check: lists errors and warnings with links to their cells, no axe violation", async () => {
    const { fake, scope } = loadBundle();
    callGlobal(scope, "menuCreateTemplates");
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    sheet.getRange(3, 1, 3, 6).setValues([
      ["31/02/2026", "Hội đồng", "Kiểm tra", "", "Trường A", "Khác"],
      ["Tổng cộng", "", "", "", "", ""],
      ["05/06/2026", "Ban Chỉ đạo cấp huyện", "Kiểm tra", "", "Trường B", "Khác"],
    ]);
    const check = await openPage(browser(), "Check", scope);
    await expect.poll(() => check.locator(".issue").count()).toBe(4);
    expect(await check.locator("#status").textContent()).toContain("Tìm thấy");
    await check.getByRole("button", { name: "Lỗi: Dòng 3 · Ngày kiểm tra" }).click();
    await expect.poll(() => fake.spreadsheet.activeRange?.getA1Notation()).toBe("A3");
    expect(await check.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      300,
    );
    await check.screenshot({ path: screenshotPath("addon-check.png"), fullPage: true });
    expect(await axeViolations(check)).toEqual([]);
    expect((await check.pageErrors()).map((e) => e.message)).toEqual([]);
    await check.close();
  });

  it("settings: plain words for sharing with the province, no axe violation", async () => {
    const { fake, scope } = loadBundle();
    const settings = await openPage(browser(), "Settings", scope, { width: 440, height: 470 });
    await expect.poll(() => settings.locator("#sa-missing").isVisible()).toBe(true);
    expect(await settings.locator("#sa-missing").textContent()).not.toMatch(
      /SERVICE_ACCOUNT|dịch vụ/,
    );
    await settings.close();
    fake.scriptProperties.setProperty(
      "SERVICE_ACCOUNT_EMAIL",
      "qcdc@tinh-mau.iam.gserviceaccount.com",
    );
    const shared = await openPage(browser(), "Settings", scope, { width: 440, height: 470 });
    await shared.getByLabel("Mã đơn vị").fill("001");
    await shared.getByRole("button", { name: "Lưu" }).click();
    await expect
      .poll(() => shared.locator("#unit-name-error").textContent())
      .toContain("Hãy nhập tên đơn vị");
    await shared.getByLabel("Tên đơn vị").fill("Xã Hòa Bình");
    await shared.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => shared.locator("#status").textContent()).toContain("Đã lưu.");
    expect(await shared.getByLabel("Địa chỉ cần chia sẻ").inputValue()).toBe(
      "qcdc@tinh-mau.iam.gserviceaccount.com",
    );
    const text = (await shared.locator("body").textContent()) ?? "";
    expect(text).toContain("Người xem");
    expect(text).not.toMatch(/tài khoản dịch vụ|SERVICE_ACCOUNT/);
    expect(fake.documentProperties.getProperty("QCDC_UNIT_NAME")).toBe("Xã Hòa Bình");
    await shared.screenshot({ path: screenshotPath("addon-settings.png"), fullPage: true });
    expect(await axeViolations(shared)).toEqual([]);
    await shared.close();
  });

  it("guide: names the buttons the pages have, no axe violation", async () => {
    const { scope } = loadBundle();
    const guide = await openPage(browser(), "Guide", scope, { width: 600, height: 560 });
    const words = (await guide.locator("body").textContent()) ?? "";
    // The guide names the buttons the pages have, and what the sheet accepts in a count cell.
    for (const name of [
      "Ghi vào bảng tính",
      "Sửa dòng đang chọn",
      "Xóa dòng",
      "Bỏ các ô giữ lại",
    ]) {
      expect(words).toContain(name);
    }
    expect(words).not.toContain("Thêm dòng");
    // The count rule in the words of the sheet's help, the notes and every count message.
    expect(words).toContain(`Ô số lượng: ${COUNT_RULE.replace(/^N/, "n")}`);
    await guide.screenshot({ path: screenshotPath("addon-guide.png"), fullPage: true });
    expect(await axeViolations(guide)).toEqual([]);
    await guide.getByRole("button", { name: "Đóng" }).click();
    expect(await guide.evaluate(() => (window as unknown as { __closed: boolean }).__closed)).toBe(
      true,
    );
    await guide.close();
  });
});
