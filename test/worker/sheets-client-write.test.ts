import { beforeAll, describe, expect, it } from "vitest";
import { a1Range } from "../../worker/sheets/client.ts";
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

describe("spreadsheets.batchUpdate", () => {
  it("applies every request or none", async () => {
    const id = await province();
    const client = emulatorClient(account.keyJson);
    const error = await failure(
      client.batchUpdate(id, [
        { addSheet: { properties: { title: "Tổng hợp" } } },
        // A tab of that title exists already: Google refuses the whole batch.
        { addSheet: { properties: { title: "Đơn vị" } } },
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
