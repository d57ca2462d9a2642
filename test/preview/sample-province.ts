// A provincial spreadsheet for the preview's tests, built in the emulator through Google's
// official client the way the Worker writes one: a report tab with merged titles, header
// colours, number formats, widths and frozen rows; a chart tab whose data sits on the same
// tab with a column, a pie and a line chart (addChart); an errors tab with links, notes and
// text that looks like HTML; a hidden tab.

import type { sheets_v4 } from "@googleapis/sheets";
import { officialSheetsClient } from "../emulator/official-client.ts";
import type { Emulator } from "../emulator/server.ts";

export const SAMPLE_ID = "tinh-xem-truoc";
export const REPORT = 0;
export const CHARTS = 11;
export const ERRORS = 22;
export const HIDDEN = 33;
export const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">`;
export const UNITS = ["Xã A", "Xã B", "Phường C"];
/** Inspections and dialogues per unit, and the reporting statuses, as the chart tab holds them. */
export const INSPECTIONS = [12, 7, 20];
export const DIALOGUES = [3, 5, 1];
export const STATUSES: [string, number][] = [
  ["Đã cập nhật", 5],
  ["Dùng số liệu cũ", 1],
  ["Chưa có bảng tính", 1],
];

export const sampleSeed = {
  spreadsheetId: SAMPLE_ID,
  properties: { title: "Tỉnh Mẫu – Tổng hợp", locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
  sheets: [
    {
      title: "Tổng hợp",
      properties: {
        sheetId: REPORT,
        gridProperties: { rowCount: 30, columnCount: 6, frozenRowCount: 3 },
      },
      values: [
        ["BÁO CÁO TỔNG HỢP"],
        ["Kỳ báo cáo: Năm 2026"],
        ["STT", "Chỉ tiêu", "Kỳ này", "Cùng kỳ", "So sánh (%)"],
        [1, "Số cuộc kiểm tra, giám sát", 1234, 1000, 1.234],
        [2, "Số cuộc đối thoại", 9, 12, 0.75],
      ],
    },
    {
      title: "Biểu đồ",
      properties: { sheetId: CHARTS, gridProperties: { rowCount: 60, columnCount: 20 } },
      values: [
        ["Đơn vị", "Kiểm tra, giám sát", "Đối thoại", "", "Tình trạng", "Số đơn vị"],
        ...UNITS.map((u, i) => [
          u,
          INSPECTIONS[i] as number,
          DIALOGUES[i] as number,
          "",
          STATUSES[i]?.[0] ?? "",
          STATUSES[i]?.[1] ?? 0,
        ]),
      ],
    },
    {
      title: "Lỗi dữ liệu",
      properties: {
        sheetId: ERRORS,
        gridProperties: { rowCount: 20, columnCount: 4, frozenRowCount: 1 },
      },
      values: [
        ["Đơn vị", "Dòng", "Nội dung"],
        ["Xã A", "12", HOSTILE],
        ["Xã B", "7", "javascript: không được là liên kết"],
      ],
      notes: [[null, null, "Ghi chú <b>không</b> phải HTML"]],
    },
    { title: "Ẩn", properties: { sheetId: HIDDEN, hidden: true }, values: [["bí mật"]] },
  ],
};

function range(sheetId: number, r0: number, r1: number, c0: number, c1: number) {
  return { sheetId, startRowIndex: r0, endRowIndex: r1, startColumnIndex: c0, endColumnIndex: c1 };
}

const source = (sheetId: number, r0: number, r1: number, c: number) => ({
  sourceRange: { sources: [range(sheetId, r0, r1, c, c + 1)] },
});

function overlay(row: number, col: number, width = 480, height = 300) {
  return {
    overlayPosition: {
      anchorCell: { sheetId: CHARTS, rowIndex: row, columnIndex: col },
      offsetXPixels: 8,
      widthPixels: width,
      heightPixels: height,
    },
  };
}

const GREEN = { red: 0.851, green: 0.918, blue: 0.827 };
const RED = { red: 0.8, green: 0, blue: 0 };
const THIN = { style: "SOLID", colorStyle: { rgbColor: {} } };

export const sampleRequests: sheets_v4.Schema$Request[] = [
  { mergeCells: { range: range(REPORT, 0, 1, 0, 5), mergeType: "MERGE_ALL" } },
  { mergeCells: { range: range(REPORT, 1, 2, 0, 5), mergeType: "MERGE_ALL" } },
  {
    repeatCell: {
      range: range(REPORT, 0, 1, 0, 5),
      cell: {
        userEnteredFormat: {
          horizontalAlignment: "CENTER",
          textFormat: { bold: true, fontSize: 14, foregroundColor: RED },
        },
      },
      fields: "userEnteredFormat(horizontalAlignment,textFormat)",
    },
  },
  {
    repeatCell: {
      range: range(REPORT, 2, 3, 0, 5),
      cell: {
        userEnteredFormat: {
          backgroundColor: GREEN,
          horizontalAlignment: "CENTER",
          textFormat: { bold: true },
        },
      },
      fields: "userEnteredFormat(backgroundColor,horizontalAlignment,textFormat)",
    },
  },
  {
    repeatCell: {
      range: range(REPORT, 3, 5, 2, 4),
      cell: { userEnteredFormat: { numberFormat: { type: "NUMBER", pattern: "#,##0" } } },
      fields: "userEnteredFormat.numberFormat",
    },
  },
  {
    repeatCell: {
      range: range(REPORT, 3, 5, 4, 5),
      cell: { userEnteredFormat: { numberFormat: { type: "PERCENT", pattern: "0.0%" } } },
      fields: "userEnteredFormat.numberFormat",
    },
  },
  {
    repeatCell: {
      range: range(REPORT, 2, 5, 0, 5),
      cell: {
        userEnteredFormat: { borders: { top: THIN, bottom: THIN, left: THIN, right: THIN } },
      },
      fields: "userEnteredFormat.borders",
    },
  },
  {
    updateDimensionProperties: {
      range: { sheetId: REPORT, dimension: "COLUMNS", startIndex: 1, endIndex: 2 },
      properties: { pixelSize: 260 },
      fields: "pixelSize",
    },
  },
  {
    updateDimensionProperties: {
      range: { sheetId: ERRORS, dimension: "COLUMNS", startIndex: 2, endIndex: 3 },
      properties: { pixelSize: 420 },
      fields: "pixelSize",
    },
  },
  {
    updateCells: {
      start: { sheetId: ERRORS, rowIndex: 1, columnIndex: 1 },
      rows: [
        {
          values: [
            {
              userEnteredValue: { stringValue: "12" },
              textFormatRuns: [
                {
                  startIndex: 0,
                  format: {
                    link: {
                      uri: `https://docs.google.com/spreadsheets/d/${SAMPLE_ID}/edit#gid=${REPORT}&range=B4`,
                    },
                  },
                },
              ],
            },
          ],
        },
        {
          values: [
            {
              userEnteredValue: { stringValue: "7" },
              textFormatRuns: [{ startIndex: 0, format: { link: { uri: "javascript:alert(1)" } } }],
            },
          ],
        },
      ],
      fields: "userEnteredValue,textFormatRuns",
    },
  },
  {
    addChart: {
      chart: {
        chartId: 101,
        spec: {
          title: "Kiểm tra và đối thoại theo đơn vị",
          basicChart: {
            chartType: "COLUMN",
            legendPosition: "BOTTOM_LEGEND",
            axis: [
              { position: "BOTTOM_AXIS", title: "Đơn vị" },
              { position: "LEFT_AXIS", title: "Số cuộc" },
            ],
            domains: [{ domain: source(CHARTS, 0, 4, 0) }],
            series: [
              { series: source(CHARTS, 0, 4, 1), targetAxis: "LEFT_AXIS" },
              { series: source(CHARTS, 0, 4, 2), targetAxis: "LEFT_AXIS" },
            ],
            headerCount: 1,
          },
        },
        position: overlay(5, 0),
      },
    },
  },
  {
    addChart: {
      chart: {
        chartId: 102,
        spec: {
          title: "Tình trạng báo cáo",
          pieChart: {
            legendPosition: "RIGHT_LEGEND",
            domain: source(CHARTS, 1, 4, 4),
            series: source(CHARTS, 1, 4, 5),
          },
        },
        position: overlay(5, 5, 420, 300),
      },
    },
  },
  {
    addChart: {
      chart: {
        chartId: 103,
        spec: {
          title: "Kiểm tra theo đơn vị",
          basicChart: {
            chartType: "LINE",
            domains: [{ domain: source(CHARTS, 0, 4, 0) }],
            series: [{ series: source(CHARTS, 0, 4, 1) }],
          },
        },
        position: overlay(21, 0),
      },
    },
  },
];

/** Writes the sample's formats and charts through the official client (seed it with sampleSeed). */
export async function buildSample(emu: Emulator): Promise<void> {
  const api = officialSheetsClient(emu.url, emu.serviceAccountKey!);
  await api.spreadsheets.batchUpdate({
    spreadsheetId: SAMPLE_ID,
    requestBody: { requests: sampleRequests },
  });
}
