// renderPreview on Spreadsheet resources written by hand: what the page shows for cells,
// merges, frozen panes, hidden tabs, links, and the Chart.js configuration it derives from a
// chart's data ranges; and that no cell text, whatever it is, becomes markup.

import type { sheets_v4 } from "@googleapis/sheets";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartConfig } from "../../tools/preview/chart-config.ts";
import { safeHref } from "../../tools/preview/escape.ts";
import { sheetGrid } from "../../tools/preview/grid-model.ts";
import { MAX_ROWS_PER_TAB, renderPreview } from "../../tools/preview/render-preview.ts";

type Cell = sheets_v4.Schema$CellData;
type Value = string | number | Cell | null;

function cellOf(v: Value): Cell {
  if (v === null) return {};
  if (typeof v === "number")
    return { effectiveValue: { numberValue: v }, formattedValue: String(v).replace(".", ",") };
  if (typeof v === "string") return { effectiveValue: { stringValue: v }, formattedValue: v };
  return v;
}

function tab(
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

const book = (...sheets: sheets_v4.Schema$Sheet[]): sheets_v4.Schema$Spreadsheet => ({
  spreadsheetId: "tinh",
  properties: { title: "Tỉnh" },
  sheets,
});

const render = (s: sheets_v4.Schema$Spreadsheet) => renderPreview(s, { script: "" });

/** The Chart.js entries the page hands its script. */
function chartEntries(html: string): { canvasId: string; config: Record<string, unknown> }[] {
  const m = /<script type="application\/json" id="qcdc-charts">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? "null");
}

const range = (sheetId: number, r0: number, r1: number, c: number) => ({
  sourceRange: {
    sources: [
      { sheetId, startRowIndex: r0, endRowIndex: r1, startColumnIndex: c, endColumnIndex: c + 1 },
    ],
  },
});

const UNITS: Value[][] = [
  ["Đơn vị", "Kiểm tra", "Đối thoại"],
  ["Xã A", 12, 3],
  ["Xã B", 7, null],
  ["Phường C", 20.5, 1],
];

