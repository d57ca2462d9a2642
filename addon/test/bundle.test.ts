import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { MENU_ITEMS } from "../src/menu.ts";
import { SERVER_FUNCTIONS } from "../src/server-api.ts";
import { ADDON, assertBuilt, callGlobal, DIST, distHtml, loadBundle } from "./load-bundle.ts";

const SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
];

beforeAll(() => assertBuilt());

describe("addon/dist", () => {
  it("has a V8 manifest in Vietnam's time zone with the two narrow scopes, and clasp points at it", () => {
    const manifest = JSON.parse(readFileSync(join(DIST, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(manifest.oauthScopes).toEqual(SCOPES);
    const clasp = JSON.parse(readFileSync(join(ADDON, "..", ".clasp.json"), "utf8"));
    expect(clasp.rootDir).toBe("addon/dist");
  });

  it("is one classic script with a top-level function for every entry point", () => {
    const { fake, scope, code } = loadBundle();
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/\bimport\s*\(|\bimport\.meta\b|\brequire\s*\(/);
    expect(() => new vm.Script(code)).not.toThrow();

    fake.setAuthMode("NONE");
    callGlobal(scope, "onOpen", { authMode: "NONE" });
    const menuFunctions = fake.ui.menus[0]!.entries.flatMap((e) =>
      e === "separator" ? [] : [e.functionName],
    );
    expect(menuFunctions).toEqual(MENU_ITEMS.map((i) => i.functionName));

    const names = ["onOpen", "onInstall", ...menuFunctions, ...SERVER_FUNCTIONS];
    for (const name of names) {
      expect(typeof scope[name], name).toBe("function");
      // A declaration at the top level, not a property: what Apps Script lists and calls.
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, "m"));
    }
    const bytes = statSync(join(DIST, "Code.js")).size;
    console.log(
      `addon/dist/Code.js: ${(bytes / 1024).toFixed(1)} KiB, ${names.length} entry points`,
    );
    expect(bytes).toBeLessThan(150 * 1024);
  });

  it("installs the same menu through onInstall", () => {
    const { fake, scope } = loadBundle();
    callGlobal(scope, "onInstall", { authMode: "FULL" });
    expect(fake.ui.menus[0]!.entries).toHaveLength(MENU_ITEMS.length + 1);
  });

  // Apps Script runs the whole file (the iife included) before every trigger, so loading
  // must touch no service either: the fake refuses them from the first line under NONE.
  it.each(["NONE", "LIMITED"] as const)(
    "loads and builds the menu under AuthMode.%s without reading properties or sheets",
    (mode) => {
      for (const trigger of ["onOpen", "onInstall"]) {
        const { fake, scope } = loadBundle({ authMode: mode });
        callGlobal(scope, trigger, { authMode: mode });
        expect(fake.ui.menus).toHaveLength(1);
        expect(fake.ui.menus[0]!.entries).toEqual([
          ...MENU_ITEMS.slice(0, -1),
          "separator",
          MENU_ITEMS.at(-1),
        ]);
        expect(fake.documentProperties.getKeys()).toEqual([]);
        expect(fake.spreadsheet.getSheets()).toEqual([]);
        // The fake does refuse: a menu action needs the add-on enabled (FULL).
        if (mode === "NONE") {
          expect(() => callGlobal(scope, "menuCreateTemplates")).toThrow(/permission/);
        }
      }
    },
  );

  it("opens pages that exist in dist, with Vietnamese titles", () => {
    const { fake, scope } = loadBundle();
    callGlobal(scope, "menuOpenEntry");
    callGlobal(scope, "menuRunCheck");
    callGlobal(scope, "menuOpenSettings");
    callGlobal(scope, "menuOpenGuide");
    expect(fake.ui.sidebars.map((s) => [s.file, s.title])).toEqual([
      ["Sidebar", "Nhập liệu"],
      ["Check", "Kiểm tra dữ liệu"],
    ]);
    expect(fake.ui.dialogs.map((d) => [d.output.file, d.title])).toEqual([
      ["Settings", "Cài đặt đơn vị"],
      ["Guide", "Hướng dẫn sử dụng"],
    ]);
    for (const page of [...fake.ui.sidebars, ...fake.ui.dialogs.map((d) => d.output)]) {
      expect(page.getContent()).toContain('<html lang="vi">');
      expect(page.getContent().normalize("NFC")).toBe(page.getContent());
    }
  });

  it("names each server function in a built page, and runs them through the stubs", () => {
    const pages = ["Sidebar", "Check", "Settings", "Guide", "OwnTotals", "Submit"]
      .map((p) => distHtml(p) ?? "")
      .join("\n");
    for (const name of SERVER_FUNCTIONS) expect(pages, name).toContain(`"${name}"`);

    const { fake, scope } = loadBundle();
    callGlobal(scope, "menuCreateTemplates");
    expect(fake.ui.alerts[0]!.title).toBe("Tạo biểu mẫu");
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      ...TEMPLATES.map((t) => t.title),
      SUBMISSION_TAB.title,
    ]);
    expect(
      callGlobal(scope, "saveUnitSettings", { code: "001", name: "Xã Hòa Bình" }),
    ).toMatchObject({ ok: true });
    expect(callGlobal(scope, "getEntryContext")).toEqual({
      unitLabel: "Xã Hòa Bình (mã 001)",
      existingTemplates: TEMPLATES.map((t) => t.id),
      today: fake.context().formatDate(new Date(), "Asia/Ho_Chi_Minh", "yyyy-MM-dd"),
    });
    const entry = { date: "2026-06-05", kind: "Hội nghị", topic: "Sơ kết", attendance: "120" };
    expect(callGlobal(scope, "submitEntry", "trainings", entry)).toEqual({
      ok: true,
      tab: "Tập huấn, hội nghị",
      row: 3,
      createdTab: false,
      warnings: [],
    });
    const report = callGlobal(scope, "runDataCheck") as {
      issues: unknown[];
      tabs: { validRows: number }[];
    };
    expect(report.issues).toEqual([]);
    expect(report.tabs.map((t) => t.validRows)).toEqual([0, 0, 0, 1]);
    expect(callGlobal(scope, "goToCell", "Tập huấn, hội nghị", 3, 2)).toBe(true);
    expect(callGlobal(scope, "getUnitSettings")).toEqual({
      code: "001",
      name: "Xã Hòa Bình",
      serviceAccountEmail: null,
      preparer: "",
      rule: "decree09",
    });
  });
});
