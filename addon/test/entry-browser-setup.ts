import type { Page } from "playwright-core";
import { expect } from "vitest";
import { type Browser, openPage } from "./browser-harness.ts";
import { callGlobal, loadBundle } from "./load-bundle.ts";

/** The built add-on after Tạo biểu mẫu and Cài đặt đơn vị, as the entry pages' tests start. */
export function entryBundle() {
  const loaded = loadBundle();
  callGlobal(loaded.scope, "menuCreateTemplates");
  callGlobal(loaded.scope, "saveUnitSettings", { code: "001", name: "Xã Hòa Bình" });
  return loaded;
}

export async function openEntry(browser: Browser, scope: Record<string, unknown>, height = 720) {
  // Sheets' sidebar is 300 px wide; 720 px is a laptop screen's share of height.
  const page = await openPage(browser, "Sidebar", scope, { width: 300, height });
  await expect.poll(() => page.locator("#unit").textContent()).toBe("Đơn vị: Xã Hòa Bình (mã 001)");
  return page;
}

export async function fillInspection(page: Page, target: string): Promise<void> {
  await page.getByLabel("Ngày kiểm tra").fill("05/06/2026");
  await page.getByLabel("Chủ thể kiểm tra").selectOption("Ban Chỉ đạo cấp tỉnh");
  await page.getByLabel("Hình thức").selectOption("Kiểm tra");
  await page.getByLabel("Đợt kiểm tra").fill("KH 05/KH-BCĐ");
  await page.getByLabel("Đơn vị được kiểm tra").fill(target);
  await page.getByLabel("Loại hình").selectOption("Xã, phường, đặc khu");
}

export const status = (page: Page) => page.locator("#status").textContent();
