import { beforeAll, describe, expect, it } from "vitest";
import { a1Range, explainSheetsError, type SheetsApiError } from "../../worker/sheets/client.ts";
import {
  emulatorClient,
  emulatorStats,
  failure,
  registerServiceAccount,
  requestsFor,
  seedSpreadsheet,
  type TestServiceAccount,
  uniqueId,
} from "./sheets-emulator-control.ts";

const tab = { title: "Khen thưởng", values: [["Số quyết định"], ["12/QĐ-UBND"]] };

/** The client's clock with its sleeps skipped: `waits` is every wait the client chose, in
 * order, and skipped time still counts as elapsed for its retry budget. */
function recordingClock() {
  const waits: number[] = [];
  let skipped = 0;
  return {
    waits,
    now: () => Date.now() + skipped,
    sleep: async (ms: number) => {
      waits.push(ms);
      skipped += Math.max(0, ms);
    },
  };
}

let account: TestServiceAccount;
beforeAll(async () => {
  account = await registerServiceAccount();
});

describe("errors Google reports", () => {
  it("403: not shared with the service account, explained with its e-mail, not retried", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("deny"),
      sheets: [tab],
      emulator: { deny: true },
    });
    const client = emulatorClient(account.keyJson);
    const error = await failure(client.batchGetValues(id, [a1Range(tab.title)]));
    expect(error).toMatchObject({
      kind: "permission-denied",
      httpStatus: 403,
      code: 403,
      status: "PERMISSION_DENIED",
    });
    expect(error.message).toBe("The caller does not have permission");
    const text = explainSheetsError(error, client.serviceAccountEmail);
    expect(text).toContain(
      `Bảng tính chưa được chia sẻ cho tài khoản dịch vụ ${account.clientEmail}: mở bảng tính, bấm Chia sẻ, thêm ${account.clientEmail} với quyền Người xem.`,
    );
    expect(text).toContain("(Google: The caller does not have permission)");
    expect(text).toBe(text.normalize("NFC"));
    expect(requestsFor(await emulatorStats(account.clientEmail), id)).toHaveLength(1);
  });

  it("404: unknown spreadsheet id, not retried", async () => {
    const id = uniqueId("khong-co");
    const client = emulatorClient(account.keyJson);
    const error = await failure(client.getSpreadsheet(id));
    expect(error).toMatchObject({
      kind: "not-found",
      httpStatus: 404,
      status: "NOT_FOUND",
      spreadsheetId: id,
    });
    expect(explainSheetsError(error, account.clientEmail)).toMatch(/^Không tìm thấy bảng tính/);
    expect(requestsFor(await emulatorStats(account.clientEmail), id)).toHaveLength(1);
  });

  it("400: a range naming a tab that does not exist, with Google's message kept", async () => {
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("bad-range"), sheets: [tab] });
    const client = emulatorClient(account.keyJson);
    const error = await failure(client.batchGetValues(id, [a1Range("Không có tab này", "A1:Z")]));
    expect(error).toMatchObject({
      kind: "invalid-argument",
      httpStatus: 400,
      status: "INVALID_ARGUMENT",
    });
    expect(error.message).toContain("Unable to parse range");
    expect(requestsFor(await emulatorStats(account.clientEmail), id)).toHaveLength(1);
  });

  it("429: quota exhausted and no retry budget left → rate-limited", async () => {
    const small = await registerServiceAccount({
      quota: { reads: 2, writes: 2, windowMs: 60_000 },
    });
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("quota"), sheets: [tab] });
    const client = emulatorClient(small.keyJson, {
      retry: { maxAttempts: 3, totalBudgetMs: 2_000, baseDelayMs: 10, maxDelayMs: 50 },
    });
    await client.getSpreadsheet(id);
    await client.getSpreadsheet(id);
    const error = await failure(client.getSpreadsheet(id));
    expect(error).toMatchObject({
      kind: "rate-limited",
      httpStatus: 429,
      status: "RESOURCE_EXHAUSTED",
    });
    expect(explainSheetsError(error, small.clientEmail)).toMatch(/^Vượt hạn mức/);
  });

  for (const failStatus of [429, 500, 503] as const) {
    it(`retries after ${failStatus} and then succeeds (failFirst)`, async () => {
      const id = await seedSpreadsheet({
        spreadsheetId: uniqueId(`flaky-${failStatus}`),
        sheets: [tab],
        emulator: { failFirst: 2, failStatus },
      });
      const client = emulatorClient(account.keyJson);
      const result = await client.batchGetValues(id, [a1Range(tab.title)]);
      expect(result.valueRanges[0]!.values).toEqual(tab.values);
      const statuses = requestsFor(await emulatorStats(account.clientEmail), id).map(
        (r) => r.status,
      );
      expect(statuses).toEqual([failStatus, failStatus, 200]);
    });
  }

  it("gives up after max attempts with Google's last error", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("down"),
      sheets: [tab],
      emulator: { failFirst: 50, failStatus: 503 },
    });
    const client = emulatorClient(account.keyJson, {
      retry: { maxAttempts: 3, totalBudgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 20 },
    });
    const error = await failure(client.batchGetValues(id, [a1Range(tab.title)]));
    expect(error).toMatchObject({
      kind: "unavailable",
      httpStatus: 503,
      status: "UNAVAILABLE",
      attempts: 3,
    });
    expect(explainSheetsError(error, account.clientEmail)).toMatch(
      /^Google Sheets tạm thời không phản hồi/,
    );
    expect(requestsFor(await emulatorStats(account.clientEmail), id)).toHaveLength(3);
  });

  it("gives up when the next wait would overrun the time budget", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("budget"),
      sheets: [tab],
      emulator: { failFirst: 50, failStatus: 500 },
    });
    const clock = recordingClock();
    const client = emulatorClient(account.keyJson, {
      // Waits of 0.99 × 200, 400, 800 ms against a 1 s budget: two retries fit, the third not.
      retry: { maxAttempts: 10, totalBudgetMs: 1_000, baseDelayMs: 200, maxDelayMs: 10_000 },
      random: () => 0.99,
      now: clock.now,
      sleep: clock.sleep,
    });
    const error = await failure(client.getSpreadsheet(id));
    expect(error.kind).toBe("unavailable");
    expect(clock.waits).toHaveLength(2);
    expect(clock.waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(1_000);
    expect(requestsFor(await emulatorStats(account.clientEmail), id)).toHaveLength(3);
  });
});

