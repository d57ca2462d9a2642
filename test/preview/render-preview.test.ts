// renderPreview on Spreadsheet resources written by hand: what the page shows for cells,
// merges, frozen panes, hidden tabs, filters and links; and that no cell text, whatever it
// is, becomes markup.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeHref } from "../../tools/preview/escape.ts";
import { MAX_ROWS_PER_TAB } from "../../tools/preview/render-preview.ts";
import {
  book,
  type Cell,
  chartEntries,
  range,
  render,
  tab,
  type Value,
} from "./spreadsheet-json.ts";

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
