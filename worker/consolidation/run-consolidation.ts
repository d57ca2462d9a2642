import type { DriveClient } from "../drive/drive-client.ts";
import type { SheetsClient } from "../sheets/client.ts";
import { releaseLock } from "../storage/lock-repository.ts";
import {
  closeAbandonedRuns,
  finishRun,
  getRun,
  type RunOutcome,
  startRun,
} from "../storage/run-repository.ts";
import type { Clock } from "../time/clock.ts";
import type { RunRecord, RunTrigger, UnitOutcome } from "./model.ts";
import { consolidate } from "./pipeline.ts";
import { endedOutcome } from "./run-endings.ts";
import { keepLease } from "./run-lease.ts";
import { acquireRunLock } from "./run-lock.ts";
import { logRunFailed } from "./run-log.ts";
import { ABANDONED_RUN, failedMessage, skippedMessage, waitedMessage } from "./run-messages.ts";
import { writeRunLog } from "./write-run-log.ts";

export interface ConsolidationDeps {
  readonly client: SheetsClient;
  readonly db: D1Database;
  readonly clock: Clock;
  /** Called once per unit as its status is decided (the Worker logs it; npm start prints it). */
  readonly onUnit?: (outcome: UnitOutcome, index: number, count: number) => void;
  /** Asks Drive which unit spreadsheets changed, so unchanged ones are not read
   * (changed-units.ts); without it every unit is read. */
  readonly drive?: DriveClient;
}

export interface ConsolidationOptions {
  readonly provinceId: string;
  readonly trigger: RunTrigger;
  /** How long to wait for another run of the same province before skipping (default 20 s;
   * the API passes 0 and answers 409 at once rather than hold the caller). */
  readonly lockWaitMs?: number;
  /** Lease of the lock, renewed while the run works; a crashed run blocks others at most
   * this long (default 15 min, the longest a cron-triggered Worker may run). */
  readonly leaseMs?: number;
  /** The run stops reading this long after its start (default 12 min: time remains to
   * write before the platform's 15-minute limit); the next run reads the units not yet in. */
  readonly deadlineMs?: number;
  /** Runs a read cycle may take before its report is written with the units still unread
   * left `stale` (default MAX_CYCLE_RUNS). */
  readonly maxCycleRuns?: number;
  /** Units read at once (default 6, the client's connection limit). */
  readonly unitConcurrency?: number;
  /** Bytes the output write may take (default OUTPUT_BUDGET_BYTES, under Google's limit
   * for one request); tests pass a small one to see the shortened output. */
  readonly outputBudgetBytes?: number;
}

/**
 * One consolidation of a province, under the province's lease, recorded as a run in D1.
 * Never throws for a unit's or Google's failure: the returned run says what happened.
 */
export async function runConsolidation(
  deps: ConsolidationDeps,
  options: ConsolidationOptions,
): Promise<RunRecord> {
  const { db, clock, client } = deps;
  const startedAt = iso(clock);
  const runId = await startRun(db, options.provinceId, options.trigger, startedAt);
  const leaseMs = options.leaseMs ?? 900_000;
  const lockName = `consolidation:${options.provinceId}`;
  const holder = `run-${runId}`;
  const lock = await acquireRunLock(db, clock, {
    name: lockName,
    holder,
    leaseMs,
    waitMs: options.lockWaitMs ?? 20_000,
  });
  if (!lock.acquired) {
    await finishRun(db, runId, endedOutcome("skipped", clock, skippedMessage(lock)));
    return mustGetRun(db, runId);
  }
  const lease = keepLease(db, clock, { name: lockName, holder, leaseMs });
  try {
    // Only a run holding the lease can tell that an older "running" row is dead.
    const abandonedBefore = new Date(clock.now() - leaseMs).toISOString();
    await closeAbandonedRuns(db, options.provinceId, abandonedBefore, iso(clock), ABANDONED_RUN);
    // A run that had to wait says so, in D1, the API's answer and Nhật ký.
    const note = lock.waitedFor ? waitedMessage(lock.waitedFor, lock.waitedMs) : null;
    let outcome: RunOutcome;
    try {
      outcome = await consolidate(deps, options, { runId, startedAt, note }, lease);
    } catch (error) {
      outcome = endedOutcome("failed", clock, failedMessage(error, client.serviceAccountEmail));
    }
    await finishRun(db, runId, outcome);
    // A failed run leaves the report tabs as they were, and says why in Nhật ký, unless
    // another run holds the province now.
    if (outcome.status === "failed") {
      logRunFailed(runId, outcome.message ?? "");
      if (!lease.lost.aborted) await writeRunLog(client, db, options.provinceId);
    }
  } finally {
    lease.stop();
    await releaseLock(db, lockName, holder);
  }
  return mustGetRun(db, runId);
}

async function mustGetRun(db: D1Database, id: number): Promise<RunRecord> {
  const run = await getRun(db, id);
  if (!run) throw new Error(`run ${id} vanished from D1`);
  return run;
}

function iso(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
