// The Chart.js configuration the preview derives from a stored chart spec and the cells its
// data ranges point at, and where the page places a chart (or says it cannot draw it).

import type { sheets_v4 } from "@googleapis/sheets";
import { describe, expect, it } from "vitest";
import { chartConfig } from "../../tools/preview/chart-config.ts";
import { sheetGrid } from "../../tools/preview/grid-model.ts";
import { book, chartEntries, range, render, tab, UNITS } from "./spreadsheet-json.ts";

describe("charts", () => {
  const grids = (sheet: sheets_v4.Schema$Sheet) => new Map([[0, sheetGrid(sheet)]]);

  it("a column chart reads its labels, series names and values from the ranges", () => {
    const config = chartConfig(
      {
        title: "Theo đơn vị",
        titleTextFormat: { fontSize: 15, foregroundColor: { blue: 1 } },
        basicChart: {
          chartType: "COLUMN",
          legendPosition: "BOTTOM_LEGEND",
          axis: [{ position: "LEFT_AXIS", title: "Số cuộc", format: { fontSize: 9, bold: true } }],
          domains: [{ domain: range(0, 0, 4, 0) }],
          series: [
            { series: range(0, 0, 4, 1), colorStyle: { rgbColor: { green: 0.5 } } },
            { series: range(0, 0, 4, 2) },
          ],
          headerCount: 1,
        },
      },
      grids(tab(0, "Biểu đồ", UNITS)),
    );
    expect(config).toMatchObject({
      type: "bar",
      data: {
        labels: ["Xã A", "Xã B", "Phường C"],
        datasets: [
          { label: "Kiểm tra", data: [12, 7, 20.5], backgroundColor: "#008000" },
          { label: "Đối thoại", data: [3, null, 1], backgroundColor: "#ea4335" },
        ],
      },
      options: {
        indexAxis: "x",
        // Sheets sizes fonts in points, Chart.js in pixels.
        scales: {
          y: { title: { display: true, text: "Số cuộc", font: { size: 12, weight: "bold" } } },
        },
        plugins: {
          legend: { position: "bottom" },
          title: { text: "Theo đơn vị", font: { size: 20, weight: "bold" }, color: "#0000ff" },
        },
        animation: false,
        responsive: false,
      },
    });
  });

  it("a bar chart is horizontal; without headerCount a text first cell is the header", () => {
    const config = chartConfig(
      {
        basicChart: {
          chartType: "BAR",
          domains: [{ domain: range(0, 0, 4, 0), reversed: true }],
          series: [{ series: range(0, 0, 4, 1) }],
        },
      },
      grids(tab(0, "B", UNITS)),
    );
    expect(config).toMatchObject({
      data: {
        labels: ["Phường C", "Xã B", "Xã A"],
        datasets: [{ label: "Kiểm tra", data: [20.5, 7, 12] }],
      },
      options: { indexAxis: "y" },
    });
    const numbersOnly = chartConfig(
      {
        basicChart: {
          chartType: "LINE",
          domains: [{ domain: range(0, 1, 4, 0) }],
          series: [{ series: range(0, 1, 4, 1) }],
        },
      },
      grids(tab(0, "B", UNITS)),
    );
    expect(numbersOnly).toMatchObject({
      type: "line",
      data: {
        labels: ["Xã A", "Xã B", "Phường C"],
        datasets: [{ label: "Chuỗi 1", data: [12, 7, 20.5] }],
      },
    });
  });

  it("a pie chart (and a doughnut with a hole) shares out the series", () => {
    const statuses = tab(0, "P", [
      ["Đã cập nhật", 5],
      ["Chưa có bảng tính", 1],
    ]);
    const spec = { domain: range(0, 0, 2, 0), series: range(0, 0, 2, 1) };
    expect(chartConfig({ pieChart: spec }, grids(statuses))).toMatchObject({
      type: "pie",
      data: { labels: ["Đã cập nhật", "Chưa có bảng tính"], datasets: [{ data: [5, 1] }] },
      options: { plugins: { legend: { position: "right" } } },
    });
    expect(chartConfig({ pieChart: { ...spec, pieHole: 0.5 } }, grids(statuses))).toMatchObject({
      type: "doughnut",
      options: { cutout: "50%" },
    });
  });

  it("places a chart at its anchor cell and says so when it cannot draw one", () => {
    const sheet = tab(0, "Biểu đồ", UNITS, {
      charts: [
        {
          chartId: 5,
          spec: { title: "Phân bố", histogramChart: {} },
          position: {
            overlayPosition: {
              anchorCell: { sheetId: 0, rowIndex: 2, columnIndex: 1 },
              offsetXPixels: 4,
              widthPixels: 300,
              heightPixels: 200,
            },
          },
        },
      ],
    });
    const html = render(book(sheet));
    // Row header 46 + column A 100 + 4; column header 20 + two rows of 21.
    expect(html).toContain(
      '<div class="chart" style="left:150px;top:62px;width:300px;height:200px;background:#ffffff"><div class="undrawn">Phân bố: bản xem trước chưa vẽ được loại biểu đồ histogramChart.</div></div>',
    );
    expect(chartEntries(html)).toEqual([]);
  });
});
