// The emulator's test of fidelity: Google's official Node client (@googleapis/sheets with
// google-auth-library's JWT flow), unchanged, reads, writes, batch-updates and clears through it
// and gets the documented errors.

import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officialSheetsClient } from "./official-client.ts";
import type { Emulator } from "./server.ts";
import { startEmulator } from "./server.ts";
import { generateServiceAccountKey, publicKeyPem } from "./service-account-key.ts";

const NFD_TAB = "Đối thoại".normalize("NFD");
const ODD_TAB = "It's 50/50, ok?";

const unit = {
  spreadsheetId: "fid-unit",
  properties: { title: "Huyện A", locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
  sheets: [
    {
      title: "Kiểm tra, giám sát",
      values: [
        ["Ngày kiểm tra", "Chủ thể kiểm tra", "Số kiến nghị"],
        [46100, "Ban Chỉ đạo cấp tỉnh", 3],
        [],
        [null, "", 2.5, ""],
        [46101.5, "BCĐ huyện"],
      ],
      properties: { gridProperties: { frozenRowCount: 1 } },
    },
    {
      title: ODD_TAB,
      values: [
        ["a", "b"],
        [true, false],
      ],
    },
    { title: NFD_TAB, values: [["Ngày đối thoại"]] },
    { title: "Trống" },
  ],
};

const scratch = (id: string) => ({
  spreadsheetId: id,
  sheets: [{ title: "Sheet1" }, { title: "Data" }],
});

let emu: Emulator;
let api: sheets_v4.Sheets;

/** Runs a call expected to fail; returns the HTTP status and Google's error body. */
async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; body: { error: Record<string, unknown> } }> {
  try {
    await p;
  } catch (e) {
    const err = e as {
      status?: number;
      response?: { status: number; data: { error: Record<string, unknown> } };
    };
    if (err.response) return { status: err.response.status, body: err.response.data };
    throw e;
  }
  throw new Error("expected the call to fail");
}

async function controlGet(id: string): Promise<unknown> {
  return (await fetch(`${emu.url}/__emulator/spreadsheets/${id}`)).json();
}

beforeAll(async () => {
  emu = await startEmulator({
    spreadsheets: [
      unit,
      scratch("fid-write"),
      scratch("fid-batch"),
      scratch("fid-clear"),
      { spreadsheetId: "fid-denied", sheets: [{ title: "A" }], emulator: { deny: true } },
      {
        spreadsheetId: "fid-flaky",
        sheets: [{ title: "A", values: [["ok"]] }],
        emulator: { failFirst: 2, failStatus: 503 },
      },
      {
        spreadsheetId: "fid-flaky-retry",
        sheets: [{ title: "A", values: [["ok"]] }],
        emulator: { failFirst: 1, failStatus: 500 },
      },
    ],
    quota: { reads: 10_000, writes: 10_000 },
  });
  api = officialSheetsClient(emu.url, emu.serviceAccountKey!);
});

afterAll(async () => {
  await emu.close();
});

