/**
 * The add-on menu. Built under any AuthMode, including NONE (before the add-on is
 * enabled in the file), so it reads no properties and no sheets: captions and the names
 * of the top-level functions only.
 */
export const MENU_ITEMS = [
  { caption: "Tạo biểu mẫu", functionName: "menuCreateTemplates" },
  { caption: "Nhập liệu", functionName: "menuOpenEntry" },
  { caption: "Kiểm tra dữ liệu", functionName: "menuRunCheck" },
  { caption: "Số liệu của đơn vị…", functionName: "menuOpenOwnTotals" },
  { caption: "Nộp báo cáo…", functionName: "menuOpenSubmit" },
  { caption: "Cài đặt đơn vị", functionName: "menuOpenSettings" },
  { caption: "Hướng dẫn", functionName: "menuOpenGuide" },
] as const;

export type MenuFunctionName = (typeof MENU_ITEMS)[number]["functionName"];

/** The slice of Ui/Menu the menu needs. */
export interface MenuUi {
  createAddonMenu(): AddonMenu;
}
export interface AddonMenu {
  addItem(caption: string, functionName: string): AddonMenu;
  addSeparator(): AddonMenu;
  addToUi(): void;
}

export function buildMenu(ui: MenuUi): void {
  const menu = ui.createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    // Hướng dẫn stands apart from the actions.
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}
