import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  defaultRetryPolicy,
  parseRetryAfterMs,
  shouldRetry,
} from "../../worker/sheets/retry-policy.ts";

describe("backoff with full jitter", () => {
  it("stays within [0, min(cap, base * 2^n)] and honours Retry-After as a floor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: null }),
        (retry, r, retryAfter) => {
          const d = backoffDelayMs(retry, defaultRetryPolicy, () => r, retryAfter);
          const cap = Math.min(
            defaultRetryPolicy.maxDelayMs,
            defaultRetryPolicy.baseDelayMs * 2 ** retry,
          );
          expect(Number.isFinite(d)).toBe(true);
          if (retryAfter === null) {
            expect(d).toBeGreaterThanOrEqual(0);
            expect(d).toBeLessThan(cap);
          } else {
            expect(d).toBeGreaterThanOrEqual(retryAfter);
            expect(d).toBeLessThanOrEqual(Math.max(retryAfter, cap));
          }
        },
      ),
    );
  });

  it("spreads waits over the whole interval (full jitter, not equal jitter)", () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 32_000 };
    expect(backoffDelayMs(3, policy, () => 0, null)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.999, null)).toBe(7992);
    expect(backoffDelayMs(10, policy, () => 0.5, null)).toBe(16_000);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-11-23T08:00:00Z");
  it("reads seconds and HTTP dates, ignores junk", () => {
    expect(parseRetryAfterMs("7", now)).toBe(7000);
    expect(parseRetryAfterMs(" 0 ", now)).toBe(0);
    expect(parseRetryAfterMs("Mon, 23 Nov 2026 08:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfterMs("Mon, 23 Nov 2026 07:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("soon", now)).toBeNull();
    expect(parseRetryAfterMs(null, now)).toBeNull();
  });
});

describe("shouldRetry", () => {
  const policy = { maxAttempts: 3, totalBudgetMs: 10_000 };
  it("stops at max attempts and when the wait would overrun the budget", () => {
    expect(shouldRetry(policy, 1, 0, 100)).toBe(true);
    expect(shouldRetry(policy, 2, 0, 100)).toBe(true);
    expect(shouldRetry(policy, 3, 0, 100)).toBe(false);
    expect(shouldRetry(policy, 1, 9_950, 100)).toBe(false);
    expect(shouldRetry(policy, 1, 9_900, 100)).toBe(true);
  });
});
