import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { a1Range } from "../../worker/sheets/client.ts";
import {
  emulatorClient,
  emulatorStats,
  registerServiceAccount,
  requestsFor,
  seedSpreadsheet,
  type TestServiceAccount,
  uniqueId,
} from "./sheets-emulator-control.ts";

const inspections = [
  ["Ngày kiểm tra", "Chủ thể kiểm tra", "Hình thức", "Đơn vị được kiểm tra", "Loại hình"],
  [46100, "Ban Chỉ đạo cấp tỉnh", "Kiểm tra", "Xã Đắk Hà", "Xã, phường, đặc khu"],
  ["05/06/2026", "BCĐ huyện", "Giám sát", "Phường Quyết Thắng", "Xã, phường, đặc khu"],
];
const awards = [
  ["Số quyết định", "Ngày quyết định", "Cấp khen"],
  ["1234/QĐ-UBND", 46050, "Chủ tịch UBND tỉnh"],
];
const dialogues = [
  ["Ngày đối thoại", "Người chủ trì", "Địa bàn", "Số người dự"],
  [46120, "Ông A", "Phường 1", 120],
];
const trainings = [
  ["Ngày", "Loại", "Nội dung", "Số lượt người"],
  [46130, "Tập huấn", "Quy chế dân chủ", 85, true],
];

let account: TestServiceAccount;
beforeAll(async () => {
  account = await registerServiceAccount();
});

describe("reading a unit", () => {
  it("reads every template tab in one batchGet, values unformatted, in request order", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("don-vi"),
      properties: { title: "Huyện Đắk Hà", locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
      sheets: [
        { title: "Hướng dẫn", values: [["Đọc kỹ trước khi nhập"]] },
        { title: "Kiểm tra, giám sát", values: inspections },
        { title: "Khen thưởng", values: awards },
        { title: "Đối thoại", values: dialogues },
        { title: "Tập huấn, hội nghị", values: trainings },
      ],
    });
    const client = emulatorClient(account.keyJson);

    const spreadsheet = await client.getSpreadsheet(id);
    expect(spreadsheet.properties?.title).toBe("Huyện Đắk Hà");
    const titles = spreadsheet.sheets.map((s) => s.properties.title);
    expect(titles).toEqual([
      "Hướng dẫn",
      "Kiểm tra, giám sát",
      "Khen thưởng",
      "Đối thoại",
      "Tập huấn, hội nghị",
    ]);
    const ids = spreadsheet.sheets.map((s) => s.properties.sheetId);
    expect(new Set(ids).size).toBe(5);

    const before = requestsFor(await emulatorStats(account.clientEmail), id).length;
    const wanted = ["Tập huấn, hội nghị", "Kiểm tra, giám sát", "Khen thưởng", "Đối thoại"];
    const result = await client.batchGetValues(
      id,
      wanted.map((t) => a1Range(t)),
    );
    const after = requestsFor(await emulatorStats(account.clientEmail), id).length;

    expect(after - before).toBe(1);
    expect(result.spreadsheetId).toBe(id);
    expect(result.valueRanges.map((r) => r.values)).toEqual([
      trainings,
      inspections,
      awards,
      dialogues,
    ]);
  });

  it("asks for a field mask and gets only those fields", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("mask"),
      properties: { title: "Xã A" },
      sheets: [{ title: "Khen thưởng", values: awards }],
    });
    const client = emulatorClient(account.keyJson);
    const only = await client.getSpreadsheet(id, "sheets.properties(sheetId,title)");
    expect(only.properties).toBeUndefined();
    expect(only.sheets).toEqual([
      { properties: { sheetId: expect.any(Number), title: "Khen thưởng" } },
    ]);
    // A mask without sheetId gets none: an invented 0 would address the first tab.
    const titles = await client.getSpreadsheet(id, "sheets(properties(title))");
    expect(titles.sheets).toEqual([{ properties: { title: "Khen thưởng" } }]);
  });

  it("returns an empty range as no rows and a bounded range clipped", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("empty"),
      sheets: [
        { title: "Trống", values: [] },
        { title: "Đối thoại", values: dialogues },
      ],
    });
    const client = emulatorClient(account.keyJson);
    const result = await client.batchGetValues(id, [
      a1Range("Trống"),
      a1Range("Đối thoại", "A1:B"),
    ]);
    expect(result.valueRanges[0]!.values).toEqual([]);
    expect(result.valueRanges[1]!.values).toEqual(dialogues.map((row) => row.slice(0, 2)));
  });

  it("addresses odd tab titles exactly: apostrophes, commas, '!', NFD next to NFC", async () => {
    const nfc = "Kiểm tra, giám sát";
    const nfd = nfc.normalize("NFD");
    const odd = ["Cán bộ's (tổ 1)", "'", "A, B; C", "Tổng hợp!A1", "Sheet1", "Đơn vị — 2026 ✓"];
    const sheets = [
      { title: nfc, values: [["bản NFC"]] },
      { title: nfd, values: [["bản NFD"]] },
      ...odd.map((title, i) => ({ title, values: [[`tab ${i}`, title]] })),
    ];
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("odd"), sheets });
    const client = emulatorClient(account.keyJson);

    const titles = (await client.getSpreadsheet(id)).sheets.map((s) => s.properties.title);
    expect(titles).toEqual(sheets.map((s) => s.title));
    expect(titles[1]).toBe(nfd);

    const result = await client.batchGetValues(
      id,
      titles.map((t) => a1Range(t, "A1:B")),
    );
    expect(result.valueRanges.map((r) => r.values)).toEqual(sheets.map((s) => s.values));
  });

  it("makes no request for an empty list of ranges", async () => {
    const client = emulatorClient(account.keyJson);
    const result = await client.batchGetValues("never-called", []);
    expect(result.valueRanges).toEqual([]);
    const stats = await emulatorStats(account.clientEmail);
    expect(requestsFor(stats, "never-called")).toEqual([]);
  });

  it("works with the shared key from the test configuration", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("shared"),
      sheets: [{ title: "Khen thưởng", values: awards }],
    });
    const client = emulatorClient(env.GOOGLE_SERVICE_ACCOUNT_JSON);
    const result = await client.batchGetValues(id, [a1Range("Khen thưởng")]);
    expect(result.valueRanges[0]!.values).toEqual(awards);
    expect(client.serviceAccountEmail).toMatch(/@/);
  });
});
