import { describe, expect, it } from "vitest";
import { a1Range } from "../../worker/sheets/client.ts";
import {
  emulatorClient,
  emulatorStats,
  registerServiceAccount,
  seedSpreadsheet,
  uniqueId,
} from "./sheets-emulator-control.ts";

// A minute scaled down to a second: the emulator enforces 20 per 1000 ms for this account
// and the client paces at the same figure, as it does with 60 per minute in production.
const QUOTA = { reads: 20, writes: 20, windowMs: 1000 };
const CLIENT_QUOTA = {
  reads: { limit: QUOTA.reads, windowMs: QUOTA.windowMs },
  writes: { limit: QUOTA.writes, windowMs: QUOTA.windowMs },
};

async function seedUnits(count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      seedSpreadsheet({
        spreadsheetId: uniqueId(`unit-${i}`),
        sheets: [
          {
            title: "Đối thoại",
            values: [
              ["Ngày đối thoại", "Số người dự"],
              [46120, i],
            ],
          },
        ],
      }),
    ),
  );
}

describe("pacing under the per-minute quota", () => {
  it("reads 70 spreadsheets at once without a single 429", async () => {
    const account = await registerServiceAccount({ quota: QUOTA });
    const ids = await seedUnits(70);
    // No retries allowed: any 429 would surface as a failed read.
    const client = emulatorClient(account.keyJson, {
      quota: CLIENT_QUOTA,
      retry: { maxAttempts: 1 },
    });
    const started = Date.now();
    const results = await Promise.all(
      ids.map((id) => client.batchGetValues(id, [a1Range("Đối thoại")])),
    );
    const elapsed = Date.now() - started;

    expect(results.map((r) => r.valueRanges[0]!.values[1]![1])).toEqual(ids.map((_, i) => i));
    const stats = await emulatorStats(account.clientEmail);
    expect(stats.status429).toBe(0);
    expect(stats.reads).toBe(70);
    // 70 reads at 20 a second cannot finish in under 3 windows.
    expect(elapsed).toBeGreaterThanOrEqual(3 * QUOTA.windowMs);
  });

  it("paces writes separately from reads", async () => {
    const account = await registerServiceAccount({ quota: QUOTA });
    const ids = await seedUnits(25);
    const client = emulatorClient(account.keyJson, {
      quota: CLIENT_QUOTA,
      retry: { maxAttempts: 1 },
    });
    await Promise.all(
      ids.flatMap((id) => [
        client.batchGetValues(id, [a1Range("Đối thoại")]),
        client.batchUpdate(id, [{ addSheet: { properties: { title: "Đã đọc" } } }]),
      ]),
    );
    const stats = await emulatorStats(account.clientEmail);
    expect(stats.status429).toBe(0);
    expect({ reads: stats.reads, writes: stats.writes }).toEqual({ reads: 25, writes: 25 });
  });

  it("keeps at most `concurrency` requests open at once (6 by default, the Workers cap)", async () => {
    const account = await registerServiceAccount();
    const ids = await seedUnits(24);
    for (const concurrency of [undefined, 2]) {
      let open = 0;
      let peak = 0;
      // The real emulator behind a 40 ms link; counts requests waiting for their answer.
      const slowLink: typeof fetch = async (input, init) => {
        open++;
        peak = Math.max(peak, open);
        try {
          await new Promise((resolve) => setTimeout(resolve, 40));
          return await fetch(input, init);
        } finally {
          open--;
        }
      };
      const client = emulatorClient(account.keyJson, {
        fetch: slowLink,
        ...(concurrency === undefined ? {} : { concurrency }),
      });
      const results = await Promise.all(
        ids.map((id) => client.batchGetValues(id, [a1Range("Đối thoại")])),
      );
      expect(results.map((r) => r.valueRanges[0]!.values[1]![1])).toEqual(ids.map((_, i) => i));
      expect(peak).toBe(concurrency ?? 6);
    }
  });

  it("(control) the same load without pacing does hit 429s", async () => {
    const account = await registerServiceAccount({ quota: QUOTA });
    const ids = await seedUnits(40);
    const client = emulatorClient(account.keyJson, { retry: { maxAttempts: 1 } });
    const outcomes = await Promise.allSettled(
      ids.map((id) => client.batchGetValues(id, [a1Range("Đối thoại")])),
    );
    const stats = await emulatorStats(account.clientEmail);
    expect(stats.status429).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status === "rejected").length).toBe(stats.status429);
  });
});