describe("Retry-After and the time budget", () => {
  /** The emulator's answers with a Retry-After header added to its 429s, as Google's front
   * end may send one. */
  const withRetryAfter =
    (value: string): typeof fetch =>
    async (input, init) => {
      const response = await fetch(input, init);
      if (response.status !== 429) return response;
      const headers = new Headers(response.headers);
      headers.set("retry-after", value);
      return new Response(await response.text(), { status: response.status, headers });
    };

  it("waits at least what Retry-After asks before retrying, even when backoff is shorter", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("retry-after"),
      sheets: [tab],
      emulator: { failFirst: 1, failStatus: 429 },
    });
    const clock = recordingClock();
    const client = emulatorClient(account.keyJson, {
      fetch: withRetryAfter("1"),
      retry: { maxAttempts: 3, totalBudgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 10 },
      now: clock.now,
      sleep: clock.sleep,
    });
    const result = await client.batchGetValues(id, [a1Range(tab.title)]);
    expect(result.valueRanges[0]!.values).toEqual(tab.values);
    const seen = requestsFor(await emulatorStats(account.clientEmail), id);
    expect(seen.map((r) => r.status)).toEqual([429, 200]);
    // Backoff alone would wait under 10 ms; the one wait before the retry honours the header.
    expect(clock.waits).toHaveLength(1);
    expect(clock.waits[0]).toBeGreaterThanOrEqual(1_000);
  });

  it("gives up at once when Retry-After asks for more than the time budget", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("retry-after-long"),
      sheets: [tab],
      emulator: { failFirst: 1, failStatus: 429 },
    });
    const clock = recordingClock();
    const client = emulatorClient(account.keyJson, {
      fetch: withRetryAfter("120"),
      retry: { maxAttempts: 5, totalBudgetMs: 5_000, baseDelayMs: 5, maxDelayMs: 10 },
      now: clock.now,
      sleep: clock.sleep,
    });
    const error = await failure(client.batchGetValues(id, [a1Range(tab.title)]));
    expect(clock.waits).toEqual([]);
    expect(error).toMatchObject({ kind: "rate-limited", httpStatus: 429, retryAfterMs: 120_000 });
    expect(requestsFor(await emulatorStats(account.clientEmail), id)).toHaveLength(1);
  });

  it("does not count time spent waiting for quota against the retry budget", async () => {
    const first = await seedSpreadsheet({ spreadsheetId: uniqueId("paced"), sheets: [tab] });
    const flaky = await seedSpreadsheet({
      spreadsheetId: uniqueId("paced-flaky"),
      sheets: [tab],
      emulator: { failFirst: 1, failStatus: 503 },
    });
    // One read per 800 ms: the second call waits ~800 ms for quota, longer than the 400 ms
    // budget, and must still be retried once its own request has failed.
    const client = emulatorClient(account.keyJson, {
      quota: { reads: { limit: 1, windowMs: 800 } },
      retry: { maxAttempts: 3, totalBudgetMs: 400, baseDelayMs: 5, maxDelayMs: 10 },
    });
    const [, result] = await Promise.all([
      client.batchGetValues(first, [a1Range(tab.title)]),
      client.batchGetValues(flaky, [a1Range(tab.title)]),
    ]);
    expect(result.valueRanges[0]!.values).toEqual(tab.values);
    const statuses = requestsFor(await emulatorStats(account.clientEmail), flaky).map(
      (r) => r.status,
    );
    expect(statuses).toEqual([503, 200]);
  });
});

describe("Google's error body", () => {
  it("needs only error.code, error.status and error.message (real Sheets may omit errors[])", async () => {
    const id = await seedSpreadsheet({
      spreadsheetId: uniqueId("deny-bare"),
      sheets: [tab],
      emulator: { deny: true },
    });
    const bare: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.ok) return response;
      const body = (await response.json()) as { error: Record<string, unknown> };
      const { code, status, message } = body.error;
      return new Response(JSON.stringify({ error: { code, status, message } }), {
        status: response.status,
        headers: { "content-type": "application/json; charset=UTF-8" },
      });
    };
    const full = await failure(
      emulatorClient(account.keyJson).batchGetValues(id, [a1Range(tab.title)]),
    );
    const error = await failure(
      emulatorClient(account.keyJson, { fetch: bare }).batchGetValues(id, [a1Range(tab.title)]),
    );
    const fields = (e: SheetsApiError) => ({
      kind: e.kind,
      httpStatus: e.httpStatus,
      code: e.code,
      status: e.status,
      message: e.message,
    });
    expect(fields(error)).toEqual(fields(full));
    expect(fields(error)).toMatchObject({ status: "PERMISSION_DENIED", code: 403 });
  });
});
