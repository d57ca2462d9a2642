import { sumMetrics } from "../../shared/aggregate.ts";
import { vietnamDate } from "../../shared/cells/dates.ts";
import { currentYearPeriodId, type Period, resolvePeriod } from "../../shared/periods.ts";
import { isSheetsApiError, type SheetsClient } from "../sheets/client.ts";
import type { Clock } from "../sheets/clock.ts";
import { releaseLock } from "../storage/lock-repository.ts";
import {
  finishRun,
  getRun,
  type RunOutcome,
  recentRuns,
  startRun,
} from "../storage/run-repository.ts";
import { countRows } from "../storage/snapshot-codec.ts";
import type { RunCounts, RunRecord, RunTrigger } from "../storage/types.ts";
import { zeroCounts } from "../storage/types.ts";
import { loadKnownUnits, loadSnapshots, saveUnitStates } from "../storage/unit-repository.ts";
import { failureReason } from "./failure-reason.ts";
import type { ConsolidationReport, UnitOutcome } from "./model.ts";
import { buildOutput } from "./output/build-output.ts";
import { formatVietnamTime } from "./output/cells.ts";
import { LOG_RUNS } from "./output/log-tab.ts";
import { type ProvinceRead, readProvince } from "./read-province.ts";
import { readUnits, type UnitProgress } from "./read-units.ts";
import { acquireRunLock, describeHolder } from "./run-lock.ts";
import { toOutcome } from "./unit-outcomes.ts";

export interface ConsolidationDeps {
  readonly client: SheetsClient;
  readonly db: D1Database;
  readonly clock: Clock;
  /** Called once per unit as its read finishes (the Worker logs it; npm start prints it). */
  readonly onUnit?: (progress: UnitProgress) => void;
}

export interface ConsolidationOptions {
  readonly provinceId: string;
  readonly trigger: RunTrigger;
  /** How long to wait for another run of the same province before skipping (default 20 s;
   * the API passes 0 and answers 409 at once rather than hold the caller). */
  readonly lockWaitMs?: number;
  /** Lease of the lock; a crashed run blocks others at most this long (default 15 min,
   * the longest a cron-triggered Worker may run). */
  readonly leaseMs?: number;
  /** Units read at once (default 6, the client's connection limit). */
  readonly unitConcurrency?: number;
  /** Bytes the output write may take (default OUTPUT_BUDGET_BYTES, under Google's limit
   * for one request); tests pass a small one to see the shortened output. */
  readonly outputBudgetBytes?: number;
}

/**
 * One consolidation of a province: registry and settings in, every unit read (failures
 * become statuses), snapshots and statuses saved to D1, all output tabs written in one
 * spreadsheets.batchUpdate, the run recorded. Never throws for a unit's or Google's
 * failure: the returned run says what happened.
 */
export async function runConsolidation(
  deps: ConsolidationDeps,
  options: ConsolidationOptions,
): Promise<RunRecord> {
  const { db, clock } = deps;
  const startedAt = iso(clock);
  const runId = await startRun(db, options.provinceId, options.trigger, startedAt);
  const lockName = `consolidation:${options.provinceId}`;
  const holder = `run-${runId}`;
  const lock = await acquireRunLock(db, clock, {
    name: lockName,
    holder,
    leaseMs: options.leaseMs ?? 900_000,
    waitMs: options.lockWaitMs ?? 20_000,
  });
  if (!lock.acquired) {
    await finishRun(db, runId, {
      ...emptyOutcome("skipped", iso(clock)),
      message: `Bỏ qua: một lượt tổng hợp khác (${describeHolder(lock.holder)}, bắt đầu lúc ${formatVietnamTime(lock.acquiredAt)}) đang chạy; lượt này không ghi gì để tránh ghi chồng.`,
    });
    return mustGetRun(db, runId);
  }
  try {
    // A run that had to wait says so, in D1, the API's answer and Nhật ký.
    const note = lock.waitedFor
      ? `Lượt này đã chờ ${Math.round(lock.waitedMs / 1000)} giây cho ${describeHolder(lock.waitedFor.holder)} (bắt đầu lúc ${formatVietnamTime(lock.waitedFor.acquiredAt)}) chạy xong rồi mới bắt đầu.`
      : null;
    const outcome = await consolidate(deps, options, runId, startedAt, note);
    await finishRun(db, runId, outcome);
  } catch (error) {
    const reason = failureReason(error, deps.client.serviceAccountEmail);
    const message = isSheetsApiError(error)
      ? `Không đọc/ghi được bảng tính của tỉnh: ${reason}${
          // The province is written to, so Viewer (enough for units) is not enough here.
          error.kind === "permission-denied" ? " Bảng tính của tỉnh cần quyền Người chỉnh sửa." : ""
        }`
      : `Lỗi không mong đợi: ${reason}`;
    console.error(JSON.stringify({ event: "run-failed", runId, message }));
    await finishRun(db, runId, { ...emptyOutcome("failed", iso(clock)), message });
  } finally {
    await releaseLock(db, lockName, holder);
  }
  return mustGetRun(db, runId);
}

