// The provincial output is ONE spreadsheets.batchUpdate of the kinds below, sent here through
// Google's official client: what Google keeps (and shows to spreadsheets.get) the emulator
// keeps, and what Google refuses (a merge across the frozen edge, rich text on a number, a
// chart on a tab that does not exist) fails the whole batch here too.

import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officialSheetsClient } from "./official-client.ts";
import type { Emulator } from "./server.ts";
import { startEmulator } from "./server.ts";

const ID = "output-batch";
const ERRORS = 101;
const CHARTS = 102;
const LINK = "https://docs.google.com/spreadsheets/d/don-vi-01/edit#gid=0&range=A5";

let emu: Emulator;
let api: sheets_v4.Sheets;

beforeAll(async () => {
  emu = await startEmulator({
    spreadsheets: [
      {
        spreadsheetId: ID,
        sheets: [
          { title: "Đơn vị", values: [["Mã đơn vị"], ["H01"]] },
          { title: "Biểu đồ cũ", properties: { sheetId: 55 } },
        ],
      },
    ],
  });
  api = officialSheetsClient(emu.url, emu.serviceAccountKey!);
});

afterAll(async () => {
  await emu.close();
});

const text = (s: string) => ({ userEnteredValue: { stringValue: s } });

/** One output write: a new errors tab and a chart tab, the old chart tab deleted. */
function outputRequests(): sheets_v4.Schema$Request[] {
  return [
    {
      addSheet: {
        properties: {
          sheetId: ERRORS,
          title: "Lỗi dữ liệu",
          gridProperties: { rowCount: 4, columnCount: 3, frozenRowCount: 2 },
        },
      },
    },
    {
      updateCells: {
        range: {
          sheetId: ERRORS,
          startRowIndex: 0,
          endRowIndex: 4,
          startColumnIndex: 0,
          endColumnIndex: 3,
        },
        rows: [
          { values: [text("Lỗi dữ liệu – kỳ 2026")] },
          { values: [text("Mã đơn vị"), text("Dòng"), text("Nội dung")] },
          {
            values: [
              text("H01"),
              {
                userEnteredValue: { stringValue: "5" },
                textFormatRuns: [{ startIndex: 0, format: { link: { uri: LINK } } }],
              },
              { ...text("Ngày không hợp lệ"), note: "Giá trị: 31/02/2026" },
            ],
          },
        ],
        fields: "userEnteredValue,note,textFormatRuns",
      },
    },
    {
      // Beside the frozen first column: a merge across the frozen edge is refused (below).
      mergeCells: {
        range: {
          sheetId: ERRORS,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: 1,
          endColumnIndex: 3,
        },
        mergeType: "MERGE_ALL",
      },
    },
    {
      updateSheetProperties: {
        properties: { sheetId: ERRORS, gridProperties: { frozenColumnCount: 1 } },
        fields: "gridProperties.frozenColumnCount",
      },
    },
    { setBasicFilter: { filter: { range: { sheetId: ERRORS, startRowIndex: 1 } } } },
    {
      addProtectedRange: {
        protectedRange: {
          range: { sheetId: ERRORS },
          description: "Trang do hệ thống tổng hợp tự ghi",
          warningOnly: true,
        },
      },
    },
    {
      updateDimensionProperties: {
        range: { sheetId: ERRORS, dimension: "COLUMNS", startIndex: 2, endIndex: 3 },
        properties: { pixelSize: 320 },
        fields: "pixelSize",
      },
    },
    {
      addSheet: {
        properties: {
          sheetId: CHARTS,
          title: "Biểu đồ",
          gridProperties: { rowCount: 20, columnCount: 8 },
        },
      },
    },
    {
      updateCells: {
        start: { sheetId: CHARTS, rowIndex: 0, columnIndex: 0 },
        rows: [
          { values: [text("Đơn vị"), text("Số cuộc")] },
          { values: [text("H01"), { userEnteredValue: { numberValue: 12 } }] },
        ],
        fields: "userEnteredValue",
      },
    },
    {
      addChart: {
        chart: {
          chartId: 7001,
          spec: {
            title: "Số cuộc kiểm tra theo đơn vị",
            basicChart: {
              chartType: "COLUMN",
              headerCount: 1,
              domains: [{ domain: { sourceRange: { sources: [source(0)] } } }],
              series: [{ series: { sourceRange: { sources: [source(1)] } } }],
            },
          },
          position: {
            overlayPosition: {
              anchorCell: { sheetId: CHARTS, rowIndex: 0, columnIndex: 3 },
              widthPixels: 480,
            },
          },
        },
      },
    },
    { deleteSheet: { sheetId: 55 } },
  ];
}

