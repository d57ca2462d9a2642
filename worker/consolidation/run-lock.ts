import type { Clock } from "../sheets/clock.ts";
import { type LockHolder, tryAcquireLock } from "../storage/lock-repository.ts";

const POLL_MS = 1_000;

/**
 * Takes the province's lease, waiting up to `waitMs` for a run that holds it (polling
 * D1 once a second). Resolves with the holder that kept it when the wait ran out.
 */
export async function acquireRunLock(
  db: D1Database,
  clock: Clock,
  lock: {
    readonly name: string;
    readonly holder: string;
    readonly leaseMs: number;
    readonly waitMs: number;
  },
): Promise<{ readonly acquired: true } | ({ readonly acquired: false } & LockHolder)> {
  const deadline = clock.now() + lock.waitMs;
  for (;;) {
    const attempt = await tryAcquireLock(db, lock.name, lock.holder, clock.now(), lock.leaseMs);
    if (attempt.acquired || clock.now() + POLL_MS > deadline) return attempt;
    await clock.sleep(POLL_MS);
  }
}
