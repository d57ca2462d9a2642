import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { buildMenu, MENU_ITEMS } from "../src/menu.ts";
import { getUnitSettings, saveUnitSettings } from "../src/settings/unit-settings.ts";
import { SERVICE_ACCOUNT_KEY, UNIT_CODE_KEY, UNIT_NAME_KEY } from "../src/settings/unit-store.ts";
import { createTemplates } from "../src/templates/create-templates.ts";
import { titleText } from "../src/templates/title-row.ts";
import { createFakeAppsScript } from "./fake-spreadsheet-app.ts";

const EMAIL = "qcdc-reader@qcdc-tinh-mau.iam.gserviceaccount.com";

describe("Cài đặt đơn vị", () => {
  it("shows empty settings and the service account from the script property", () => {
    expect(getUnitSettings(createFakeAppsScript().context())).toEqual({
      code: "",
      name: "",
      serviceAccountEmail: null,
      preparer: "",
      rule: "decree09",
    });
    const fake = createFakeAppsScript({
      scriptProperties: { [SERVICE_ACCOUNT_KEY]: ` ${EMAIL} ` },
    });
    expect(getUnitSettings(fake.context()).serviceAccountEmail).toBe(EMAIL);
  });

  it("refuses blank or over-long values and stores nothing", () => {
    const fake = createFakeAppsScript();
    const result = saveUnitSettings(fake.context(), { code: "  ", name: "x".repeat(121) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(["code", "name"]);
    expect(fake.documentProperties.getKeys()).toEqual([]);
  });

  it("stores NFC text in document properties and rewrites generated title rows only", () => {
    const fake = createFakeAppsScript({ scriptProperties: { [SERVICE_ACCOUNT_KEY]: EMAIL } });
    createTemplates(fake.context());
    const own = fake.spreadsheet.getSheetByName("Đối thoại")!;
    own.getRange(1, 1, 1, 1).setValue("Sổ theo dõi đối thoại của tôi");

    const name = "Xã  Hoà Bình ".normalize("NFD");
    const result = saveUnitSettings(fake.context(), { code: "001", name });
    expect(result).toEqual({
      ok: true,
      settings: {
        code: "001",
        name: "Xã Hoà Bình",
        serviceAccountEmail: EMAIL,
        preparer: "",
        rule: "decree09",
      },
      updatedTitles: ["Kiểm tra, giám sát", "Khen thưởng", "Tập huấn, hội nghị"],
    });
    expect(fake.documentProperties.getProperty(UNIT_CODE_KEY)).toBe("001");
    expect(fake.documentProperties.getProperty(UNIT_NAME_KEY)).toBe("Xã Hoà Bình".normalize("NFC"));
    const unit = { code: "001", name: "Xã Hoà Bình" };
    for (const template of TEMPLATES) {
      const value = fake.spreadsheet
        .getSheetByName(template.title)!
        .getRange(1, 1, 1, 1)
        .getValue();
      expect(value).toBe(
        template.id === "dialogues" ? "Sổ theo dõi đối thoại của tôi" : titleText(template, unit),
      );
    }
    // Saving the same again rewrites nothing.
    expect(saveUnitSettings(fake.context(), unit)).toMatchObject({ ok: true, updatedTitles: [] });
  });
});

describe("Menu", () => {
  it("is built from captions only, which works under AuthMode.NONE", () => {
    const fake = createFakeAppsScript();
    fake.setAuthMode("NONE");
    buildMenu(fake.ui);
    expect(fake.ui.menus).toHaveLength(1);
    expect(fake.ui.menus[0]!.entries).toEqual([
      ...MENU_ITEMS.slice(0, -1),
      "separator",
      MENU_ITEMS.at(-1),
    ]);
    expect(MENU_ITEMS.map((i) => i.caption)).toEqual([
      "Tạo biểu mẫu",
      "Nhập liệu",
      "Kiểm tra dữ liệu",
      "Số liệu của đơn vị…",
      "Nộp báo cáo…",
      "Cài đặt đơn vị",
      "Hướng dẫn",
    ]);
  });
});
