import { beforeAll, describe, expect, it } from "vitest";
import { createServiceAccountTokenProvider } from "../../worker/auth/token-provider.ts";
import { createSheetsClient, explainSheetsError } from "../../worker/sheets/client.ts";
import {
  emulatorClient,
  emulatorStats,
  emulatorUrl,
  failure,
  registerServiceAccount,
  requestsFor,
  seedSpreadsheet,
  type TestServiceAccount,
  tokenUrl,
  uniqueId,
} from "./sheets-emulator-control.ts";

const tab = { title: "Khen thưởng", values: [["Số quyết định"], ["12/QĐ-UBND"]] };

let account: TestServiceAccount;
beforeAll(async () => {
  account = await registerServiceAccount();
});

describe("errors without an answer from Google", () => {
  it("network: nothing listening, retried, then reported as a network error", async () => {
    const client = createSheetsClient({
      baseUrl: "http://127.0.0.1:9",
      tokenProvider: createServiceAccountTokenProvider({ keyJson: account.keyJson, tokenUrl }),
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10, totalBudgetMs: 5_000 },
    });
    const error = await failure(client.getSpreadsheet("any"));
    expect(error).toMatchObject({ kind: "network", httpStatus: null, attempts: 2 });
    expect(explainSheetsError(error, account.clientEmail)).toMatch(
      /^Không kết nối được tới Google Sheets/,
    );
  });

  it("timeout: a request that outlives its deadline is aborted and reported", async () => {
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("slow"), sheets: [tab] });
    // The real emulator behind a slow link: the answer comes after the deadline.
    const slowFetch: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      init?.signal?.throwIfAborted();
      return fetch(input, init);
    };
    const client = emulatorClient(account.keyJson, {
      fetch: slowFetch,
      requestTimeoutMs: 100,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10, totalBudgetMs: 5_000 },
    });
    const error = await failure(client.getSpreadsheet(id));
    expect(error).toMatchObject({ kind: "timeout", httpStatus: null, attempts: 2 });
  });

  it("a malformed key is an auth error in Vietnamese and English that never shows the key", async () => {
    const key = JSON.parse(account.keyJson) as Record<string, string>;
    const secret = "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LW11c3Qtbm90LWxlYWs";
    const broken = JSON.stringify({
      ...key,
      private_key: `-----BEGIN PRIVATE KEY-----\n${secret}\n-----END PRIVATE KEY-----\n`,
    });
    const client = createSheetsClient({
      baseUrl: emulatorUrl,
      tokenProvider: createServiceAccountTokenProvider({ keyJson: broken, tokenUrl }),
    });
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("bad-key"), sheets: [tab] });
    const error = await failure(client.getSpreadsheet(id));
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("GOOGLE_SERVICE_ACCOUNT_JSON");
    const text = explainSheetsError(error, client.serviceAccountEmail);
    expect(text).toContain(`Không xác thực được tài khoản dịch vụ ${account.clientEmail}`);
    expect(text).toContain("GOOGLE_SERVICE_ACCOUNT_JSON");
    // Nothing the run log could print, down the cause chain, repeats the key.
    const shown = [text];
    for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
      shown.push(e.message, String(e));
      e = e.cause;
    }
    for (const line of shown) expect(line).not.toContain(secret.slice(0, 12));
    expect(requestsFor(await emulatorStats(), id)).toHaveLength(0);
  });

  it("a missing key is an auth error naming the setting, and nothing is sent", async () => {
    const client = createSheetsClient({
      baseUrl: "http://127.0.0.1:9",
      tokenProvider: createServiceAccountTokenProvider({ keyJson: undefined, tokenUrl }),
    });
    expect(client.serviceAccountEmail).toBeNull();
    const error = await failure(client.getSpreadsheet("any"));
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("GOOGLE_SERVICE_ACCOUNT_JSON is not set");
    expect(error.attempts).toBe(1);
  });

  it("the caller can cancel", async () => {
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("cancel"), sheets: [tab] });
    const client = emulatorClient(account.keyJson);
    const controller = new AbortController();
    controller.abort(new Error("run stopped"));
    const error = await failure(
      client.getSpreadsheet(id, undefined, { signal: controller.signal }),
    );
    expect(error.kind).toBe("aborted");
  });
});
