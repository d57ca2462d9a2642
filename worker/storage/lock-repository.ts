/**
 * A lease in D1 so two runs for one province never interleave their writes. A lease
 * expires on its own, so a run that crashed (or a Worker killed at its time limit)
 * blocks the next runs only until then.
 */

export interface LockHolder {
  readonly holder: string;
  readonly acquiredAt: string;
  readonly expiresAt: number;
}

export type LockAttempt = { readonly acquired: true } | ({ readonly acquired: false } & LockHolder);

export async function tryAcquireLock(
  db: D1Database,
  name: string,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<LockAttempt> {
  // One statement: insert, or take over a lease that has expired. D1 runs it atomically,
  // so two runs racing here cannot both get a row back.
  const taken = await db
    .prepare(
      `INSERT INTO locks (name, holder, acquired_at, expires_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,
         acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
       WHERE locks.expires_at <= ?5
       RETURNING holder`,
    )
    .bind(name, holder, new Date(now).toISOString(), now + leaseMs, now)
    .first<{ holder: string }>();
  if (taken?.holder === holder) return { acquired: true };
  const current = await db
    .prepare("SELECT holder, acquired_at, expires_at FROM locks WHERE name = ?1")
    .bind(name)
    .first<{ holder: string; acquired_at: string; expires_at: number }>();
  return {
    acquired: false,
    holder: current?.holder ?? "?",
    acquiredAt: current?.acquired_at ?? new Date(now).toISOString(),
    expiresAt: current?.expires_at ?? now,
  };
}

export async function releaseLock(db: D1Database, name: string, holder: string): Promise<void> {
  // Only our own lease: if it expired and another run took over, that one keeps it.
  await db.prepare("DELETE FROM locks WHERE name = ?1 AND holder = ?2").bind(name, holder).run();
}

/** Extends our own lease; false when it is not ours any more (expired and taken over). */
export async function renewLock(
  db: D1Database,
  name: string,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE locks SET expires_at = ?3 WHERE name = ?1 AND holder = ?2 AND expires_at > ?4
       RETURNING holder`,
    )
    .bind(name, holder, now + leaseMs, now)
    .first<{ holder: string }>();
  return row?.holder === holder;
}
