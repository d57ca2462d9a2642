/**
 * The add-on's HtmlService pages, defined once: build.mjs writes `<file>.html` from the
 * body fragment and client script named here, and main.ts opens them by `file` with this
 * title and size. Plain data with erasable types only, so Node runs it in build.mjs as is.
 */
export const PAGES = {
  entry: {
    file: "Sidebar",
    title: "Nhập liệu",
    body: "entry.body.html",
    script: "entry-page.ts",
    kind: "sidebar",
  },
  check: {
    file: "Check",
    title: "Kiểm tra dữ liệu",
    body: "check.body.html",
    script: "check-page.ts",
    kind: "sidebar",
  },
  settings: {
    file: "Settings",
    title: "Cài đặt đơn vị",
    body: "settings.body.html",
    script: "settings-page.ts",
    kind: "dialog",
    width: 440,
    height: 640,
  },
  ownTotals: {
    file: "OwnTotals",
    title: "Số liệu của đơn vị",
    body: "own-totals.body.html",
    script: "own-totals-page.ts",
    kind: "dialog",
    width: 860,
    height: 600,
  },
  submit: {
    file: "Submit",
    title: "Nộp báo cáo",
    body: "submit.body.html",
    script: "submit-page.ts",
    kind: "dialog",
    width: 860,
    height: 640,
  },
  guide: {
    file: "Guide",
    title: "Hướng dẫn sử dụng",
    body: "guide.body.html",
    script: "guide-page.ts",
    kind: "dialog",
    width: 600,
    height: 560,
  },
} as const;

export type PageId = keyof typeof PAGES;
export type Page = (typeof PAGES)[PageId];
export type DialogPage = Extract<Page, { kind: "dialog" }>;
