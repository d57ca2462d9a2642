// spreadsheets.batchUpdate request types, driven through the endpoint function (no HTTP).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadsheetsBatchUpdate, spreadsheetsGet } from "./batch-update.ts";
import { GoogleError } from "./google-error.ts";
import { stateFromSeed, stateToSeed } from "./seed-state.ts";
import type { SpreadsheetState } from "./store.ts";
import { valuesBatchGet } from "./values-endpoints.ts";

const q = new URLSearchParams();

function fresh(): SpreadsheetState {
  return stateFromSeed(
    {
      sheets: [
        {
          title: "A",
          values: [
            ["a1", "b1", "c1"],
            ["a2", "b2", "c2"],
            ["a3", "b3", "c3"],
          ],
          properties: { sheetId: 0 },
        },
        { title: "B", properties: { sheetId: 1, gridProperties: { rowCount: 5, columnCount: 3 } } },
        { title: "C", properties: { sheetId: 2 } },
      ],
    },
    "br",
  );
}

function run(ss: SpreadsheetState, requests: unknown[]) {
  const res = spreadsheetsBatchUpdate(ss, q, { requests });
  return { replies: res.body.replies as unknown[], next: res.next as SpreadsheetState };
}

function refusal(ss: SpreadsheetState, requests: unknown[]): string {
  try {
    run(ss, requests);
  } catch (e) {
    if (e instanceof GoogleError) return e.message;
    throw e;
  }
  throw new Error("expected a refusal");
}

function values(ss: SpreadsheetState, range: string): unknown {
  const body = valuesBatchGet(
    ss,
    new URLSearchParams([
      ["ranges", range],
      ["valueRenderOption", "UNFORMATTED_VALUE"],
    ]),
  ).body;
  return (body.valueRanges as { values?: unknown }[])[0]?.values;
}

describe("tab requests", () => {
  it("renames and moves a tab, counting the index before the move", () => {
    const { next } = run(fresh(), [
      {
        updateSheetProperties: {
          properties: { sheetId: 0, title: "Đầu", index: 2 },
          fields: "title,index",
        },
      },
    ]);
    expect(next.sheets.map((s) => [s.properties.title, s.properties.index])).toEqual([
      ["B", 0],
      ["Đầu", 1],
      ["C", 2],
    ]);
  });

  it("shrinking a grid drops the data outside it", () => {
    const { next } = run(fresh(), [
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { rowCount: 2, columnCount: 2 } },
          fields: "gridProperties(rowCount,columnCount)",
        },
      },
    ]);
    expect(values(next, "A")).toEqual([
      ["a1", "b1"],
      ["a2", "b2"],
    ]);
  });

  it("refuses clashing titles, all-frozen grids, removing the last tab and unknown mask fields", () => {
    expect(
      refusal(fresh(), [
        { updateSheetProperties: { properties: { sheetId: 1, title: "a" }, fields: "title" } },
      ]),
    ).toBe(
      'Invalid requests[0].updateSheetProperties: A sheet with the name "a" already exists. Please enter another name.',
    );
    expect(
      refusal(fresh(), [
        {
          updateSheetProperties: {
            properties: { sheetId: 1, gridProperties: { frozenRowCount: 5 } },
            fields: "gridProperties.frozenRowCount",
          },
        },
      ]),
    ).toBe(
      "Invalid requests[0].updateSheetProperties: You can't freeze all visible rows on the sheet.",
    );
    expect(
      refusal(fresh(), [
        { updateSheetProperties: { properties: { sheetId: 1 }, fields: "titel" } },
      ]),
    ).toContain("titel");
    expect(
      refusal(fresh(), [
        { deleteSheet: { sheetId: 1 } },
        { deleteSheet: { sheetId: 2 } },
        { deleteSheet: { sheetId: 0 } },
      ]),
    ).toBe("Invalid requests[2].deleteSheet: You can't remove all the sheets in a document.");
  });

  it("gives added tabs random ids and default titles", () => {
    const { replies } = run(fresh(), [{ addSheet: {} }]);
    const added = (replies[0] as { addSheet: { properties: { sheetId: number; title: string } } })
      .addSheet.properties;
    expect(added.title).toBe("Sheet4");
    expect(added.sheetId).toBeGreaterThan(2);
  });
});

