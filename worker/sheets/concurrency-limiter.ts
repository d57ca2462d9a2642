/**
 * Caps simultaneous requests. A Worker invocation may have only 6 outgoing connections
 * waiting for response headers; past that Cloudflare queues them invisibly, and requests
 * queued there still hold a pacer slot and a timeout. Queuing here instead keeps the
 * per-request timeout honest and the order fair (FIFO).
 */
export interface ConcurrencyLimiter {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now (for tests and benchmarks). */
  readonly active: number;
}

export function createConcurrencyLimiter(maxConcurrent: number): ConcurrencyLimiter {
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${maxConcurrent}`);
  }
  let active = 0;
  // Each waiter is resolved exactly once, when a finishing task hands its slot over.
  const waiters: { grant: () => void; signal?: AbortSignal }[] = [];

  const release = () => {
    // Hand the slot to the first waiter whose caller has not given up; the loop is bounded
    // by the queue length, and each aborted waiter is removed as it is skipped.
    while (waiters.length > 0) {
      const next = waiters.shift()!;
      if (next.signal?.aborted) continue;
      next.grant();
      return;
    }
    active--;
  };

  const acquire = (signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    if (active < maxConcurrent) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        signal,
      };
      const onAbort = () => {
        const at = waiters.indexOf(waiter);
        if (at >= 0) waiters.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      waiters.push(waiter);
    });
  };

  return {
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
  };
}
