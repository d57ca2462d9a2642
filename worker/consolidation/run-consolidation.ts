import type { DriveClient } from "../drive/drive-client.ts";
import type { SheetsClient } from "../sheets/client.ts";
import { releaseLock } from "../storage/lock-repository.ts";
import { loadProvinceInputs, saveProvinceInputs } from "../storage/province-input-repository.ts";
import {
  closeAbandonedRuns,
  finishRun,
  getRun,
  type RunOutcome,
  startRun,
} from "../storage/run-repository.ts";
import { loadKnownUnits, loadSnapshots } from "../storage/unit-repository.ts";
import type { Clock } from "../time/clock.ts";
import { aggregateReport } from "./aggregate-report.ts";
import { logDriveFallback, planUnchangedUnits, storedSnapshotLoader } from "./changed-units.ts";
import { type RunRecord, type RunTrigger, type UnitOutcome, zeroCounts } from "./model.ts";
import {
  completeProvince,
  nothingToWrite,
  QUIET_MESSAGE,
  readProvinceCheaply,
  writtenInputs,
} from "./province-inputs.ts";
import { readProvince } from "./read-province.ts";
import { readUnits } from "./read-units.ts";
import { reportPeriod } from "./report-period.ts";
import { countRun } from "./run-counts.ts";
import { keepLease, type RunLease } from "./run-lease.ts";
import { acquireRunLock } from "./run-lock.ts";
import { logRunFailed } from "./run-log.ts";
import {
  ABANDONED_RUN,
  deadlineReason,
  failedMessage,
  joinNotes,
  registryMessage,
  skippedMessage,
  waitedMessage,
} from "./run-messages.ts";
import { saveUnits } from "./save-units.ts";
import { judgeRunSubmissions } from "./submission-step.ts";
import { writeReport } from "./write-report.ts";
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
  /** Units not read this long after the start are left `stale` (default 12 min: time
   * remains to write before the platform's 15-minute limit). */
  readonly deadlineMs?: number;
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
    await finishRun(db, runId, emptyOutcome("skipped", iso(clock), skippedMessage(lock)));
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
      outcome = emptyOutcome(
        "failed",
        iso(clock),
        failedMessage(error, client.serviceAccountEmail),
      );
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

/** The pipeline: registry → read and parse → aggregate → write → save. */
async function consolidate(
  { client, db, clock, onUnit, drive }: ConsolidationDeps,
  options: ConsolidationOptions,
  run: { readonly runId: number; readonly startedAt: string; readonly note: string | null },
  lease: RunLease,
): Promise<RunOutcome> {
  const { provinceId } = options;
  // With Drive, the province's own tabs are read in one batchGet when their titles are
  // known (province-inputs.ts); its tab list is fetched only if the run writes.
  const stored = drive ? await loadProvinceInputs(db, provinceId) : null;
  const cheap = await readProvinceCheaply(client, provinceId, stored);
  let province = cheap ?? (await readProvince(client, provinceId));
  if (province.registry.unusable) {
    const message = registryMessage(province.registry.unusable);
    return emptyOutcome("failed", iso(clock), message);
  }
  const period = reportPeriod(province.settings, clock.now());
  const units = province.registry.units;
  const known = await loadKnownUnits(db, provinceId);

  const deadlineMs = options.deadlineMs ?? 720_000;
  const deadline = Date.parse(run.startedAt) + deadlineMs - clock.now();
  const plan = drive
    ? await planUnchangedUnits(drive, db, { provinceId, units, known, now: clock.now() })
    : null;
  if (plan?.fullReadReason) logDriveFallback(plan.fullReadReason);
  const outcomes = await readUnits(client, units, known, {
    concurrency: options.unitConcurrency ?? 6,
    now: () => iso(clock),
    period,
    loadStored: storedSnapshotLoader(
      (codes) => loadSnapshots(db, provinceId, codes),
      plan?.unchanged,
    ),
    signal: AbortSignal.any([AbortSignal.timeout(Math.max(0, deadline)), lease.lost]),
    stoppedReason: deadlineReason(deadlineMs),
    onUnit: onUnit && ((outcome, index) => onUnit(outcome, index, units.length)),
    unchanged: plan?.unchanged,
  });

  const submissions = await judgeRunSubmissions(db, provinceId, {
    outcomes,
    known,
    period,
    due: province.settings.due,
  });
  // Nothing new to show: no write, so a quiet 5-minute run costs only a few Google calls.
  if (await nothingToWrite({ stored, province, period, now: clock.now(), outcomes, known })) {
    await lease.confirm();
    await saveUnits(db, provinceId, outcomes, known);
    const at = iso(clock);
    const { provinceIssues } = aggregateReport(
      { ...province, spreadsheetId: provinceId },
      outcomes,
      period,
      at,
    );
    const counts = countRun(outcomes, provinceIssues.length);
    const message = joinNotes(run.note, QUIET_MESSAGE);
    return {
      status: "succeeded",
      finishedAt: at,
      periodId: period.id,
      periodRule: period.rule,
      counts,
      message,
    };
  }
  if (cheap) province = await completeProvince(client, provinceId, province);
  const finishedAt = iso(clock);
  const report = {
    ...aggregateReport({ ...province, spreadsheetId: provinceId }, outcomes, period, finishedAt),
    submissions,
  };
  const counts = countRun(outcomes, report.provinceIssues.length);
  const summary = { finishedAt, periodId: period.id, periodRule: period.rule, counts };

  // The sheet first, D1 after: the API serves what the sheet shows, so a write Google
  // refuses leaves both as the last good run left them.
  await lease.confirm();
  const message = await writeReport(client, db, {
    province,
    provinceId,
    report,
    thisRun: {
      id: run.runId,
      provinceId,
      trigger: options.trigger,
      status: "succeeded",
      startedAt: run.startedAt,
      ...summary,
      message: run.note,
    },
    budgetBytes: options.outputBudgetBytes,
  });
  await saveUnits(db, provinceId, outcomes, known);
  if (drive) {
    const inputs = await writtenInputs(province, period, clock.now());
    if (inputs) await saveProvinceInputs(db, provinceId, inputs);
  }
  return { status: "succeeded", ...summary, message };
}

function emptyOutcome(
  status: "skipped" | "failed",
  finishedAt: string,
  message: string,
): RunOutcome {
  return { status, finishedAt, periodId: null, periodRule: null, counts: zeroCounts(), message };
}

async function mustGetRun(db: D1Database, id: number): Promise<RunRecord> {
  const run = await getRun(db, id);
  if (!run) throw new Error(`run ${id} vanished from D1`);
  return run;
}

function iso(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
