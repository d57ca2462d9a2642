/**
 * When to try a failed request again and how long to wait. Google asks clients to retry
 * 429 and 5xx with truncated exponential backoff; "full jitter" (a uniform wait between 0
 * and the exponential cap) spreads the retries of many parallel unit reads apart instead
 * of sending them back in lockstep.
 */

export interface RetryPolicy {
  /** Attempts in total, the first included (a 401 token refresh adds one more). */
  readonly maxAttempts: number;
  /** No retry starts after this much time since the first request was sent (time spent
   * waiting for quota before that is pacing, not failure). */
  readonly totalBudgetMs: number;
  /** Cap of the first retry's wait; doubles per retry. */
  readonly baseDelayMs: number;
  /** Upper bound of any computed wait (Google suggests 32-64 s). */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  // Longer than one quota window, so a 429 that says "wait for the next minute" can be waited out.
  totalBudgetMs: 90_000,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
};

/**
 * The wait before retry number `retryIndex` (0 for the first retry): uniform in
 * [0, min(maxDelay, base * 2^retryIndex)], but never less than what Retry-After asked.
 */
export function backoffDelayMs(
  retryIndex: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  random: () => number,
  retryAfterMs: number | null,
): number {
  // 2^30 already exceeds any sane cap; clamping the exponent keeps the number finite.
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retryIndex, 30));
  const jittered = Math.floor(random() * cap);
  return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered);
}

/** Retry-After is either delay-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/**
 * Whether to wait `delayMs` and try again, given how many attempts were made and when the
 * first one started. Stopping early when the wait would overrun the budget returns the
 * real error now rather than after a pointless sleep.
 */
export function shouldRetry(
  policy: Pick<RetryPolicy, "maxAttempts" | "totalBudgetMs">,
  attemptsSoFar: number,
  elapsedMs: number,
  delayMs: number,
): boolean {
  return attemptsSoFar < policy.maxAttempts && elapsedMs + delayMs <= policy.totalBudgetMs;
}
