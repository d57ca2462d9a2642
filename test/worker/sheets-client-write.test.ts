import { beforeAll, describe, expect, it } from "vitest";
import { a1Range, formulaText, type ValueRangeInput } from "../../worker/sheets/client.ts";
import {
  emulatorClient,
  failure,
  registerServiceAccount,
  seedSpreadsheet,
  spreadsheetState,
  type TestServiceAccount,
  uniqueId,
} from "./sheets-emulator-control.ts";

let account: TestServiceAccount;
beforeAll(async () => {
  account = await registerServiceAccount();
});

const province = () =>
  seedSpreadsheet({
    spreadsheetId: uniqueId("tinh"),
    properties: { title: "Tỉnh Mẫu" },
    sheets: [
      {
        title: "Đơn vị",
        values: [
          ["Mã đơn vị", "Tên đơn vị", "Bảng tính"],
          ["H01", "Huyện A", "don-vi-01"],
        ],
      },
    ],
  });

describe("values.batchUpdate", () => {
  it("writes RAW by default: text that looks like a formula or a number stays text", async () => {
    const id = await province();
    const client = emulatorClient(account.keyJson);
    const data: ValueRangeInput[] = [
      { range: a1Range("Đơn vị", "E1:H1"), values: [["=1+1", "0123", "1.500", "Huyện Đắk Hà"]] },
    ];
    const result = await client.batchUpdateValues(id, data);
    expect(result).toMatchObject({ spreadsheetId: id, totalUpdatedCells: 4, totalUpdatedRows: 1 });
    const read = await client.batchGetValues(id, [a1Range("Đơn vị", "E1:H1")]);
    expect(read.valueRanges[0]!.values).toEqual([["=1+1", "0123", "1.500", "Huyện Đắk Hà"]]);
  });

  it("USER_ENTERED accepts formulas and numbers, and refuses plain text before sending", async () => {
    const id = await province();
    const client = emulatorClient(account.keyJson);
    await client.batchUpdateValues(
      id,
      [{ range: a1Range("Đơn vị", "E2:F2"), values: [[formulaText("=2+3"), 7]] }],
      "USER_ENTERED",
    );
    // The emulator keeps formulas (it has no formula engine; Google would compute 5).
    const state = await spreadsheetState(id);
    const units = state.sheets.find((s) => s.title === "Đơn vị") as {
      formulas?: (string | null)[][];
    };
    expect(units.formulas?.[1]?.[4]).toBe("=2+3");
    const read = await client.batchGetValues(id, [a1Range("Đơn vị", "F2")]);
    expect(read.valueRanges[0]!.values).toEqual([[7]]);

    // A caller that casts around the type still cannot send text as USER_ENTERED.
    const sneaky = [{ range: a1Range("Đơn vị", "G2"), values: [["Huyện A"]] }] as never;
    const error = await failure(client.batchUpdateValues(id, sneaky, "USER_ENTERED"));
    expect(error.kind).toBe("invalid-argument");
    const after = await client.batchGetValues(id, [a1Range("Đơn vị", "G2")]);
    expect(after.valueRanges[0]!.values).toEqual([]);
    expect(() => formulaText("Huyện A")).toThrow(RangeError);
  });
});

describe("spreadsheets.batchUpdate", () => {
  it("applies every request or none", async () => {
    const id = await province();
    const client = emulatorClient(account.keyJson);
    const error = await failure(
      client.batchUpdate(id, [
        { addSheet: { properties: { title: "Tổng hợp" } } },
        { deleteSheet: { sheetId: 987_654_321 } },
      ]),
    );
    expect(error).toMatchObject({ kind: "invalid-argument", httpStatus: 400 });
    const untouched = await spreadsheetState(id);
    expect(untouched.sheets.map((s) => s.title)).toEqual(["Đơn vị"]);

    const done = await client.batchUpdate(id, [
      { addSheet: { properties: { title: "Tổng hợp", index: 0 } } },
      { addSheet: { properties: { title: "Nhật ký" } } },
    ]);
    const added = done.replies.map((r) => r.addSheet?.properties.title);
    expect(added).toEqual(["Tổng hợp", "Nhật ký"]);
    const summaryId = done.replies[0]!.addSheet!.properties.sheetId;

    await client.batchUpdate(id, [
      {
        updateCells: {
          start: { sheetId: summaryId, rowIndex: 0, columnIndex: 0 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: "=Toàn tỉnh" } },
                { userEnteredValue: { numberValue: 156 } },
              ],
            },
          ],
          fields: "userEnteredValue",
        },
      },
    ]);
    const state = await spreadsheetState(id);
    expect(state.sheets.map((s) => s.title)).toEqual(["Tổng hợp", "Đơn vị", "Nhật ký"]);
    const summary = await client.batchGetValues(id, [a1Range("Tổng hợp")]);
    expect(summary.valueRanges[0]!.values).toEqual([["=Toàn tỉnh", 156]]);
  });
});

describe("a write whose answer is lost", () => {
  it("is not sent again when it may have been applied (timeout after Google received it)", async () => {
    const id = await province();
    // The emulator applies the batch, but its answer arrives after the deadline.
    const lateAnswer: typeof fetch = async (input, init) => {
      const response = await fetch(input, { ...init, signal: null });
      await new Promise((resolve) => setTimeout(resolve, 200));
      init?.signal?.throwIfAborted();
      return response;
    };
    const client = emulatorClient(account.keyJson, { fetch: lateAnswer, requestTimeoutMs: 100 });
    const error = await failure(
      client.batchUpdate(id, [{ addSheet: { properties: { title: "Tổng hợp" } } }]),
    );
    expect(error).toMatchObject({ kind: "timeout", attempts: 1 });
    const state = await spreadsheetState(id);
    expect(state.sheets.map((s) => s.title)).toEqual(["Đơn vị", "Tổng hợp"]);
  });
});

describe("values.clear", () => {
  it("clears one range and leaves the rest", async () => {
    const id = await province();
    const client = emulatorClient(account.keyJson);
    const cleared = await client.clearValues(id, a1Range("Đơn vị", "A2:C"));
    expect(cleared.spreadsheetId).toBe(id);
    const read = await client.batchGetValues(id, [a1Range("Đơn vị")]);
    expect(read.valueRanges[0]!.values).toEqual([["Mã đơn vị", "Tên đơn vị", "Bảng tính"]]);
  });
});
