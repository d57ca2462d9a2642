// spreadsheets.get with grid data, driven by Google's official Node client: what a batchUpdate
// wrote (values, formats, runs with links, notes, sizes, merges, charts, protection, filter)
// comes back as GridData, limited by `ranges` and by `fields`.

import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officialSheetsClient } from "../emulator/official-client.ts";
import type { Emulator } from "../emulator/server.ts";
import { startEmulator } from "../emulator/server.ts";

const ID = "grid-data";
const LINK = "https://docs.google.com/spreadsheets/d/x/edit#gid=1&range=B3";
const RED = { red: 0.8, green: 0.1, blue: 0.1 };

let emu: Emulator;
let api: sheets_v4.Sheets;

beforeAll(async () => {
  emu = await startEmulator({
    spreadsheets: [
      {
        spreadsheetId: ID,
        properties: { title: "Tỉnh", locale: "vi_VN" },
        sheets: [
          {
            title: "Tổng hợp",
            values: [["Đơn vị", "Số cuộc"], ["Xã A", 1234.5], [], ["Xã B", 7]],
            properties: { gridProperties: { rowCount: 10, columnCount: 4, frozenRowCount: 1 } },
          },
          { title: "Khác", values: [["x"]] },
        ],
      },
    ],
    quota: { reads: 10_000, writes: 10_000 },
  });
  api = officialSheetsClient(emu.url, emu.serviceAccountKey!);
  await api.spreadsheets.batchUpdate({
    spreadsheetId: ID,
    requestBody: {
      requests: [
        {
          repeatCell: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, endColumnIndex: 2 },
            cell: { userEnteredFormat: { textFormat: { bold: true }, backgroundColor: RED } },
            fields: "userEnteredFormat(textFormat.bold,backgroundColor)",
          },
        },
        {
          repeatCell: {
            range: {
              sheetId: 0,
              startRowIndex: 1,
              endRowIndex: 4,
              startColumnIndex: 1,
              endColumnIndex: 2,
            },
            cell: {
              userEnteredFormat: { numberFormat: { type: "NUMBER", pattern: "#,##0.0" } },
            },
            fields: "userEnteredFormat.numberFormat",
          },
        },
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 2, columnIndex: 0 },
            rows: [
              {
                values: [
                  {
                    userEnteredValue: { stringValue: "dòng 3" },
                    note: "<b>ghi chú</b>",
                    textFormatRuns: [{ startIndex: 0, format: { link: { uri: LINK } } }],
                  },
                  {},
                  { userEnteredValue: { formulaValue: '=HYPERLINK("https://a.vn/?q=1"; "A")' } },
                ],
              },
            ],
            fields: "userEnteredValue,note,textFormatRuns",
          },
        },
        {
          updateDimensionProperties: {
            range: { sheetId: 0, dimension: "COLUMNS", startIndex: 0, endIndex: 1 },
            properties: { pixelSize: 240 },
            fields: "pixelSize",
          },
        },
        {
          mergeCells: {
            range: { sheetId: 0, startRowIndex: 5, endRowIndex: 6, endColumnIndex: 3 },
            mergeType: "MERGE_ALL",
          },
        },
        {
          addProtectedRange: {
            protectedRange: { range: { sheetId: 0 }, warningOnly: true, description: "Tự động" },
          },
        },
        { setBasicFilter: { filter: { range: { sheetId: 0, endRowIndex: 4 } } } },
        {
          addChart: {
            chart: {
              spec: {
                title: "Số cuộc",
                basicChart: {
                  chartType: "COLUMN",
                  domains: [
                    {
                      domain: {
                        sourceRange: {
                          sources: [
                            { sheetId: 0, endRowIndex: 4, startColumnIndex: 0, endColumnIndex: 1 },
                          ],
                        },
                      },
                    },
                  ],
                  series: [
                    {
                      series: {
                        sourceRange: {
                          sources: [
                            { sheetId: 0, endRowIndex: 4, startColumnIndex: 1, endColumnIndex: 2 },
                          ],
                        },
                      },
                    },
                  ],
                  headerCount: 1,
                },
              },
              position: { overlayPosition: { anchorCell: { sheetId: 0, rowIndex: 6 } } },
            },
          },
        },
      ],
    },
  });
});

afterAll(async () => {
  await emu.close();
});

