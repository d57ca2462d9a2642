/**
 * Keeps requests under Google's per-minute quota (60 reads and 60 writes per minute per
 * service account) so a 200-unit province is paced instead of hitting 429s and backing off.
 *
 * A sliding-window log: a request is counted from when it is granted until `windowMs`
 * after it COMPLETED. Counting in-flight requests as inside the window and expiring them
 * from their completion time (which is after Google received them) means every interval
 * of `windowMs` at Google holds at most `limit` arrivals, whatever the network latency;
 * that also satisfies fixed-minute buckets, since each bucket is such an interval.
 */
import { type Clock, sleepUnlessAborted } from "../time/clock.ts";

export interface QuotaWindow {
  /** Requests allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface PacerTicket {
  /** The request was sent (whatever its outcome): it counts until windowMs from now. */
  done(): void;
  /** The request was never sent (e.g. no access token): free the slot at once. */
  cancel(): void;
}

export interface QuotaPacer {
  /** Waits (FIFO) until one more request fits in the window. */
  acquire(signal?: AbortSignal): Promise<PacerTicket>;
  /** Grants nothing before `time` (Google answered 429: our count and its count differ). */
  holdUntil(time: number): void;
  readonly quota: QuotaWindow;
}

export function createQuotaPacer(quota: QuotaWindow, clock: Clock): QuotaPacer {
  if (!Number.isInteger(quota.limit) || quota.limit < 1) {
    throw new RangeError(`quota limit must be a positive integer, got ${quota.limit}`);
  }
  if (!(quota.windowMs > 0)) {
    throw new RangeError(`quota window must be positive, got ${quota.windowMs}`);
  }
  const completedAt: number[] = [];
  let pending = 0;
  let heldUntil = Number.NEGATIVE_INFINITY;
  // Serialises waiters: only the head of the queue looks for a slot, so no one overtakes.
  let queue: Promise<void> = Promise.resolve();
  // Wakes the head waiter when an in-flight request finishes (only needed when every slot
  // is in flight, i.e. the quota is smaller than the concurrency).
  let wake: () => void = () => {};

  const prune = (now: number) => {
    // Entries are appended in completion order; +1 ms keeps us clear of a server that
    // counts the window's boundary as inside it.
    while (completedAt.length > 0 && completedAt[0]! + quota.windowMs < now) completedAt.shift();
  };

  const finish = (sent: boolean) => {
    pending--;
    if (sent) completedAt.push(clock.now());
    wake();
  };

  const waitForSlot = async (signal: AbortSignal | undefined): Promise<void> => {
    // Each pass that does not grant waits for an event that frees capacity: an entry
    // expiring (at most `limit` of them), an in-flight request finishing (at most `limit`),
    // or a hold ending. So a pass count of a few times `limit` is never reached unless the
    // clock stops; the bound turns that fault into an error instead of a spin.
    const maxPasses = quota.limit * 8 + 64;
    for (let pass = 0; pass < maxPasses; pass++) {
      signal?.throwIfAborted();
      const now = clock.now();
      if (now < heldUntil) {
        await sleepUnlessAborted(clock, heldUntil - now, signal);
        continue;
      }
      prune(now);
      if (completedAt.length + pending < quota.limit) {
        pending++;
        return;
      }
      if (completedAt.length > 0) {
        await sleepUnlessAborted(clock, completedAt[0]! + quota.windowMs + 1 - now, signal);
        continue;
      }
      await waitForWake(signal);
    }
    throw new Error("quota pacer made no progress: is the clock advancing?");
  };

  const waitForWake = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      wake = () => {
        wake = () => {};
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
    });

  return {
    quota,
    acquire(signal) {
      const turn = queue.then(() => waitForSlot(signal));
      // A caller that gave up (abort) must not block the ones behind it.
      queue = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn.then(() => {
        let settled = false;
        return {
          done: () => {
            if (!settled) finish(true);
            settled = true;
          },
          cancel: () => {
            if (!settled) finish(false);
            settled = true;
          },
        };
      });
    },
    holdUntil(time) {
      heldUntil = Math.max(heldUntil, time);
    },
  };
}