describe("reads", () => {
  it("spreadsheets.get honours fields masks", async () => {
    const titles = await api.spreadsheets.get({
      spreadsheetId: "fid-unit",
      fields: "sheets.properties(title,sheetId)",
    });
    expect(titles.data.sheets?.map((s) => s.properties?.title)).toEqual([
      "Kiểm tra, giám sát",
      ODD_TAB,
      NFD_TAB,
      "Trống",
    ]);
    expect(titles.data.sheets?.[0]?.properties).toEqual({
      title: "Kiểm tra, giám sát",
      sheetId: 0,
    });
    expect(Object.keys(titles.data)).toEqual(["sheets"]);

    const title = await api.spreadsheets.get({
      spreadsheetId: "fid-unit",
      fields: "properties.title",
    });
    expect(title.data).toEqual({ properties: { title: "Huyện A" } });

    const props = await api.spreadsheets.get({
      spreadsheetId: "fid-unit",
      fields: "sheets.properties",
    });
    expect(props.data.sheets?.[0]?.properties).toEqual({
      sheetId: 0,
      title: "Kiểm tra, giám sát",
      index: 0,
      sheetType: "GRID",
      gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
    });
    // No frozen rows: the key is absent, as proto3 JSON omits zeros.
    expect(props.data.sheets?.[1]?.properties?.gridProperties).toEqual({
      rowCount: 1000,
      columnCount: 26,
    });

    const full = await api.spreadsheets.get({ spreadsheetId: "fid-unit" });
    expect(full.data.spreadsheetId).toBe("fid-unit");
    expect(full.data.properties?.locale).toBe("vi_VN");
    expect(full.data.spreadsheetUrl).toBe("https://docs.google.com/spreadsheets/d/fid-unit/edit");
  });

  it("values.batchGet returns serials, ragged rows, quoted normalised ranges and no values for empty ranges", async () => {
    const res = await api.spreadsheets.values.batchGet({
      spreadsheetId: "fid-unit",
      ranges: [
        "'Kiểm tra, giám sát'!A1:Z",
        `'${ODD_TAB.replace("'", "''")}'!A:B`,
        `'${NFD_TAB}'!A1:F`,
        "Trống",
        "'Kiểm tra, giám sát'!B2",
      ],
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
    });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      spreadsheetId: "fid-unit",
      valueRanges: [
        {
          range: "'Kiểm tra, giám sát'!A1:Z1000",
          majorDimension: "ROWS",
          values: [
            ["Ngày kiểm tra", "Chủ thể kiểm tra", "Số kiến nghị"],
            [46100, "Ban Chỉ đạo cấp tỉnh", 3],
            [],
            ["", "", 2.5],
            [46101.5, "BCĐ huyện"],
          ],
        },
        {
          range: "'It''s 50/50, ok?'!A1:B1000",
          majorDimension: "ROWS",
          values: [
            ["a", "b"],
            [true, false],
          ],
        },
        { range: `'${NFD_TAB}'!A1:F1000`, majorDimension: "ROWS", values: [["Ngày đối thoại"]] },
        { range: "'Trống'!A1:Z1000", majorDimension: "ROWS" },
        {
          range: "'Kiểm tra, giám sát'!B2",
          majorDimension: "ROWS",
          values: [["Ban Chỉ đạo cấp tỉnh"]],
        },
      ],
    });
  });

  it("FORMATTED_VALUE uses the spreadsheet's locale", async () => {
    const res = await api.spreadsheets.values.get({
      spreadsheetId: "fid-unit",
      range: "'Kiểm tra, giám sát'!C4",
    });
    expect(res.data.values).toEqual([["2,5"]]);
  });

  it("a title in another Unicode form than the tab's is a bad range, as at Google", async () => {
    const { status, body } = await failure(
      api.spreadsheets.values.get({
        spreadsheetId: "fid-unit",
        range: `'${NFD_TAB.normalize("NFC")}'!A1`,
      }),
    );
    expect(status).toBe(400);
    expect(body.error.message).toBe(`Unable to parse range: '${NFD_TAB.normalize("NFC")}'!A1`);
  });
});

