// Spreadsheet resources (as spreadsheets.get returns them with grid data) written by hand for
// the preview's unit tests, and a look into the page they render to.

import type { sheets_v4 } from "@googleapis/sheets";
import { renderPreview } from "../../tools/preview/render-preview.ts";

export type Cell = sheets_v4.Schema$CellData;
export type Value = string | number | Cell | null;

export function cellOf(v: Value): Cell {
  if (v === null) return {};
  if (typeof v === "number")
    return { effectiveValue: { numberValue: v }, formattedValue: String(v).replace(".", ",") };
  if (typeof v === "string") return { effectiveValue: { stringValue: v }, formattedValue: v };
  return v;
}

export function tab(
  sheetId: number,
  title: string,
  rows: Value[][],
  extra: Partial<sheets_v4.Schema$Sheet> = {},
  grid: sheets_v4.Schema$GridProperties = {},
): sheets_v4.Schema$Sheet {
  return {
    ...extra,
    properties: {
      sheetId,
      title,
      gridProperties: { rowCount: 100, columnCount: 26, ...grid },
      ...extra.properties,
    },
    data: [{ rowData: rows.map((r) => ({ values: r.map(cellOf) })) }],
  };
}

export const book = (...sheets: sheets_v4.Schema$Sheet[]): sheets_v4.Schema$Spreadsheet => ({
  spreadsheetId: "tinh",
  properties: { title: "Tỉnh" },
  sheets,
});

export const render = (s: sheets_v4.Schema$Spreadsheet) => renderPreview(s, { script: "" });

/** The Chart.js entries the page hands its script. */
export function chartEntries(
  html: string,
): { canvasId: string; config: Record<string, unknown> }[] {
  const m = /<script type="application\/json" id="qcdc-charts">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? "null");
}

export const range = (sheetId: number, r0: number, r1: number, c: number) => ({
  sourceRange: {
    sources: [
      { sheetId, startRowIndex: r0, endRowIndex: r1, startColumnIndex: c, endColumnIndex: c + 1 },
    ],
  },
});

export const UNITS: Value[][] = [
  ["Đơn vị", "Kiểm tra", "Đối thoại"],
  ["Xã A", 12, 3],
  ["Xã B", 7, null],
  ["Phường C", 20.5, 1],
];
