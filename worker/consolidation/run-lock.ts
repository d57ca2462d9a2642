import { type LockHolder, tryAcquireLock } from "../storage/lock-repository.ts";
import type { Clock } from "../time/clock.ts";

const POLL_MS = 1_000;

export type RunLock =
  | {
      readonly acquired: true;
      /** The run this one waited for (null: the lock was free), so the run can say so. */
      readonly waitedFor: LockHolder | null;
      readonly waitedMs: number;
    }
  | ({ readonly acquired: false } & LockHolder);

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
): Promise<RunLock> {
  const startedAt = clock.now();
  const deadline = startedAt + lock.waitMs;
  let waitedFor: LockHolder | null = null;
  for (;;) {
    const attempt = await tryAcquireLock(db, lock.name, lock.holder, clock.now(), lock.leaseMs);
    if (attempt.acquired) return { acquired: true, waitedFor, waitedMs: clock.now() - startedAt };
    waitedFor = attempt;
    if (clock.now() + POLL_MS > deadline) return attempt;
    await clock.sleep(POLL_MS);
  }
}