describe("row and column requests", () => {
  it("stores dimension properties for the columns named, and refuses a negative width", () => {
    const { next } = run(fresh(), [
      {
        updateDimensionProperties: {
          range: { sheetId: 1, dimension: "COLUMNS", startIndex: 0, endIndex: 2 },
          properties: { pixelSize: 160 },
          fields: "pixelSize",
        },
      },
    ]);
    expect(next.sheets[1]?.columnMetadata).toEqual({
      "0": { pixelSize: 160 },
      "1": { pixelSize: 160 },
    });
    expect(
      refusal(fresh(), [
        {
          updateDimensionProperties: {
            range: { sheetId: 1, dimension: "COLUMNS", startIndex: 0, endIndex: 1 },
            properties: { pixelSize: -1 },
            fields: "pixelSize",
          },
        },
      ]),
    ).toBe("Invalid requests[0].updateDimensionProperties: pixelSize must not be negative.");
  });
});

describe("cell requests", () => {
  it("updateCells over a range clears the masked fields of cells it does not list", () => {
    const { next } = run(fresh(), [
      {
        updateCells: {
          range: {
            sheetId: 0,
            startRowIndex: 0,
            endRowIndex: 2,
            startColumnIndex: 0,
            endColumnIndex: 2,
          },
          rows: [{ values: [{ userEnteredValue: { boolValue: true } }] }],
          fields: "userEnteredValue",
        },
      },
    ]);
    expect(values(next, "A")).toEqual([
      [true, "", "c1"],
      ["", "", "c2"],
      ["a3", "b3", "c3"],
    ]);
  });

  it("refuses cells outside the grid and ranges that start outside it", () => {
    expect(
      refusal(fresh(), [
        {
          updateCells: {
            start: { sheetId: 1, rowIndex: 4, columnIndex: 0 },
            rows: [{ values: [{}] }, { values: [{}] }],
            fields: "*",
          },
        },
      ]),
    ).toBe(
      "Invalid requests[0].updateCells: Range (B!A5:A6) exceeds grid limits. Max rows: 5, max columns: 3",
    );
    expect(
      refusal(fresh(), [
        {
          repeatCell: {
            range: { sheetId: 1, startRowIndex: 5 },
            cell: {},
            fields: "userEnteredFormat",
          },
        },
      ]),
    ).toBe(
      "Invalid requests[0].repeatCell: Range (B!A6:C) exceeds grid limits. Max rows: 5, max columns: 3",
    );
    expect(
      refusal(fresh(), [{ repeatCell: { range: { sheetId: 9 }, cell: {}, fields: "note" } }]),
    ).toBe("Invalid requests[0].repeatCell: No grid with id: 9");
  });

  it("merges keep the top-left value and refuse partial overlaps", () => {
    const { next } = run(fresh(), [
      {
        mergeCells: {
          range: {
            sheetId: 0,
            startRowIndex: 0,
            endRowIndex: 2,
            startColumnIndex: 0,
            endColumnIndex: 2,
          },
          mergeType: "MERGE_ALL",
        },
      },
    ]);
    expect(values(next, "A!A1:B2")).toEqual([["a1"]]);
    expect(spreadsheetsGet(next, q).body.sheets).toMatchObject([
      { merges: [{ sheetId: 0, endRowIndex: 2, endColumnIndex: 2 }] },
      {},
      {},
    ]);
    expect(
      refusal(next, [
        {
          unmergeCells: {
            range: {
              sheetId: 0,
              startRowIndex: 0,
              endRowIndex: 1,
              startColumnIndex: 0,
              endColumnIndex: 1,
            },
          },
        },
      ]),
    ).toBe(
      "Invalid requests[0].unmergeCells: You must select all cells in a merged range to merge or unmerge them.",
    );
  });

  it("stores protected ranges, filters and charts", () => {
    const { replies, next } = run(fresh(), [
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
            description: "Tiêu đề",
            warningOnly: true,
          },
        },
      },
      { setBasicFilter: { filter: { range: { sheetId: 0, endRowIndex: 3, endColumnIndex: 3 } } } },
      {
        addChart: {
          chart: {
            spec: { title: "Số cuộc" },
            position: { overlayPosition: { anchorCell: { sheetId: 2 } } },
          },
        },
      },
    ]);
    const protectedRange = (
      replies[0] as { addProtectedRange: { protectedRange: Record<string, unknown> } }
    ).addProtectedRange.protectedRange;
    // Open ends stay open, as Google keeps them: the protection grows with the tab.
    expect(protectedRange).toEqual({
      protectedRangeId: expect.any(Number),
      range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
      description: "Tiêu đề",
      warningOnly: true,
      requestingUserCanEdit: true,
    });
    const sheets = spreadsheetsGet(next, q).body.sheets as Record<string, unknown>[];
    expect(sheets[0]).toMatchObject({
      protectedRanges: [protectedRange],
      basicFilter: { range: { sheetId: 0, endRowIndex: 3, endColumnIndex: 3 } },
    });
    expect(sheets[2]?.charts).toEqual([
      (replies[2] as { addChart: { chart: unknown } }).addChart.chart,
    ]);
  });

  it("keeps Google's size limits: 10 million cells, 50,000 characters a cell", () => {
    expect(
      refusal(fresh(), [
        { addSheet: { properties: { gridProperties: { rowCount: 400_000, columnCount: 26 } } } },
      ]),
    ).toBe(
      "Invalid requests[0].addSheet: This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    );
    const long = "ạ".repeat(50_001);
    expect(
      refusal(fresh(), [
        {
          repeatCell: {
            range: { sheetId: 2, endRowIndex: 1, endColumnIndex: 1 },
            cell: { userEnteredValue: { stringValue: long } },
            fields: "userEnteredValue",
          },
        },
      ]),
    ).toBe(
      "Invalid requests[0].repeatCell: Your input contains more than the maximum of 50000 characters in a single cell.",
    );
  });

  it("names a real request type the emulator lacks instead of ignoring it", () => {
    expect(refusal(fresh(), [{ sortRange: { range: { sheetId: 0 } } }])).toBe(
      "Invalid requests[0].sortRange: this request type is not implemented by the qcdc-sheets emulator",
    );
  });
});

