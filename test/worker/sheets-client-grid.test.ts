import { describe, expect, it } from "vitest";
import { createSheetsClient } from "../../worker/sheets/client.ts";

/** Google's answer to the grid-data get, sent in `chunks` pieces, with or without a length. */
function googleAnswering(body: string, { chunks = 1, declareLength = true } = {}) {
  const sent: string[] = [];
  const fetchStub: typeof fetch = async (input) => {
    sent.push(String(input));
    const bytes = new TextEncoder().encode(body);
    const size = Math.ceil(bytes.length / chunks);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (declareLength) headers["content-length"] = String(bytes.length);
    return new Response(stream, { status: 200, headers });
  };
  const client = createSheetsClient({
    tokenProvider: { clientEmail: "sa@x.iam.gserviceaccount.com", getAccessToken: async () => "t" },
    fetch: fetchStub,
    retry: { maxAttempts: 1 },
  });
  return { client, sent };
}

const answer = JSON.stringify({
  properties: { timeZone: "Asia/Ho_Chi_Minh" },
  sheets: [
    {
      properties: { title: "Khen thưởng" },
      data: [
        {
          rowData: [
            { values: [{ effectiveValue: { stringValue: "Số quyết định" } }, {}] },
            {},
            {
              values: [
                { effectiveValue: { numberValue: 46050.5 } },
                {},
                { effectiveValue: { boolValue: false } },
                { effectiveValue: { errorValue: { type: "DIVIDE_BY_ZERO", message: "x" } } },
                {},
              ],
            },
            { values: [{}, {}] },
          ],
        },
      ],
    },
    { properties: { sheetId: 7, title: "Trống" }, data: [{}] },
  ],
});

describe("reading a whole spreadsheet's values in one call", () => {
  it("gives each tab's rows as batchGet would: inner gaps kept, trailing ones dropped", async () => {
    const { client, sent } = googleAnswering(answer, { chunks: 7 });
    const whole = await client.getSpreadsheetValues("s1", { maxBytes: answer.length * 2 });
    expect(whole).toEqual({
      timeZone: "Asia/Ho_Chi_Minh",
      sheets: [
        {
          sheetId: 0,
          title: "Khen thưởng",
          values: [["Số quyết định"], [], [46050.5, "", false, "#DIV/0!"]],
        },
        { sheetId: 7, title: "Trống", values: [] },
      ],
    });
    const url = new URL(sent[0]!);
    expect(url.searchParams.get("includeGridData")).toBe("true");
    expect(url.searchParams.get("fields")).toContain("effectiveValue");
  });

  it("gives up on an answer past the limit, declared or streamed", async () => {
    for (const declareLength of [true, false]) {
      const { client } = googleAnswering(answer, { chunks: 5, declareLength });
      await expect(
        client.getSpreadsheetValues("s1", { maxBytes: Math.floor(answer.length / 2) }),
      ).rejects.toMatchObject({ kind: "too-large", httpStatus: 200, attempts: 1 });
    }
  });
});
