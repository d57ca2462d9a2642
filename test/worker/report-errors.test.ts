import { describe, expect, it } from "vitest";
import type { Issue } from "../../shared/issue.ts";
import {
  type ErrorSource,
  errorsTabOrder,
  PROVINCE_CODE,
  sourceRows,
} from "../../worker/consolidation/output/error-rows.ts";
import { ERRORS_HEADERS, errorsTab } from "../../worker/consolidation/output/errors-tab.ts";
import { cellLink, columnLetters } from "../../worker/consolidation/output/sheet-link.ts";
import type { CellData } from "../../worker/sheets/request-types.ts";

function issue(over: Partial<Issue>): Issue {
  return {
    severity: "error",
    tab: "Khen thưởng",
    row: 7,
    column: "Cấp khen",
    columnIndex: 2,
    value: "UBND phường",
    message: 'Biểu "Khen thưởng", dòng 7, cột "Cấp khen": giá trị không hợp lệ.',
    ...over,
  };
}

const SHEET_IDS: Record<string, number> = { "Khen thưởng": 812_345, "Kiểm tra, giám sát": 0 };

function unit(code: string, issues: Issue[], over: Partial<ErrorSource> = {}): ErrorSource {
  return {
    code,
    name: `Đơn vị ${code}`,
    contact: { person: "Nguyễn Văn A", phone: "0912 345 678" },
    spreadsheetId: `sheet-${code}`,
    sheetIdOf: (tab) => SHEET_IDS[tab] ?? null,
    issues,
    readError: null,
    ...over,
  };
}

const province: ErrorSource = {
  code: PROVINCE_CODE,
  name: "Tỉnh Mẫu",
  contact: null,
  spreadsheetId: "tinh",
  sheetIdOf: (tab) => (tab === "Đơn vị" ? 5 : null),
  issues: [
    issue({
      tab: "Đơn vị",
      row: 9,
      column: "Mã đơn vị",
      columnIndex: 0,
      value: "H01",
      message: "mã trùng",
    }),
  ],
  readError: null,
};

const plain = (c: CellData | undefined) => {
  const v = c?.userEnteredValue;
  return v && "stringValue" in v ? v.stringValue : v && "numberValue" in v ? v.numberValue : null;
};

/** What a click on the cell opens: the link of its one rich-text run over the whole text. */
function linkOf(cell: CellData | undefined): string | null {
  const runs = (
    cell as { textFormatRuns?: { startIndex?: number; format?: { link?: { uri?: string } } }[] }
  )?.textFormatRuns;
  if (!runs?.length) return null;
  expect(runs[0]?.startIndex ?? 0).toBe(0);
  return runs[0]?.format?.link?.uri ?? null;
}

/** The spreadsheet, tab and cell a Google Sheets link opens (how Sheets reads its fragment). */
function opens(uri: string) {
  const url = new URL(uri);
  const params = new URLSearchParams(url.hash.slice(1));
  return {
    spreadsheetId: /\/spreadsheets\/d\/([^/]+)\/edit$/.exec(url.pathname)?.[1],
    gid: Number(params.get("gid")),
    range: params.get("range"),
  };
}

describe("Lỗi dữ liệu v2", () => {
  it("links each Dòng to that cell in the unit's spreadsheet, on the right tab", () => {
    const rows = errorsTabOrder([sourceRows(province), sourceRows(unit("H02", [issue({})]))]);
    const tab = errorsTab(rows);
    const header = tab.rows[0]!.map(plain);
    expect(header).toEqual([...ERRORS_HEADERS]);
    const line = header.indexOf("Dòng");
    const unitRow = tab.rows.find((r) => plain(r[0]) === "H02")!;
    expect(plain(unitRow[line])).toBe("7");
    expect(opens(linkOf(unitRow[line])!)).toEqual({
      spreadsheetId: "sheet-H02",
      gid: 812_345,
      range: "C7",
    });
    // The province's own problem opens the province's registry row.
    const provinceRow = tab.rows.find((r) => plain(r[0]) === PROVINCE_CODE)!;
    expect(opens(linkOf(provinceRow[line])!)).toEqual({
      spreadsheetId: "tinh",
      gid: 5,
      range: "A9",
    });
    expect(tab.filterHeaderRow).toBe(0);
  });

  it("writes the row number without a link when the tab's sheetId is not known", () => {
    const rows = sourceRows(unit("H03", [issue({ tab: "Đối thoại" })]));
    expect(linkOf(rows[0]!.cells[4])).toBeNull();
    expect(plain(rows[0]!.cells[4])).toBe(7);
  });

  it("columns past Z get two letters, as Sheets names them", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
    expect(cellLink("x", 3, 12, 27)).toBe(
      "https://docs.google.com/spreadsheets/d/x/edit#gid=3&range=AB12",
    );
    expect(cellLink("x", 3, 12, null)).toBe(
      "https://docs.google.com/spreadsheets/d/x/edit#gid=3&range=A12",
    );
  });

  it("lists errors before warnings, the province's own problems under Tỉnh, contacts beside", () => {
    const rows = errorsTabOrder([
      sourceRows({
        ...province,
        issues: [
          ...province.issues,
          issue({ severity: "warning", tab: "Đơn vị", message: "thiếu tên" }),
        ],
      }),
      sourceRows(
        unit("H01", [
          issue({ severity: "warning", message: "cảnh báo H01" }),
          issue({ message: "lỗi H01" }),
        ]),
      ),
      sourceRows(
        unit("H02", [issue({ message: "lỗi H02" })], { readError: "Không đọc được bảng tính." }),
      ),
    ]);
    const table = errorsTab(rows)
      .rows.slice(1)
      .map((r) => r.map(plain));
    expect(table.map((r) => [r[0], r[2], r[7]])).toEqual([
      [PROVINCE_CODE, "Lỗi", "mã trùng"],
      ["H01", "Lỗi", "lỗi H01"],
      ["H02", "Lỗi", "Không đọc được bảng tính."],
      ["H02", "Lỗi", "lỗi H02"],
      [PROVINCE_CODE, "Cảnh báo", "thiếu tên"],
      ["H01", "Cảnh báo", "cảnh báo H01"],
    ]);
    expect(table[1]?.slice(8)).toEqual(["Nguyễn Văn A", "0912 345 678"]);
    expect(table[0]?.slice(0, 2)).toEqual([PROVINCE_CODE, "Tỉnh Mẫu"]);
  });

  it("caps each unit's errors and says how many more there are, so one flood cannot crowd others out", () => {
    const flood = Array.from({ length: 250 }, (_, i) => issue({ row: i + 2, message: `lỗi ${i}` }));
    const rows = errorsTabOrder([
      sourceRows(province),
      sourceRows(unit("BIG", flood), 100),
      sourceRows(unit("SMALL", [issue({})]), 100),
    ]);
    const big = rows.filter((r) => r.unit === "BIG");
    expect(big).toHaveLength(101);
    expect(plain(big.at(-1)!.cells[7])).toContain("Còn 150 lỗi khác không liệt kê ở đây");
    expect(rows.filter((r) => r.unit === "SMALL")).toHaveLength(1);
  });

  it("says there is nothing to fix when there is nothing", () => {
    const tab = errorsTab([]);
    expect(tab.rows[1]?.map(plain)).toContain("Không phát hiện lỗi dữ liệu.");
  });
});