describe("writes", () => {
  it("RAW keeps strings, USER_ENTERED makes formulas and numbers", async () => {
    const formula = '=IMPORTXML("https://example.com","//a")';
    const res = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: "fid-write",
      requestBody: {
        valueInputOption: "RAW",
        data: [{ range: "Sheet1!A1", values: [[formula, "0123", "TRUE", 5]] }],
      },
    });
    expect(res.data).toEqual({
      spreadsheetId: "fid-write",
      totalUpdatedRows: 1,
      totalUpdatedColumns: 4,
      totalUpdatedCells: 4,
      totalUpdatedSheets: 1,
      responses: [
        {
          spreadsheetId: "fid-write",
          updatedRange: "Sheet1!A1:D1",
          updatedRows: 1,
          updatedColumns: 4,
          updatedCells: 4,
        },
      ],
    });
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: "fid-write",
      requestBody: {
        valueInputOption: "USER_ENTERED",
        data: [{ range: "Sheet1!A2:D2", values: [[formula, "0123", "TRUE", "'0123"]] }],
      },
    });
    const unformatted = await api.spreadsheets.values.get({
      spreadsheetId: "fid-write",
      range: "Sheet1!A1:D2",
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(unformatted.data.values).toEqual([
      [formula, "0123", "TRUE", 5],
      ["#NAME?", 123, true, "0123"],
    ]);
    const formulas = await api.spreadsheets.values.get({
      spreadsheetId: "fid-write",
      range: "Sheet1!A1:A2",
      valueRenderOption: "FORMULA",
    });
    expect(formulas.data.values).toEqual([[formula], [formula]]);
  });

  it("refuses a write without valueInputOption and one that overflows its range", async () => {
    const missing = await failure(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: "fid-write",
        requestBody: { data: [{ range: "Data!A1", values: [[1]] }] },
      }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe("'valueInputOption' is required but not specified");
    const overflow = await failure(
      api.spreadsheets.values.update({
        spreadsheetId: "fid-write",
        range: "Data!A1:B1",
        valueInputOption: "RAW",
        requestBody: { values: [[1, 2, 3]] },
      }),
    );
    expect(overflow.body.error.message).toBe(
      "Requested writing within range ['Data'!A1:B1], but tried writing to column [C]",
    );
    const data = await api.spreadsheets.values.get({ spreadsheetId: "fid-write", range: "Data" });
    expect(data.data.values).toBeUndefined();
  });

  it("grows the grid when values run past its end", async () => {
    await api.spreadsheets.values.update({
      spreadsheetId: "fid-write",
      range: "Data!Z999",
      valueInputOption: "RAW",
      requestBody: { values: [["x", "y"], ["z"]] },
    });
    const props = await api.spreadsheets.get({
      spreadsheetId: "fid-write",
      fields: "sheets.properties.gridProperties",
    });
    expect(props.data.sheets?.[1]?.properties?.gridProperties).toEqual({
      rowCount: 1000,
      columnCount: 27,
    });
  });
});

describe("spreadsheets.batchUpdate", () => {
  it("adds a tab, fills it with updateCells, freezes its header and deletes another tab", async () => {
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId: "fid-batch",
      requestBody: {
        requests: [
          {
            addSheet: {
              properties: {
                title: "Tổng hợp",
                sheetId: 777,
                gridProperties: { rowCount: 50, columnCount: 5 },
              },
            },
          },
          {
            updateCells: {
              start: { sheetId: 777, rowIndex: 0, columnIndex: 0 },
              rows: [
                {
                  values: [
                    { userEnteredValue: { stringValue: "Mã đơn vị" } },
                    { userEnteredValue: { stringValue: "Số cuộc" } },
                  ],
                },
                {
                  values: [
                    { userEnteredValue: { stringValue: "=H01" } },
                    { userEnteredValue: { numberValue: 12 } },
                  ],
                },
              ],
              fields: "userEnteredValue",
            },
          },
          {
            updateSheetProperties: {
              properties: { sheetId: 777, gridProperties: { frozenRowCount: 1 } },
              fields: "gridProperties.frozenRowCount",
            },
          },
          {
            repeatCell: {
              range: { sheetId: 777, startRowIndex: 0, endRowIndex: 1 },
              cell: { userEnteredFormat: { textFormat: { bold: true } } },
              fields: "userEnteredFormat.textFormat.bold",
            },
          },
          { deleteSheet: { sheetId: 0 } },
        ],
        includeSpreadsheetInResponse: true,
      },
    });
    expect(res.data.replies).toEqual([
      {
        addSheet: {
          properties: {
            sheetId: 777,
            title: "Tổng hợp",
            index: 2,
            sheetType: "GRID",
            gridProperties: { rowCount: 50, columnCount: 5 },
          },
        },
      },
      {},
      {},
      {},
      {},
    ]);
    expect(
      res.data.updatedSpreadsheet?.sheets?.map((s) => [s.properties?.title, s.properties?.index]),
    ).toEqual([
      ["Data", 0],
      ["Tổng hợp", 1],
    ]);
    const values = await api.spreadsheets.values.get({
      spreadsheetId: "fid-batch",
      range: "'Tổng hợp'",
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(values.data).toEqual({
      range: "'Tổng hợp'!A1:E50",
      majorDimension: "ROWS",
      values: [
        ["Mã đơn vị", "Số cuộc"],
        ["=H01", 12],
      ],
    });
    const state = (await controlGet("fid-batch")) as {
      sheets: { title: string; properties: { gridProperties: unknown }; formats?: unknown }[];
    };
    expect(state.sheets[1]?.properties.gridProperties).toEqual({
      rowCount: 50,
      columnCount: 5,
      frozenRowCount: 1,
    });
    expect(state.sheets[1]?.formats).toEqual([
      [
        { textFormat: { bold: true } },
        { textFormat: { bold: true } },
        { textFormat: { bold: true } },
        { textFormat: { bold: true } },
        { textFormat: { bold: true } },
      ],
    ]);
  });

  it("is all-or-nothing: a failing request in the middle leaves the spreadsheet unchanged", async () => {
    const before = await controlGet("fid-batch");
    const { status, body } = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: "fid-batch",
        requestBody: {
          requests: [
            { addSheet: { properties: { title: "Nhật ký" } } },
            { deleteSheet: { sheetId: 424242 } },
            {
              updateCells: {
                start: { sheetId: 777 },
                rows: [{ values: [{ userEnteredValue: { stringValue: "x" } }] }],
                fields: "userEnteredValue",
              },
            },
          ],
        },
      }),
    );
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 400,
      status: "INVALID_ARGUMENT",
      message: "Invalid requests[1].deleteSheet: No sheet with id: 424242",
    });
    expect(await controlGet("fid-batch")).toEqual(before);
  });

  it("refuses unknown request types and duplicate titles like Google", async () => {
    const unknown = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: "fid-batch",
        requestBody: { requests: [{ addSheeet: {} } as sheets_v4.Schema$Request] },
      }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      `Invalid JSON payload received. Unknown name "addSheeet" at 'requests[0]': Cannot find field.`,
    );
    const dup = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: "fid-batch",
        requestBody: { requests: [{ addSheet: { properties: { title: "data" } } }] },
      }),
    );
    expect(dup.body.error.message).toBe(
      'Invalid requests[0].addSheet: A sheet with the name "data" already exists. Please enter another name.',
    );
  });
});

