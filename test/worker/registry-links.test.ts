import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVINCE_CODE, sourceRows } from "../../worker/consolidation/output/error-rows.ts";
import { ERRORS_HEADERS, errorsTab } from "../../worker/consolidation/output/errors-tab.ts";
import { REGISTRY_COLUMNS, readRegistry } from "../../worker/consolidation/registry.ts";
import type { CellData } from "../../worker/sheets/request-types.ts";

const REGISTRY_SHEET_ID = 42;

const plain = (c: CellData | undefined) => {
  const v = c?.userEnteredValue;
  return v && "stringValue" in v ? v.stringValue : v && "numberValue" in v ? v.numberValue : null;
};

/** The A1 cell a `Dòng` link in Lỗi dữ liệu opens (Sheets reads `range=` in the fragment). */
function opensCell(cell: CellData | undefined): string | null {
  const runs = (cell as { textFormatRuns?: { format?: { link?: { uri?: string } } }[] })
    ?.textFormatRuns;
  const uri = runs?.[0]?.format?.link?.uri;
  if (!uri) return null;
  const url = new URL(uri);
  const params = new URLSearchParams(url.hash.slice(1));
  expect(Number(params.get("gid"))).toBe(REGISTRY_SHEET_ID);
  return params.get("range");
}

/** The registry's problems as Lỗi dữ liệu lists them: [Cột, the cell the Dòng link opens]. */
function listed(values: unknown[][]): [unknown, string | null][] {
  const { issues } = readRegistry(values);
  const rows = sourceRows({
    code: PROVINCE_CODE,
    name: "Tỉnh Mẫu",
    contact: null,
    spreadsheetId: "tinh-mau",
    sheetIdOf: (tab) => (tab === "Đơn vị" ? REGISTRY_SHEET_ID : null),
    issues: issues.map((p) => p.issue),
    readError: null,
  });
  const tab = errorsTab(rows);
  const line = ERRORS_HEADERS.indexOf("Dòng");
  const column = ERRORS_HEADERS.indexOf("Cột");
  return tab.rows
    .slice(1)
    .filter((r) => plain(r[0]) === PROVINCE_CODE)
    .map((r) => [plain(r[column]), opensCell(r[line])]);
}

describe("registry problems link to the cell to fix", () => {
  it("opens the Bảng tính cell for a bad link, Mã đơn vị for a duplicate or missing code, Tên đơn vị for a missing name", () => {
    // Columns in an order other than the template's, so column A would be wrong for all.
    const header = ["Ghi chú", "Tên đơn vị", "Bảng tính", "Mã đơn vị"];
    expect(
      listed([
        header,
        ["", "Huyện A", "aaa", "H01"],
        ["", "Huyện B", "xem thư điện tử", "H02"],
        ["", "Huyện A (trùng)", "ccc", "H01"],
        ["", "Huyện D", "ddd", ""],
        ["", "", "eee", "H05"],
        ["", "Huyện F", "aaa", "H06"],
      ]),
    ).toEqual([
      // Errors first, then the warning, each in the registry's row order.
      ["Bảng tính", "C3"],
      ["Mã đơn vị", "D4"],
      ["Mã đơn vị", "D5"],
      ["Bảng tính", "C7"],
      ["Tên đơn vị", "B6"],
    ]);
  });

  it("carries each problem's column index wherever the columns are", () => {
    const keys = Object.keys(REGISTRY_COLUMNS) as (keyof typeof REGISTRY_COLUMNS)[];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
        fc.nat(3),
        (order, lead) => {
          const header = [
            ...Array<string>(lead).fill(""),
            ...order.map((k) => REGISTRY_COLUMNS[k]),
          ];
          const row = (cells: Partial<Record<(typeof keys)[number], string>>) => [
            ...Array<string>(lead).fill(""),
            ...order.map((k) => cells[k] ?? ""),
          ];
          const { issues } = readRegistry([
            header,
            row({ code: "H01", name: "Huyện A", sheet: "aaa" }),
            row({ code: "H01", name: "Huyện B", sheet: "bbb" }),
            row({ code: "H03", sheet: "không có" }),
          ]);
          for (const { issue } of issues) {
            expect(issue.column).not.toBeNull();
            expect(header[issue.columnIndex ?? -1]).toBe(issue.column);
          }
          expect(issues.map((i) => i.issue.column)).toEqual([
            "Mã đơn vị",
            "Tên đơn vị",
            "Bảng tính",
          ]);
        },
      ),
    );
  });

  it("leaves the column out of a problem with the whole tab", () => {
    const { issues } = readRegistry([["Mã", "Tên"]]);
    expect(issues.map((i) => [i.issue.row, i.issue.column, i.issue.columnIndex])).toEqual([
      [null, null, null],
    ]);
  });
});
