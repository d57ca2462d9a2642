// Per-account request quota, reads and writes counted separately, "N per window" over a
// sliding window (Google's per-minute-per-user limits refill continuously).

export interface QuotaLimits {
  reads: number;
  writes: number;
  windowMs: number;
}

export const DEFAULT_QUOTA: QuotaLimits = { reads: 60, writes: 60, windowMs: 60_000 };

export class QuotaTracker {
  private readonly used = new Map<string, number[]>();

  /** Records a request if the window has room; returns false (nothing recorded) if not. */
  tryConsume(account: string, kind: "read" | "write", limits: QuotaLimits, now: number): boolean {
    const key = `${kind}\u0000${account}`;
    const stamps = (this.used.get(key) ?? []).filter((t) => t > now - limits.windowMs);
    const limit = kind === "read" ? limits.reads : limits.writes;
    const ok = stamps.length < limit;
    if (ok) stamps.push(now);
    this.used.set(key, stamps);
    return ok;
  }

  reset(account?: string): void {
    if (account === undefined) {
      this.used.clear();
      return;
    }
    for (const key of [...this.used.keys()])
      if (key.endsWith(`\u0000${account}`)) this.used.delete(key);
  }
}
