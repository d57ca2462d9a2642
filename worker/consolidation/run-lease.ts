import { renewLock } from "../storage/lock-repository.ts";
import { type Clock, sleepUnlessAborted } from "../time/clock.ts";

/** The run no longer holds the province's lease: it must not write anything. */
export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
}

export interface RunLease {
  /** Aborts when the lease is lost (the run then stops reading). */
  readonly lost: AbortSignal;
  /** Renews now; throws LeaseLostError when the lease is not ours any more. */
  confirm(): Promise<void>;
  /** Stops renewing (the run is over). */
  stop(): void;
}

/**
 * Keeps the run's lease alive while it works: renewed every third of the lease, so a
 * live run never loses it to a second run, while a crashed run's lease still expires.
 */
export function keepLease(
  db: D1Database,
  clock: Clock,
  lock: { readonly name: string; readonly holder: string; readonly leaseMs: number },
): RunLease {
  const lost = new AbortController();
  const stopped = new AbortController();
  const renew = () => renewLock(db, lock.name, lock.holder, clock.now(), lock.leaseMs);
  const interval = Math.max(1, Math.floor(lock.leaseMs / 3));
  void (async () => {
    // Bounded by the run: stop() ends the wait at once, a lost lease ends the loop.
    while (!stopped.signal.aborted) {
      try {
        await sleepUnlessAborted(clock, interval, stopped.signal);
      } catch {
        return;
      }
      if (!(await renew().catch(() => true))) {
        lost.abort(new LeaseLostError("lease lost"));
        return;
      }
    }
  })();
  return {
    lost: lost.signal,
    async confirm() {
      if (lost.signal.aborted || !(await renew())) {
        if (!lost.signal.aborted) lost.abort(new LeaseLostError("lease lost"));
        throw new LeaseLostError("lease lost");
      }
    },
    stop: () => stopped.abort(),
  };
}