describe("clears", () => {
  it("values.clear and batchClear empty values and keep the grid", async () => {
    await api.spreadsheets.values.update({
      spreadsheetId: "fid-clear",
      range: "Sheet1!A1",
      valueInputOption: "RAW",
      requestBody: {
        values: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      },
    });
    const one = await api.spreadsheets.values.clear({
      spreadsheetId: "fid-clear",
      range: "Sheet1!B:B",
    });
    expect(one.data).toEqual({ spreadsheetId: "fid-clear", clearedRange: "Sheet1!B1:B1000" });
    const many = await api.spreadsheets.values.batchClear({
      spreadsheetId: "fid-clear",
      requestBody: { ranges: ["Sheet1!A1", "Sheet1!3:3"] },
    });
    expect(many.data).toEqual({
      spreadsheetId: "fid-clear",
      clearedRanges: ["Sheet1!A1", "Sheet1!A3:Z3"],
    });
    const left = await api.spreadsheets.values.get({
      spreadsheetId: "fid-clear",
      range: "Sheet1",
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(left.data.values).toEqual([
      ["", "", 3],
      [4, "", 6],
    ]);
  });
});

describe("errors, unchanged through the official client", () => {
  it("400 for a range naming no tab", async () => {
    const { status, body } = await failure(
      api.spreadsheets.values.get({ spreadsheetId: "fid-unit", range: "Nope!A1" }),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 400,
        message: "Unable to parse range: Nope!A1",
        errors: [
          { message: "Unable to parse range: Nope!A1", domain: "global", reason: "badRequest" },
        ],
        status: "INVALID_ARGUMENT",
      },
    });
  });

  it("400 for a range starting outside the grid", async () => {
    const { body } = await failure(
      api.spreadsheets.values.get({ spreadsheetId: "fid-unit", range: "Trống!AA1:AB2" }),
    );
    expect(body.error.message).toBe(
      "Range (Trống!AA1:AB2) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });

  it("401 for a token the emulator did not issue", async () => {
    const res = await fetch(`${emu.url}/v4/spreadsheets/fid-unit`, {
      headers: { authorization: "Bearer ya29.forged" },
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { status: string; message: string } };
    expect(body.error.status).toBe("UNAUTHENTICATED");
    expect(body.error.message).toMatch(/^Request had invalid authentication credentials\./);
  });

  it("a key the emulator does not trust gets no token", async () => {
    const stranger = generateServiceAccountKey(`${emu.url}/token`, "stranger");
    const err = await failure(
      officialSheetsClient(emu.url, stranger).spreadsheets.get({ spreadsheetId: "fid-unit" }),
    );
    expect(err.status).toBe(400);
    expect(err.body).toEqual({
      error: "invalid_grant",
      error_description: "Invalid grant: account not found",
    });
  });

  it("403 for a spreadsheet not shared with the account", async () => {
    const { status, body } = await failure(api.spreadsheets.get({ spreadsheetId: "fid-denied" }));
    expect(status).toBe(403);
    expect(body.error).toMatchObject({
      code: 403,
      status: "PERMISSION_DENIED",
      message: "The caller does not have permission",
    });
  });

  it("404 for an unknown spreadsheet", async () => {
    const { status, body } = await failure(
      api.spreadsheets.values.batchGet({ spreadsheetId: "fid-absent", ranges: ["A1"] }),
    );
    expect(status).toBe(404);
    expect(body.error).toMatchObject({
      code: 404,
      status: "NOT_FOUND",
      message: "Requested entity was not found.",
    });
  });

  it("429 past the account's read quota, reads and writes counted apart", async () => {
    const key = generateServiceAccountKey(`${emu.url}/token`, "pacer");
    const trust = await fetch(`${emu.url}/__emulator/service-accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_email: key.client_email,
        public_key_pem: publicKeyPem(key.private_key),
        quota: { reads: 2, writes: 1, windowMs: 60_000 },
      }),
    });
    expect(trust.status).toBe(201);
    const paced = officialSheetsClient(emu.url, key);
    await paced.spreadsheets.get({ spreadsheetId: "fid-unit", fields: "properties.title" });
    await paced.spreadsheets.get({ spreadsheetId: "fid-unit", fields: "properties.title" });
    const { status, body } = await failure(
      paced.spreadsheets.get({ spreadsheetId: "fid-unit" }, { retry: false }),
    );
    expect(status).toBe(429);
    expect(body.error.status).toBe("RESOURCE_EXHAUSTED");
    expect(body.error.message).toContain("'Read requests per minute per user'");
    const write = await paced.spreadsheets.values.clear({
      spreadsheetId: "fid-write",
      range: "Data!A5",
    });
    expect(write.status).toBe(200);
    const stats = (await (
      await fetch(
        `${emu.url}/__emulator/stats?client_email=${encodeURIComponent(key.client_email)}`,
      )
    ).json()) as Record<string, unknown>;
    expect(stats).toMatchObject({
      reads: 3,
      writes: 1,
      tokens: 1,
      status429: 1,
      byStatus: { "200": 4, "429": 1 },
    });
  });

  it("failFirst answers 503 twice, then works", async () => {
    const first = await failure(
      api.spreadsheets.values.get({ spreadsheetId: "fid-flaky", range: "A!A1" }, { retry: false }),
    );
    expect(first.status).toBe(503);
    expect(first.body.error).toMatchObject({ code: 503, status: "UNAVAILABLE" });
    const second = await failure(
      api.spreadsheets.values.get({ spreadsheetId: "fid-flaky", range: "A!A1" }, { retry: false }),
    );
    expect(second.status).toBe(503);
    const third = await api.spreadsheets.values.get(
      { spreadsheetId: "fid-flaky", range: "A!A1" },
      { retry: false },
    );
    expect(third.data.values).toEqual([["ok"]]);
  });

  it("the client's own retry rides over an injected 500", async () => {
    const res = await api.spreadsheets.values.get({
      spreadsheetId: "fid-flaky-retry",
      range: "A!A1",
    });
    expect(res.data.values).toEqual([["ok"]]);
  });
});