function source(column: number) {
  return {
    sheetId: CHARTS,
    startRowIndex: 0,
    endRowIndex: 2,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  };
}

async function state(): Promise<Record<string, unknown>> {
  return (await fetch(`${emu.url}/__emulator/spreadsheets/${ID}`)).json() as Promise<
    Record<string, unknown>
  >;
}

async function refusedWhole(requests: sheets_v4.Schema$Request[]): Promise<string> {
  const before = await state();
  let message = "";
  try {
    await api.spreadsheets.batchUpdate({ spreadsheetId: ID, requestBody: { requests } });
  } catch (e) {
    const err = e as { response?: { status: number; data: { error: { message: string } } } };
    expect(err.response?.status).toBe(400);
    message = err.response?.data.error.message ?? "";
  }
  expect(message, "expected Google's 400").not.toBe("");
  // All or nothing: the requests before the refused one left no trace either.
  expect(await state()).toEqual(before);
  return message;
}

describe("the output's one spreadsheets.batchUpdate", () => {
  it("is applied whole, and spreadsheets.get shows what Google would", async () => {
    const requests = outputRequests();
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId: ID,
      requestBody: { requests },
    });
    expect(res.data.replies).toHaveLength(requests.length);
    expect(res.data.replies?.[9]?.addChart?.chart?.chartId).toBe(7001);

    const got = await api.spreadsheets.get({
      spreadsheetId: ID,
      fields: "sheets(properties(sheetId,title,gridProperties),merges,basicFilter,protectedRanges)",
    });
    const sheets = got.data.sheets ?? [];
    expect(sheets.map((s) => s.properties?.title)).toEqual(["Đơn vị", "Lỗi dữ liệu", "Biểu đồ"]);
    const errors = sheets[1]!;
    expect(errors.properties?.gridProperties).toEqual({
      rowCount: 4,
      columnCount: 3,
      frozenRowCount: 2,
      frozenColumnCount: 1,
    });
    expect(errors.merges).toEqual([
      { sheetId: ERRORS, endRowIndex: 1, startColumnIndex: 1, endColumnIndex: 3 },
    ]);
    expect(errors.basicFilter?.range).toEqual({
      sheetId: ERRORS,
      startRowIndex: 1,
      endRowIndex: 4,
      endColumnIndex: 3,
    });
    expect(errors.protectedRanges).toEqual([
      {
        protectedRangeId: expect.any(Number),
        range: { sheetId: ERRORS },
        description: "Trang do hệ thống tổng hợp tự ghi",
        warningOnly: true,
        requestingUserCanEdit: true,
      },
    ]);
  });

  it("keeps each chart with its spec and position, for spreadsheets.get with fields=sheets.charts", async () => {
    const got = await api.spreadsheets.get({ spreadsheetId: ID, fields: "sheets.charts" });
    const charts = (got.data.sheets ?? []).flatMap((s) => s.charts ?? []);
    expect(charts).toEqual([
      {
        chartId: 7001,
        spec: outputRequests()[9]!.addChart!.chart!.spec,
        // Google fills in the size it was not given (600 × 371) and drops zero indexes.
        position: {
          overlayPosition: {
            anchorCell: { sheetId: CHARTS, columnIndex: 3 },
            widthPixels: 480,
            heightPixels: 371,
          },
        },
      },
    ]);
    expect(got.data.sheets?.[2]?.charts?.[0]?.chartId).toBe(7001);
  });

  it("keeps rich-text links, notes and column widths; values read back as plain text", async () => {
    const seed = (await state()) as {
      sheets: {
        title: string;
        textFormatRuns?: unknown[][];
        notes?: unknown[][];
        columnMetadata?: unknown;
      }[];
    };
    const errors = seed.sheets.find((s) => s.title === "Lỗi dữ liệu")!;
    expect(errors.textFormatRuns?.[2]?.[1]).toEqual([
      { startIndex: 0, format: { link: { uri: LINK } } },
    ]);
    expect(errors.notes?.[2]?.[2]).toBe("Giá trị: 31/02/2026");
    expect(errors.columnMetadata).toEqual({ "2": { pixelSize: 320 } });
    const values = await api.spreadsheets.values.get({
      spreadsheetId: ID,
      range: "'Lỗi dữ liệu'!A3:C3",
    });
    expect(values.data.values).toEqual([["H01", "5", "Ngày không hợp lệ"]]);
  });
});