describe("spreadsheets.get with includeGridData", () => {
  it("returns every tab's cells with values, formats, runs, links and notes", async () => {
    const { data } = await api.spreadsheets.get({ spreadsheetId: ID, includeGridData: true });
    expect(data.sheets?.map((s) => s.properties?.title)).toEqual(["Tổng hợp", "Khác"]);
    const sheet = data.sheets?.[0] as sheets_v4.Schema$Sheet;
    const grid = sheet.data?.[0] as sheets_v4.Schema$GridData;
    expect(grid.startRow).toBeUndefined();
    expect(grid.rowMetadata).toHaveLength(10);
    expect(grid.rowMetadata?.[0]).toEqual({ pixelSize: 21 });
    expect(grid.columnMetadata?.map((c) => c.pixelSize)).toEqual([240, 100, 100, 100]);

    const rows = grid.rowData ?? [];
    // Rows end at the last row with a cell (the merge on row 6 stores none).
    expect(rows).toHaveLength(4);
    const header = rows[0]?.values?.[0];
    expect(header?.userEnteredValue).toEqual({ stringValue: "Đơn vị" });
    expect(header?.formattedValue).toBe("Đơn vị");
    expect(header?.userEnteredFormat).toEqual({ textFormat: { bold: true }, backgroundColor: RED });
    expect(header?.effectiveFormat?.textFormat?.bold).toBe(true);
    expect(header?.effectiveFormat?.textFormat?.italic).toBe(false);
    expect(header?.effectiveFormat?.backgroundColor).toEqual(RED);
    expect(header?.effectiveFormat?.backgroundColorStyle).toEqual({ rgbColor: RED });
    expect(header?.effectiveFormat?.horizontalAlignment).toBe("LEFT");

    const number = rows[1]?.values?.[1];
    expect(number?.userEnteredValue).toEqual({ numberValue: 1234.5 });
    expect(number?.effectiveValue).toEqual({ numberValue: 1234.5 });
    expect(number?.formattedValue).toBe("1.234,5");
    expect(number?.effectiveFormat?.horizontalAlignment).toBe("RIGHT");
    expect(number?.effectiveFormat?.numberFormat).toEqual({ type: "NUMBER", pattern: "#,##0.0" });

    const linked = rows[2]?.values ?? [];
    expect(linked[0]?.note).toBe("<b>ghi chú</b>");
    expect(linked[0]?.hyperlink).toBe(LINK);
    expect(linked[0]?.textFormatRuns).toEqual([{ startIndex: 0, format: { link: { uri: LINK } } }]);
    // The empty cell between is `{}`, except that a format written there shows (column B).
    expect(linked[1]?.userEnteredValue).toBeUndefined();
    expect(linked[1]?.userEnteredFormat?.numberFormat?.type).toBe("NUMBER");
    expect(linked[2]?.formattedValue).toBe("A");
    expect(linked[2]?.hyperlink).toBe("https://a.vn/?q=1");
    expect(linked[2]?.effectiveValue).toEqual({ stringValue: "A" });

    expect(sheet.merges).toEqual([
      // proto3 JSON omits the zero start column.
      { sheetId: 0, startRowIndex: 5, endRowIndex: 6, endColumnIndex: 3 },
    ]);
    expect(sheet.charts?.[0]?.spec?.title).toBe("Số cuộc");
    expect(sheet.protectedRanges?.[0]?.description).toBe("Tự động");
    expect(sheet.basicFilter?.range?.endRowIndex).toBe(4);
    expect(data.sheets?.[1]?.data?.[0]?.rowData).toEqual([
      { values: [expect.objectContaining({ formattedValue: "x" })] },
    ]);
  });

  it("limits data to the requested ranges, with their start and metadata", async () => {
    const { data } = await api.spreadsheets.get({
      spreadsheetId: ID,
      includeGridData: true,
      ranges: ["'Tổng hợp'!B2:C3", "'Tổng hợp'!A4"],
    });
    expect(data.sheets).toHaveLength(1);
    const [first, second] = data.sheets?.[0]?.data ?? [];
    expect(first?.startRow).toBe(1);
    expect(first?.startColumn).toBe(1);
    expect(first?.rowMetadata).toHaveLength(2);
    expect(first?.columnMetadata).toEqual([{ pixelSize: 100 }, { pixelSize: 100 }]);
    expect(first?.rowData?.map((r) => r.values?.map((v) => v.formattedValue))).toEqual([
      ["1.234,5"],
      [undefined, "A"],
    ]);
    expect(second?.startRow).toBe(3);
    expect(second?.startColumn).toBeUndefined();
    expect(second?.rowData).toEqual([
      { values: [expect.objectContaining({ formattedValue: "Xã B" })] },
    ]);
  });

  it("follows a fields mask, which alone decides whether data comes", async () => {
    const masked = await api.spreadsheets.get({
      spreadsheetId: ID,
      ranges: ["'Tổng hợp'!A1:B2"],
      fields: "sheets(properties.title,data.rowData.values(formattedValue,note))",
    });
    expect(masked.data).toEqual({
      sheets: [
        {
          properties: { title: "Tổng hợp" },
          data: [
            {
              rowData: [
                { values: [{ formattedValue: "Đơn vị" }, { formattedValue: "Số cuộc" }] },
                { values: [{ formattedValue: "Xã A" }, { formattedValue: "1.234,5" }] },
              ],
            },
          ],
        },
      ],
    });
    const noData = await api.spreadsheets.get({
      spreadsheetId: ID,
      includeGridData: true,
      fields: "sheets.properties.title",
    });
    expect(noData.data).toEqual({
      sheets: [{ properties: { title: "Tổng hợp" } }, { properties: { title: "Khác" } }],
    });
    const plain = await api.spreadsheets.get({ spreadsheetId: ID });
    expect(plain.data.sheets?.[0]?.data).toBeUndefined();
  });

  it("drops a cell's runs when a new value is written", async () => {
    await api.spreadsheets.values.update({
      spreadsheetId: ID,
      range: "'Khác'!A1",
      valueInputOption: "RAW",
      requestBody: { values: [["y"]] },
    });
    await api.spreadsheets.batchUpdate({
      spreadsheetId: ID,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 2, columnIndex: 0 },
              rows: [{ values: [{ userEnteredValue: { stringValue: "mới" } }] }],
              fields: "userEnteredValue",
            },
          },
        ],
      },
    });
    const { data } = await api.spreadsheets.get({
      spreadsheetId: ID,
      ranges: ["'Tổng hợp'!A3"],
      fields: "sheets.data.rowData.values(formattedValue,hyperlink,textFormatRuns,note)",
    });
    expect(data.sheets?.[0]?.data?.[0]?.rowData).toEqual([
      { values: [{ formattedValue: "mới", note: "<b>ghi chú</b>" }] },
    ]);
  });
});
