import { type BlockFormat, block, rowRuns } from "./block-formats.ts";
import { blank, COLORS, HEADER, NOTICE, PLAIN_NUMBER, text, WRAP } from "./cells.ts";
import type { ErrorRow } from "./error-rows.ts";
import type { TabContent } from "./tab-plan.ts";

export const ERRORS_TAB = "Lỗi dữ liệu";
export const ERRORS_HEADERS = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Mức độ",
  "Biểu",
  "Dòng",
  "Cột",
  "Giá trị",
  "Nội dung",
  "Người liên hệ",
  "Điện thoại",
] as const;
const NO_ERRORS = "Không phát hiện lỗi dữ liệu.";
const MESSAGE_COLUMN = ERRORS_HEADERS.indexOf("Nội dung");
const LINE_COLUMN = ERRORS_HEADERS.indexOf("Dòng");

/**
 * `Lỗi dữ liệu` for `rows` (error-rows.ts: errors first, then warnings), or fewer under
 * the size budget with a `notice` on the first line saying what was left out. Each `Dòng`
 * opens the cell in the unit's spreadsheet; the contact is whom the office calls.
 */
export function errorsTab(rows: readonly ErrorRow[], notice: string | null = null): TabContent {
  const top = notice === null ? 0 : 1;
  const first = top + 1;
  const end = first + rows.length;
  const width = ERRORS_HEADERS.length;
  const formats: BlockFormat[] = [
    block([top, first], [0, width], HEADER),
    block([first, end], [LINE_COLUMN, LINE_COLUMN + 1], PLAIN_NUMBER),
    block([first, end], [MESSAGE_COLUMN, MESSAGE_COLUMN + 1], WRAP),
  ];
  for (const { rows: span, key } of rowRuns(
    rows.map((r) => (r.kind === "unit" ? "unit" : r.severity === "warning" ? "warning" : null)),
    first,
  )) {
    formats.push(block(span, [0, width], { backgroundColor: BACKGROUNDS[key] }));
  }
  if (notice !== null) formats.push(block([0, 1], [0, 1], NOTICE));
  // "No errors" only when none was left out: a shortened list says what it omits instead.
  const body =
    rows.length || notice !== null
      ? rows.map((r) => r.cells)
      : [[...ERRORS_HEADERS.slice(0, MESSAGE_COLUMN).map(() => blank()), text(NO_ERRORS)]];
  return {
    title: ERRORS_TAB,
    rows: [
      ...(notice === null ? [] : [[text(notice)]]),
      ERRORS_HEADERS.map((h) => text(h)),
      ...body,
    ],
    formats,
    frozenRows: first,
    // `Dòng` holds its header and the filter button at 100% zoom.
    columnWidths: [80, 160, 75, 140, 70, 150, 150, 480, 140, 100],
    filterHeaderRow: top,
  };
}

const BACKGROUNDS = { unit: COLORS.unreadable, warning: COLORS.stale } as const;