describe("cells", () => {
  it("shows formatted values with their formats, merges and frozen panes", () => {
    const header: Cell = {
      formattedValue: "Tiêu đề",
      effectiveFormat: {
        textFormat: { bold: true, foregroundColor: { red: 0.8 } },
        backgroundColorStyle: { rgbColor: { red: 1, green: 1, blue: 0 } },
        horizontalAlignment: "CENTER",
      },
    };
    const html = render(
      book(
        tab(
          0,
          "Tổng hợp",
          [
            [header, null, null],
            ["a", 1234.5],
          ],
          { merges: [{ sheetId: 0, startRowIndex: 0, endRowIndex: 1, endColumnIndex: 3 }] },
          { frozenRowCount: 1, frozenColumnCount: 1 },
        ),
      ),
    );
    expect(html).toMatch(
      /<thead>.*<td data-ref="A1" colspan="3" [^>]*style="[^"]*font-weight:700[^"]*">Tiêu đề<\/td>.*<\/thead>/,
    );
    expect(html).toContain("color:#cc0000");
    expect(html).toContain("background-color:#ffff00");
    expect(html).not.toContain('data-ref="B1"');
    expect(html).toMatch(
      /<tbody><tr[^>]*><th class="rh">2<\/th><td data-ref="A2"[^>]*position:sticky;left:46px/,
    );
    expect(html).toMatch(/data-ref="B2"[^>]*style="text-align:right[^"]*">1234,5</);
  });

  it("marks the header cells of the tab's filter", () => {
    const html = render(
      book(
        tab(
          0,
          "Chi tiết",
          [
            ["a", "b", "c"],
            [1, 2, 3],
          ],
          {
            basicFilter: { range: { sheetId: 0, startColumnIndex: 1, endColumnIndex: 3 } },
          },
        ),
      ),
    );
    expect([...html.matchAll(/data-ref="([A-Z]+\d+)" class="filter"/g)].map((m) => m[1])).toEqual([
      "B1",
      "C1",
    ]);
  });

  it("leaves out hidden tabs, rows and columns", () => {
    const html = render(
      book(
        tab(1, "Hiện", [["x", "y"], ["z"]]),
        tab(2, "Ẩn", [["bí mật"]], { properties: { hidden: true } }),
      ),
    );
    expect(html).not.toContain("bí mật");
    const hidden = tab(3, "Có ẩn", [["a", "b"], ["c"]]);
    hidden.data![0]!.rowMetadata = [{ pixelSize: 21 }, { pixelSize: 21, hiddenByUser: true }];
    hidden.data![0]!.columnMetadata = [{ pixelSize: 100, hiddenByUser: true }, { pixelSize: 150 }];
    const page = render(book(hidden));
    expect(page).not.toContain('data-ref="A1"');
    expect(page).not.toContain('data-ref="A2"');
    expect(page).toContain('<col style="width:150px">');
  });

  it("draws at most MAX_ROWS_PER_TAB rows of a tab and says how many there are", () => {
    const rows: Value[][] = Array.from({ length: MAX_ROWS_PER_TAB + 500 }, (_, i) => [i + 1]);
    const html = render(book(tab(0, "Chi tiết", rows, {}, { rowCount: rows.length })));
    expect(html).toContain(`data-ref="A${MAX_ROWS_PER_TAB}"`);
    expect(html).not.toContain(`data-ref="A${MAX_ROWS_PER_TAB + 1}"`);
    expect(html).toContain("chỉ hiện 3.000 dòng đầu trong 3.500 dòng");
    expect(render(book(tab(0, "Ngắn", rows.slice(0, 10))))).not.toContain('class="cut"');
  });

  it("links: web links open outside, links into this spreadsheet stay on the page, others are text", () => {
    const run = (uri: string): Cell => ({
      formattedValue: "12",
      hyperlink: uri,
      textFormatRuns: [{ startIndex: 0, format: { link: { uri } } }],
    });
    const html = render(
      book(
        tab(0, "Lỗi", [
          [run("https://docs.google.com/spreadsheets/d/tinh/edit#gid=7&range=C5")],
          [run("https://docs.google.com/spreadsheets/d/don-vi/edit#gid=0&range=A1")],
          [run("javascript:alert(1)")],
        ]),
      ),
    );
    expect(html).toContain('<a href="#gid=7&amp;range=C5">12</a>');
    expect(html).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/don-vi/edit#gid=0&amp;range=A1" target="_blank" rel="noopener noreferrer">12</a>',
    );
    expect(html).not.toContain("javascript:");
    expect(safeHref("  JavaScript:alert(1)")).toBeUndefined();
    expect(safeHref("data:text/html,x")).toBeUndefined();
    expect(safeHref("mailto:a@b.vn")).toBe("mailto:a@b.vn");
  });

  it("never turns text from cells, notes, titles or charts into markup", () => {
    const ALLOWED = new Set(
      "html head meta title style body header h1 span noscript p main section div table colgroup col thead tbody tr th td a canvas nav button script".split(
        " ",
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.constantFrom(
          "<script>x</script>",
          "</script><img src=x onerror=alert(1)>",
          '"><b>',
          "<!--",
        ),
        (random, hostile) => {
          const text = `${random}${hostile}`;
          const html = render(
            book({
              ...tab(0, text, [
                [{ formattedValue: text, note: text, hyperlink: `https://a.vn/"${text}` }],
              ]),
              charts: [
                {
                  chartId: 1,
                  spec: {
                    title: text,
                    basicChart: {
                      chartType: "COLUMN",
                      domains: [{ domain: range(0, 0, 1, 0) }],
                      series: [{ series: range(0, 0, 1, 0) }],
                    },
                  },
                },
              ],
            }),
          );
          const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1] as string);
          expect(tags.filter((t) => !ALLOWED.has(t))).toEqual([]);
          expect(html.match(/<script/g)).toHaveLength(2);
          expect(html.match(/<\/script/g)).toHaveLength(2);
          expect(chartEntries(html)[0]?.config.options).toMatchObject({
            plugins: { title: { text } },
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

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
