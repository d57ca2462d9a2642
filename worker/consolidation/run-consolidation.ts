import type { DriveClient } from "../drive/drive-client.ts";
import type { SheetsClient } from "../sheets/client.ts";
import { releaseLock } from "../storage/lock-repository.ts";
import { loadProvinceInputs, saveProvinceInputs } from "../storage/province-input-repository.ts";
import { enterCycle, readsSince } from "../storage/read-cycle-repository.ts";
import {
  closeAbandonedRuns,
  finishRun,
  getRun,
  type RunOutcome,
  startRun,
} from "../storage/run-repository.ts";
import { loadKnownUnits } from "../storage/unit-repository.ts";
import type { Clock } from "../time/clock.ts";
import { aggregateReport, provinceIssues } from "./aggregate-report.ts";
import { listDriveChanges, logDriveFallback, planFromListing } from "./changed-units.ts";
import { cycleMessage, forcedMessage, resumingMessage } from "./cycle-messages.ts";
import { type RunRecord, type RunTrigger, type UnitOutcome, zeroCounts } from "./model.ts";
import { nothingToWrite, provinceInputsAfter, QUIET_MESSAGE } from "./province-inputs.ts";
import { loadProvince, writeProvince } from "./province-source.ts";
import { CYCLE_MAX_AGE_MS, MAX_CYCLE_RUNS, readCycle } from "./read-cycle.ts";
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
import { publishUnits } from "./save-units.ts";
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

/** The pipeline: registry → read this run's share of the cycle (saved as pending as it
 * goes) → when every unit is in: aggregate → write → publish. */
async function consolidate(
  { client, db, clock, onUnit, drive }: ConsolidationDeps,
  options: ConsolidationOptions,
  run: { readonly runId: number; readonly startedAt: string; readonly note: string | null },
  lease: RunLease,
): Promise<RunOutcome> {
  const { provinceId } = options;
  // With Drive, one listing says which units changed and whether the province's own
  // spreadsheet did; the province is read only then (province-source.ts).
  const stored = drive ? await loadProvinceInputs(db, provinceId) : null;
  // The published snapshots reflect the units as of this instant or later.
  const since = await readsSince(db, provinceId);
  const listing = drive
    ? await listDriveChanges(drive, db, { provinceId, readsSince: since })
    : null;
  const source = await loadProvince(client, {
    provinceId,
    stored,
    listing,
    now: () => clock.now(),
  });
  const province = source.province;
  if (province.registry.unusable) {
    const message = registryMessage(province.registry.unusable);
    return emptyOutcome("failed", iso(clock), message);
  }
  const period = reportPeriod(province.settings, clock.now());
  const units = province.registry.units;
  const known = await loadKnownUnits(db, provinceId);
  const cycle = await enterCycle(
    db,
    provinceId,
    { id: run.runId, startedAt: run.startedAt },
    clock.now(),
    CYCLE_MAX_AGE_MS,
  );
  const maxRuns = options.maxCycleRuns ?? MAX_CYCLE_RUNS;

  const deadlineMs = options.deadlineMs ?? 720_000;
  const deadline = Date.parse(run.startedAt) + deadlineMs - clock.now();
  const plan = drive ? planFromListing(listing, { units, known, now: clock.now() }) : null;
  if (plan?.fullReadReason) logDriveFallback(plan.fullReadReason);
  const read = await readCycle(client, db, {
    provinceId,
    cycle,
    units,
    known,
    period,
    concurrency: options.unitConcurrency ?? 6,
    now: () => clock.now(),
    signal: AbortSignal.any([AbortSignal.timeout(Math.max(0, deadline)), lease.lost]),
    stoppedReason: deadlineReason(deadlineMs),
    unchanged: plan?.unchanged,
    forced: cycle.invocations >= maxRuns,
    onUnit,
  });
  if (!read.complete) {
    // Nothing written: the sheet and the API keep the last published cycle meanwhile.
    await lease.confirm();
    const counts = { ...countRun(read.thisRun, 0), unitsTotal: units.length };
    const message = resumingMessage(read.inCount, units.length, cycle.invocations, maxRuns);
    return {
      status: "succeeded",
      finishedAt: iso(clock),
      periodId: period.id,
      periodRule: period.rule,
      counts,
      message: joinNotes(run.note, message),
    };
  }
  const { outcomes, cycleHashes } = read.complete;
  const note = joinNotes(
    run.note,
    cycle.invocations > 1 ? cycleMessage(cycle.invocations, cycle.startedAt) : null,
    read.notRead > 0 ? forcedMessage(read.notRead, cycle.invocations) : null,
  );

  const submissions = await judgeRunSubmissions(db, provinceId, {
    outcomes,
    known,
    period,
    due: province.settings.due,
  });
  // Nothing new to show: no write, so a quiet 5-minute run costs only a few Google calls.
  if (await nothingToWrite({ stored, province, period, now: clock.now(), outcomes, known })) {
    await lease.confirm();
    await publishUnits(db, provinceId, cycle, outcomes, cycleHashes);
    const inputs = await provinceInputsAfter({ stored, source, written: null });
    if (inputs) await saveProvinceInputs(db, provinceId, inputs);
    const at = iso(clock);
    const counts = countRun(outcomes, provinceIssues(province).length);
    const message = joinNotes(note, QUIET_MESSAGE);
    return {
      status: "succeeded",
      finishedAt: at,
      periodId: period.id,
      periodRule: period.rule,
      counts,
      message,
    };
  }
  const finishedAt = iso(clock);
  const report = {
    ...aggregateReport({ ...province, spreadsheetId: provinceId }, outcomes, period, finishedAt),
    submissions,
  };
  const counts = countRun(outcomes, report.provinceIssues.length);
  const summary = { finishedAt, periodId: period.id, periodRule: period.rule, counts };

  // The sheet first, D1 after: the API serves what the sheet shows, so a write Google
  // refuses leaves both as the last published cycle left them (its reads stay pending).
  await lease.confirm();
  const written = await writeProvince(client, provinceId, source, (writer, current) =>
    writeReport(writer, db, {
      province: current,
      provinceId,
      report,
      thisRun: {
        id: run.runId,
        provinceId,
        trigger: options.trigger,
        status: "succeeded",
        startedAt: run.startedAt,
        ...summary,
        message: note,
      },
      budgetBytes: options.outputBudgetBytes,
    }),
  );
  const writtenAt = clock.now();
  await publishUnits(db, provinceId, cycle, outcomes, cycleHashes);
  if (drive) {
    const inputs = await provinceInputsAfter({
      stored,
      source,
      written: { province: written.province, layout: written.layout, period, at: writtenAt },
    });
    if (inputs) await saveProvinceInputs(db, provinceId, inputs);
  }
  return { status: "succeeded", ...summary, message: written.result };
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
