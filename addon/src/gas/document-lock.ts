import type { AddonContext } from "./types.ts";

/** How long a writer waits for another person's write in the same spreadsheet to finish. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `write` under the spreadsheet's document lock, so two people clicking at once do
 * not both compute "last row + 1" or both insert the same tab. `busy` when the other
 * person's write did not finish in time.
 */
export function withDocumentLock<T>(
  ctx: AddonContext,
  write: () => T,
): { ok: true; value: T } | { ok: false; busy: true } {
  const lock = ctx.documentLock();
  if (lock && !lock.tryLock(LOCK_WAIT_MS)) return { ok: false, busy: true };
  try {
    return { ok: true, value: write() };
  } finally {
    lock?.releaseLock();
  }
}
