import { describe, expect, it } from "vitest";
import { inspections } from "../../shared/templates/index.ts";
import { axeViolations, chromiumOrSkip, screenshotPath, suiteBrowser } from "./browser-harness.ts";
import { entryBundle, fillInspection, openEntry, status } from "./entry-browser-setup.ts";
import { callGlobal } from "./load-bundle.ts";

describe("rows in the entry sidebar, in Chromium: asking first, editing, deleting", () => {
  const executable = chromiumOrSkip();
  if (!executable) return;
  const browser = suiteBrowser(executable);

  it("asks before Xóa trắng, and before adding a row like an existing one", async () => {
    const { fake, scope } = entryBundle();
    const page = await openEntry(browser(), scope);
    await fillInspection(page, "Trường A");
    await page.getByRole("button", { name: "Xóa trắng" }).click();
    await expect.poll(() => page.locator("#confirm").isVisible()).toBe(true);
    expect(await page.locator("#confirm-text").textContent()).toBe(
      "Xóa hết nội dung đang nhập trong biểu mẫu?",
    );
    await page.screenshot({ path: screenshotPath("addon-sidebar-confirm-clear.png") });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Không" }).click();
    expect(await page.getByLabel("Đơn vị được kiểm tra").inputValue()).toBe("Trường A");
    await page.getByRole("button", { name: "Xóa trắng" }).click();
    await page.getByRole("button", { name: "Xóa hết" }).click();
    expect(await page.getByLabel("Đơn vị được kiểm tra").inputValue()).toBe("");
    expect(await page.getByLabel("Ngày kiểm tra").inputValue()).toBe("");

    await fillInspection(page, "Trường A");
    await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
    await expect.poll(() => status(page)).toMatch(/^Đã ghi vào dòng 3/);
    await page.getByLabel("Đơn vị được kiểm tra").fill("trường  a");
    await page.getByLabel("Loại hình").selectOption("Xã, phường, đặc khu");
    await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
    await expect
      .poll(() => page.locator("#confirm-text").textContent())
      .toBe(
        'Dòng 3 của trang "Kiểm tra, giám sát" đã có cùng Ngày kiểm tra, Chủ thể kiểm tra, Hình thức, Đơn vị được kiểm tra. Có thể dòng này đã được nhập. Vẫn thêm?',
      );
    await page.screenshot({ path: screenshotPath("addon-sidebar-same-row.png") });
    // The question and its buttons fit the 300 px sidebar.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      300,
    );
    await page.getByRole("button", { name: "Không thêm" }).click();
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    expect(sheet.getLastRow()).toBe(3);
    await page.getByRole("button", { name: "Ghi vào bảng tính" }).click();
    await page.getByRole("button", { name: "Vẫn thêm dòng" }).click();
    await expect.poll(() => status(page)).toMatch(/^Đã ghi vào dòng 4/);
    expect(sheet.stored(4, 5, 1, 1)).toEqual([["trường a"]]);
    await page.close();
  });

  it("Sửa dòng đang chọn loads the row, writes it back, refuses a stale row; Xóa dòng asks", async () => {
    const { fake, scope } = entryBundle();
    for (const target of ["Trường A", "Trường B"]) {
      callGlobal(scope, "submitEntry", "inspections", {
        date: "05/06/2026",
        inspector: "BCĐ tỉnh",
        method: "Kiểm tra",
        target,
        targetType: "Khác",
      });
    }
    const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
    const page = await openEntry(browser(), scope);
    await page.getByRole("button", { name: "Sửa dòng đang chọn" }).click();
    await expect.poll(() => status(page)).toContain("Chưa chọn dòng nào");

    sheet.getRange(4, 3, 1, 1).activate();
    await page.getByRole("button", { name: "Sửa dòng đang chọn" }).click();
    await expect.poll(() => page.getByLabel("Đơn vị được kiểm tra").inputValue()).toBe("Trường B");
    expect(await page.getByLabel("Ngày kiểm tra").inputValue()).toBe("05/06/2026");
    expect(await page.getByLabel("Chủ thể kiểm tra").inputValue()).toBe("Ban Chỉ đạo cấp tỉnh");
    expect(await page.locator("#mode-text").textContent()).toBe(
      'Đang sửa dòng 4 của trang "Kiểm tra, giám sát".',
    );
    await page.getByLabel("Số kiến nghị", { exact: true }).fill("3");
    await page.screenshot({ path: screenshotPath("addon-sidebar-edit.png") });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Ghi lại dòng 4" }).click();
    await expect.poll(() => status(page)).toBe('Đã sửa dòng 4 của trang "Kiểm tra, giám sát".');
    expect(sheet.stored(4, 8, 1, 1)).toEqual([[3]]);
    expect(sheet.getLastRow()).toBe(4);

    // An edit that makes the row like another one asks first, as adding does.
    await page.getByRole("button", { name: "Sửa dòng đang chọn" }).click();
    await expect.poll(() => page.locator("#mode-text").isVisible()).toBe(true);
    await page.getByLabel("Đơn vị được kiểm tra").fill("Trường A");
    await page.getByRole("button", { name: "Ghi lại dòng 4" }).click();
    await expect
      .poll(() => page.locator("#confirm-text").textContent())
      .toBe(
        'Dòng 3 của trang "Kiểm tra, giám sát" đã có cùng Ngày kiểm tra, Chủ thể kiểm tra, Hình thức, Đơn vị được kiểm tra. Có thể dòng 4 và dòng đó là một việc được nhập hai lần. Vẫn ghi lại?',
      );
    await page.screenshot({ path: screenshotPath("addon-sidebar-edit-same.png") });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Không ghi" }).click();
    await expect.poll(() => status(page)).toBe("Chưa ghi lại dòng này.");
    expect(sheet.stored(4, 5, 1, 1)).toEqual([["Trường B"]]);
    // Asked again, the officer keeps the edit: written back in place.
    await page.getByRole("button", { name: "Ghi lại dòng 4" }).click();
    await page.getByRole("button", { name: "Vẫn ghi lại dòng 4" }).click();
    await expect.poll(() => status(page)).toBe('Đã sửa dòng 4 của trang "Kiểm tra, giám sát".');
    expect(sheet.stored(4, 5, 1, 1)).toEqual([["Trường A"]]);
    expect(sheet.getLastRow()).toBe(4);

    // Someone changes the row after it was loaded: nothing is written over it.
    await page.getByRole("button", { name: "Sửa dòng đang chọn" }).click();
    await expect.poll(() => page.locator("#mode-text").isVisible()).toBe(true);
    sheet.getRange(4, 10, 1, 1).setValues([["đã sửa ở bảng tính"]]);
    await page.getByLabel("Số kiến nghị", { exact: true }).fill("9");
    await page.getByRole("button", { name: "Ghi lại dòng 4" }).click();
    await expect.poll(() => status(page)).toContain("đã thay đổi");
    expect(sheet.stored(4, 8, 1, 3)).toEqual([[3, "", "đã sửa ở bảng tính"]]);

    await page.getByRole("button", { name: "Sửa dòng đang chọn" }).click();
    await expect
      .poll(() => page.getByLabel("Nội dung, kết luận").inputValue())
      .toBe("đã sửa ở bảng tính");
    await page.getByRole("button", { name: "Xóa dòng" }).click();
    expect(await page.locator("#confirm-text").textContent()).toBe(
      'Xóa dòng 4 khỏi trang "Kiểm tra, giám sát"? Các dòng bên dưới sẽ dịch lên một dòng.',
    );
    expect(sheet.getLastRow()).toBe(4);
    await page.screenshot({ path: screenshotPath("addon-sidebar-delete.png") });
    await page.locator("#confirm-yes").click();
    await expect.poll(() => status(page)).toBe('Đã xóa dòng 4 của trang "Kiểm tra, giám sát".');
    expect(sheet.getLastRow()).toBe(3);
    expect(await page.getByRole("button", { name: "Ghi vào bảng tính" }).isVisible()).toBe(true);
    expect((await page.pageErrors()).map((e) => e.message)).toEqual([]);
    await page.close();
  }, 60_000);
});
