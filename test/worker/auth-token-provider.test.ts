import { describe, expect, it } from "vitest";
import { TokenError } from "../../worker/auth/token-error.ts";
import { createServiceAccountTokenProvider } from "../../worker/auth/token-provider.ts";
import { a1Range, isSheetsApiError } from "../../worker/sheets/client.ts";
import {
  emulatorClient,
  emulatorStats,
  registerServiceAccount,
  requestsFor,
  seedSpreadsheet,
  tokenUrl,
  uniqueId,
} from "./sheets-emulator-control.ts";

const tab = { title: "Khen thưởng", values: [["Số quyết định"], ["1/QĐ-UBND"]] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("service-account access tokens", () => {
  it("reuses one token across calls, and concurrent callers share one token request", async () => {
    const account = await registerServiceAccount();
    const provider = createServiceAccountTokenProvider({ keyJson: account.keyJson, tokenUrl });
    expect(provider.clientEmail).toBe(account.clientEmail);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(await provider.getAccessToken()).toBe(tokens[0]);

    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("reuse"), sheets: [tab] });
    const client = emulatorClient(account.keyJson);
    await Promise.all(
      Array.from({ length: 8 }, () => client.batchGetValues(id, [a1Range(tab.title)])),
    );
    await client.getSpreadsheet(id);
    const stats = await emulatorStats(account.clientEmail);
    expect(stats.tokens).toBe(2); // one for the provider above, one for the client
    expect(stats.byStatus["401"] ?? 0).toBe(0);
  });

  it("refreshes the token before it expires, so Google never sees an expired one", async () => {
    const account = await registerServiceAccount({ tokenLifetimeSeconds: 2 });
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("expiry"), sheets: [tab] });
    const client = emulatorClient(account.keyJson);
    await client.getSpreadsheet(id);
    await client.getSpreadsheet(id);
    expect((await emulatorStats(account.clientEmail)).tokens).toBe(1);
    await sleep(2_100);
    const result = await client.batchGetValues(id, [a1Range(tab.title)]);
    expect(result.valueRanges[0]!.values).toEqual(tab.values);
    const stats = await emulatorStats(account.clientEmail);
    expect(stats.tokens).toBe(2);
    expect(stats.byStatus["401"] ?? 0).toBe(0);
  });

  it("after a 401 fetches a new token once and succeeds", async () => {
    const account = await registerServiceAccount({ tokenLifetimeSeconds: 1 });
    const id = await seedSpreadsheet({ spreadsheetId: uniqueId("revoked"), sheets: [tab] });
    // Our clock stands still, so the provider believes its token is fresh when Google
    // (the emulator) has already expired it: the 401 path is the only way out.
    const frozen = Date.now();
    const client = emulatorClient(account.keyJson, {
      tokenProvider: createServiceAccountTokenProvider({
        keyJson: account.keyJson,
        tokenUrl,
        now: () => frozen,
      }),
    });
    await client.getSpreadsheet(id);
    await sleep(1_200);
    const result = await client.batchGetValues(id, [a1Range(tab.title)]);
    expect(result.valueRanges[0]!.values).toEqual(tab.values);
    // Google cannot tell whose token an expired one was: the 401 is not on the account.
    const calls = requestsFor(await emulatorStats(), id).map((r) => r.status);
    expect(calls).toEqual([200, 401, 200]);
    expect((await emulatorStats(account.clientEmail)).tokens).toBe(2);
  });

  it("a key the token endpoint does not trust is an auth error, not retried", async () => {
    const trusted = await registerServiceAccount();
    const untrusted = JSON.parse(trusted.keyJson) as Record<string, string>;
    const other = JSON.parse((await registerServiceAccount()).keyJson) as Record<string, string>;
    untrusted.private_key = other.private_key!; // signed with the wrong key
    const provider = createServiceAccountTokenProvider({
      keyJson: JSON.stringify(untrusted),
      tokenUrl,
    });
    const error = await provider.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).kind).toBe("rejected");
    expect((error as TokenError).httpStatus).toBe(400);

    const client = emulatorClient(JSON.stringify(untrusted));
    const sheetsError = await client.getSpreadsheet("x").catch((e: unknown) => e);
    expect(isSheetsApiError(sheetsError) && sheetsError.kind).toBe("auth");
    expect(isSheetsApiError(sheetsError) && sheetsError.attempts).toBe(1);
    expect((await emulatorStats(trusted.clientEmail)).tokens).toBe(0);
  });

  it("an unreachable token endpoint is a network error", async () => {
    const account = await registerServiceAccount();
    const provider = createServiceAccountTokenProvider({
      keyJson: account.keyJson,
      tokenUrl: "http://127.0.0.1:9/token",
    });
    const error = await provider.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).kind).toBe("network");
  });
});