describe("all-or-nothing", () => {
  const request = fc.oneof(
    fc.record({
      addSheet: fc.record({
        properties: fc.record({ title: fc.constantFrom("A", "B", "D", "E", "Tổng hợp") }),
      }),
    }),
    fc.record({ deleteSheet: fc.record({ sheetId: fc.integer({ min: 0, max: 4 }) }) }),
    fc.record({
      repeatCell: fc.record({
        range: fc
          .record({
            sheetId: fc.integer({ min: 0, max: 3 }),
            startRowIndex: fc.integer({ min: 0, max: 8 }),
          })
          .map((r) => ({ ...r, endRowIndex: r.startRowIndex + 2, endColumnIndex: 4 })),
        cell: fc.constant({ userEnteredValue: { stringValue: "x" } }),
        fields: fc.constant("userEnteredValue"),
      }),
    }),
    fc.record({
      mergeCells: fc.record({
        range: fc
          .record({
            sheetId: fc.integer({ min: 0, max: 3 }),
            startRowIndex: fc.integer({ min: 0, max: 6 }),
          })
          .map((r) => ({ ...r, endRowIndex: r.startRowIndex + 2, endColumnIndex: 2 })),
      }),
    }),
  );

  it("either applies every request or leaves the spreadsheet exactly as it was", () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 6 }), (requests) => {
        const ss = fresh();
        const before = JSON.stringify(stateToSeed(ss));
        try {
          const { replies } = run(ss, requests);
          expect(replies).toHaveLength(requests.length);
        } catch (e) {
          expect(e).toBeInstanceOf(GoogleError);
        }
        expect(JSON.stringify(stateToSeed(ss))).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});