describe("what Google refuses fails the whole output write", () => {
  const errorsTab = (gridProperties: sheets_v4.Schema$GridProperties) => ({
    addSheet: {
      properties: {
        sheetId: 201,
        title: "Thử",
        gridProperties: { rowCount: 5, columnCount: 4, ...gridProperties },
      },
    },
  });
  const rect = (r0: number, r1: number, c0: number, c1: number) => ({
    sheetId: 201,
    startRowIndex: r0,
    endRowIndex: r1,
    startColumnIndex: c0,
    endColumnIndex: c1,
  });

  it("a merge across the frozen rows' or columns' edge", async () => {
    expect(
      await refusedWhole([
        errorsTab({ frozenRowCount: 1 }),
        { mergeCells: { range: rect(0, 2, 0, 1), mergeType: "MERGE_ALL" } },
      ]),
    ).toMatch(/merge frozen and non-frozen rows/);
    expect(
      await refusedWhole([
        errorsTab({ frozenColumnCount: 1 }),
        { mergeCells: { range: rect(0, 1, 0, 3), mergeType: "MERGE_ALL" } },
      ]),
    ).toMatch(/merge frozen and non-frozen columns/);
  });

  it("freezing rows that cut through a merged cell", async () => {
    expect(
      await refusedWhole([
        errorsTab({}),
        { mergeCells: { range: rect(0, 3, 0, 1), mergeType: "MERGE_ALL" } },
        {
          updateSheetProperties: {
            properties: { sheetId: 201, gridProperties: { frozenRowCount: 1 } },
            fields: "gridProperties.frozenRowCount",
          },
        },
      ]),
    ).toMatch(/only part of a merged cell/);
  });

  it("rich text on a number, or a run starting past the text", async () => {
    const run = (userEnteredValue: sheets_v4.Schema$ExtendedValue, startIndex: number) => ({
      updateCells: {
        start: { sheetId: 201, rowIndex: 0, columnIndex: 0 },
        rows: [
          {
            values: [
              {
                userEnteredValue,
                textFormatRuns: [{ startIndex, format: { link: { uri: LINK } } }],
              },
            ],
          },
        ],
        fields: "userEnteredValue,textFormatRuns",
      },
    });
    expect(await refusedWhole([errorsTab({}), run({ numberValue: 5 }, 0)])).toMatch(
      /only valid on string values/,
    );
    expect(await refusedWhole([errorsTab({}), run({ stringValue: "5" }, 1)])).toMatch(
      /startIndex 1/,
    );
  });

  it("a chart anchored on, or reading from, a tab that does not exist", async () => {
    const chart = (anchorSheet: number, dataSheet: number) => ({
      addChart: {
        chart: {
          spec: {
            basicChart: {
              chartType: "BAR",
              domains: [{ domain: { sourceRange: { sources: [{ sheetId: dataSheet }] } } }],
            },
          },
          position: { overlayPosition: { anchorCell: { sheetId: anchorSheet } } },
        },
      },
    });
    expect(await refusedWhole([errorsTab({}), chart(999, 201)])).toMatch(/No grid with id: 999/);
    expect(await refusedWhole([errorsTab({}), chart(201, 998)])).toMatch(/No grid with id: 998/);
  });

  it("a warning-only protection with editors", async () => {
    expect(
      await refusedWhole([
        errorsTab({}),
        {
          addProtectedRange: {
            protectedRange: {
              range: { sheetId: 201 },
              warningOnly: true,
              editors: { users: ["a@example.com"] },
            },
          },
        },
      ]),
    ).toMatch(/warning-only/);
  });

  it("a request kind the product does not send is named, not ignored", async () => {
    expect(
      await refusedWhole([
        errorsTab({}),
        { appendDimension: { sheetId: 201, dimension: "ROWS", length: 1 } },
      ]),
    ).toMatch(/appendDimension: this request type is not implemented by the qcdc-sheets emulator/);
  });
});
