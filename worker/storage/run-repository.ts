import type { PeriodRule } from "../../shared/periods.ts";
import type { RunCounts, RunRecord, RunStatus, RunTrigger } from "../consolidation/model.ts";

interface RunRow {
  id: number;
  province_id: string;
  trigger: RunTrigger;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  period_id: string | null;
  period_rule: PeriodRule | null;
  units_total: number;
  units_fresh: number;
  units_stale: number;
  units_unreadable: number;
  units_missing: number;
  rows_valid: number;
  rows_invalid: number;
  issues: number;
  message: string | null;
}

export async function startRun(
  db: D1Database,
  provinceId: string,
  trigger: RunTrigger,
  startedAt: string,
): Promise<number> {
  const row = await db
    .prepare(
      "INSERT INTO runs (province_id, trigger, status, started_at) VALUES (?1, ?2, 'running', ?3) RETURNING id",
    )
    .bind(provinceId, trigger, startedAt)
    .first<{ id: number }>();
  if (!row) throw new Error("D1 did not return the new run's id");
  return row.id;
}

export interface RunOutcome {
  readonly status: Exclude<RunStatus, "running">;
  readonly finishedAt: string;
  readonly periodId: string | null;
  readonly periodRule: PeriodRule | null;
  readonly counts: RunCounts;
  readonly message: string | null;
}

export async function finishRun(db: D1Database, id: number, outcome: RunOutcome): Promise<void> {
  const c = outcome.counts;
  await db
    .prepare(
      `UPDATE runs SET status = ?2, finished_at = ?3, period_id = ?4, period_rule = ?5,
         units_total = ?6, units_fresh = ?7, units_stale = ?8, units_unreadable = ?9,
         units_missing = ?10, rows_valid = ?11, rows_invalid = ?12, issues = ?13, message = ?14
       WHERE id = ?1`,
    )
    .bind(
      id,
      outcome.status,
      outcome.finishedAt,
      outcome.periodId,
      outcome.periodRule,
      c.unitsTotal,
      c.unitsFresh,
      c.unitsStale,
      c.unitsUnreadable,
      c.unitsMissing,
      c.rowsValid,
      c.rowsInvalid,
      c.issues,
      outcome.message,
    )
    .run();
}

export async function getRun(db: D1Database, id: number): Promise<RunRecord | null> {
  const row = await db.prepare("SELECT * FROM runs WHERE id = ?1").bind(id).first<RunRow>();
  return row ? toRecord(row) : null;
}

export async function latestRun(
  db: D1Database,
  provinceId: string,
  statuses?: readonly RunStatus[],
): Promise<RunRecord | null> {
  const filter = statuses?.length
    ? ` AND status IN (${statuses.map((s) => `'${s}'`).join(", ")})`
    : "";
  const row = await db
    .prepare(`SELECT * FROM runs WHERE province_id = ?1${filter} ORDER BY id DESC LIMIT 1`)
    .bind(provinceId)
    .first<RunRow>();
  return row ? toRecord(row) : null;
}

/** The most recent `limit` runs, oldest first (the order of `Nhật ký`). */
export async function recentRuns(
  db: D1Database,
  provinceId: string,
  limit: number,
): Promise<RunRecord[]> {
  const { results } = await db
    .prepare("SELECT * FROM runs WHERE province_id = ?1 ORDER BY id DESC LIMIT ?2")
    .bind(provinceId, limit)
    .all<RunRow>();
  return results.map(toRecord).reverse();
}

function toRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    provinceId: row.province_id,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    periodId: row.period_id,
    periodRule: row.period_rule,
    counts: {
      unitsTotal: row.units_total,
      unitsFresh: row.units_fresh,
      unitsStale: row.units_stale,
      unitsUnreadable: row.units_unreadable,
      unitsMissing: row.units_missing,
      rowsValid: row.rows_valid,
      rowsInvalid: row.rows_invalid,
      issues: row.issues,
    },
    message: row.message,
  };
}

/**
 * Closes the rows of runs that never finished (the Worker was stopped mid-run): a run
 * started before `startedBefore` cannot be alive, since no run outlives its lease.
 */
export async function closeAbandonedRuns(
  db: D1Database,
  provinceId: string,
  startedBefore: string,
  finishedAt: string,
  message: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE runs SET status = 'failed', finished_at = ?3, message = ?4
       WHERE province_id = ?1 AND status = 'running' AND started_at < ?2`,
    )
    .bind(provinceId, startedBefore, finishedAt, message)
    .run();
}