async function consolidate(
  deps: ConsolidationDeps,
  options: ConsolidationOptions,
  runId: number,
  startedAt: string,
  note: string | null,
): Promise<RunOutcome> {
  const { client, db, clock } = deps;
  const { provinceId } = options;
  const province = await readProvince(client, provinceId);
  const period = reportPeriod(province, clock);
  const units = province.registry.units;
  const known = await loadKnownUnits(db, provinceId);

  const reads = await readUnits(client, units, known, {
    concurrency: options.unitConcurrency ?? 6,
    now: () => iso(clock),
    onUnit: deps.onUnit,
  });

  const stored = await loadSnapshots(
    db,
    provinceId,
    reads.filter((r) => r.needsStoredSnapshot).map((r) => r.toSave.code),
  );
  const outcomes: UnitOutcome[] = reads.map((r) => {
    if (!r.needsStoredSnapshot) return toOutcome(r, r.toSave, r.snapshot, period);
    const snapshot = stored.get(r.toSave.code) ?? null;
    // A snapshot row without its parts cannot stand in for the unit: say so, do not guess.
    const state = snapshot ? r.toSave : { ...r.toSave, status: "unreadable" as const };
    return toOutcome(r, state, snapshot, period);
  });
  await saveUnitStates(
    db,
    provinceId,
    reads.map((r, i) => ({ ...r.toSave, status: outcomes[i]!.state.status })),
    new Map([...known].map(([code, s]) => [code, s.snapshotHash])),
  );

  const provinceIssues = [
    ...province.registry.issues,
    ...province.settings.issues.map((issue) => ({ code: "", issue })),
  ];
  const counts = countRun(outcomes, provinceIssues.length);
  const finishedAt = iso(clock);
  const report: ConsolidationReport = {
    period,
    generatedAt: finishedAt,
    outcomes,
    provinceIssues,
    total: sumMetrics(outcomes.flatMap((o) => (o.metrics ? [o.metrics] : []))),
  };
  const thisRun: RunRecord = {
    id: runId,
    provinceId,
    trigger: options.trigger,
    status: "succeeded",
    startedAt,
    finishedAt,
    periodId: period.id,
    periodRule: period.rule,
    counts,
    message: note,
  };
  const earlier = (await recentRuns(db, provinceId, LOG_RUNS)).filter((r) => r.id !== runId);
  const plan = buildOutput({
    report,
    runs: (shortened) => [
      ...earlier.slice(-(LOG_RUNS - 1)),
      { ...thisRun, message: joinNotes(note, shortened) },
    ],
    existingSheets: province.sheets,
    budgetBytes: options.outputBudgetBytes,
  });
  // The size of the one write, so a province growing towards Google's limit shows in logs.
  console.log(
    JSON.stringify({ event: "output", runId, bytes: plan.bytes, shortened: plan.shortened }),
  );
  await client.batchUpdate(provinceId, plan.requests);
  return {
    status: "succeeded",
    finishedAt,
    periodId: period.id,
    periodRule: period.rule,
    counts,
    message: joinNotes(note, plan.shortened),
  };
}

function joinNotes(...notes: (string | null)[]): string | null {
  const present = notes.filter((n): n is string => n !== null);
  return present.length ? present.join(" ") : null;
}

/** The period `Tổng hợp` shows: `Cấu hình`, else the reporting year containing today. */
function reportPeriod(province: ProvinceRead, clock: Clock): Period {
  const { periodId, rule } = province.settings;
  const id = periodId ?? currentYearPeriodId(vietnamDate(new Date(clock.now())), rule);
  const period = resolvePeriod(id, rule);
  if (!period) throw new Error(`period ${id} does not resolve`);
  return period;
}

function countRun(outcomes: readonly UnitOutcome[], provinceIssues: number): RunCounts {
  const counts = { ...zeroCounts(), unitsTotal: outcomes.length, issues: provinceIssues };
  for (const { state, snapshot } of outcomes) {
    if (state.status === "fresh") counts.unitsFresh++;
    if (state.status === "stale") counts.unitsStale++;
    if (state.status === "unreadable") counts.unitsUnreadable++;
    if (state.status === "missing") counts.unitsMissing++;
    if (state.error && state.status !== "missing") counts.issues++;
    if (snapshot) {
      counts.rowsValid += countRows(snapshot.rows);
      counts.rowsInvalid += snapshot.invalidRows;
      counts.issues += snapshot.issues.length;
    }
  }
  return counts;
}

function emptyOutcome(status: "skipped" | "failed", finishedAt: string): RunOutcome {
  return {
    status,
    finishedAt,
    periodId: null,
    periodRule: null,
    counts: zeroCounts(),
    message: null,
  };
}

async function mustGetRun(db: D1Database, id: number): Promise<RunRecord> {
  const run = await getRun(db, id);
  if (!run) throw new Error(`run ${id} vanished from D1`);
  return run;
}

function iso(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
