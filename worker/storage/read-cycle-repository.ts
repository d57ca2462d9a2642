/** The open read cycle of a province (migration 0005): the runs that read it until every
 * unit is in and the report is written. */
export interface ReadCycle {
  /** The id of the run that opened it; its pending reads are keyed by it. */
  readonly id: number;
  readonly startedAt: string;
  /** Runs that have worked in it, this one included (1 for a new cycle). */
  readonly invocations: number;
  /** The start of the cycle last published: its snapshots reflect the units' spreadsheets
   * as of then or later (null: nothing published yet). */
  readonly publishedStartedAt: string | null;
}

interface CycleRow {
  open_run_id: number | null;
  open_started_at: string | null;
  invocations: number;
  published_started_at: string | null;
}

/**
 * Enters the province's open cycle as one more run, or opens a new one for `run` when none
 * is open or the open one began `maxAgeMs` or longer before `now` (its reads are then too
 * old to publish as current: they are dropped).
 */
export async function enterCycle(
  db: D1Database,
  provinceId: string,
  run: { readonly id: number; readonly startedAt: string },
  now: number,
  maxAgeMs: number,
): Promise<ReadCycle> {
  const row = await db
    .prepare(
      `SELECT open_run_id, open_started_at, invocations, published_started_at
       FROM read_cycles WHERE province_id = ?1`,
    )
    .bind(provinceId)
    .first<CycleRow>();
  const publishedStartedAt = row?.published_started_at ?? null;
  if (
    row?.open_run_id != null &&
    row.open_started_at !== null &&
    now - Date.parse(row.open_started_at) < maxAgeMs
  ) {
    await db
      .prepare("UPDATE read_cycles SET invocations = invocations + 1 WHERE province_id = ?1")
      .bind(provinceId)
      .run();
    return {
      id: row.open_run_id,
      startedAt: row.open_started_at,
      invocations: row.invocations + 1,
      publishedStartedAt,
    };
  }
  await db.batch([
    ...discardPendingStatements(db, provinceId),
    db
      .prepare(
        `INSERT INTO read_cycles (province_id, open_run_id, open_started_at, invocations)
         VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (province_id) DO UPDATE SET open_run_id = ?2, open_started_at = ?3,
           invocations = 1`,
      )
      .bind(provinceId, run.id, run.startedAt),
  ]);
  return { id: run.id, startedAt: run.startedAt, invocations: 1, publishedStartedAt };
}

/** Closes `cycle` as published (part of the publication's transaction). */
export function closeCycleStatement(
  db: D1Database,
  provinceId: string,
  cycle: ReadCycle,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE read_cycles SET open_run_id = NULL, open_started_at = NULL, invocations = 0,
         published_started_at = ?2 WHERE province_id = ?1`,
    )
    .bind(provinceId, cycle.startedAt);
}

/** Drops every pending read of the province (a cycle published or abandoned). */
export function discardPendingStatements(
  db: D1Database,
  provinceId: string,
): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM pending_snapshot_parts WHERE province_id = ?1").bind(provinceId),
    db.prepare("DELETE FROM pending_units WHERE province_id = ?1").bind(provinceId),
  ];
}

/**
 * The instant the published snapshots reflect the units' spreadsheets from: the start of
 * the last published cycle (migration 0005 seeds it with the last succeeded run's start).
 * Drive is asked what changed since then. Null: nothing published yet.
 */
export async function readsSince(db: D1Database, provinceId: string): Promise<string | null> {
  const row = await db
    .prepare("SELECT published_started_at FROM read_cycles WHERE province_id = ?1")
    .bind(provinceId)
    .first<{ published_started_at: string | null }>();
  return row?.published_started_at ?? null;
}
