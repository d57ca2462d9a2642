import type { Period } from "../../shared/periods.ts";
import type { SheetsClient } from "../sheets/client.ts";
import type { ProvinceInputs } from "../storage/province-input-repository.ts";
import { saveProvinceInputs } from "../storage/province-input-repository.ts";
import type { ReadCycle } from "../storage/read-cycle-repository.ts";
import type { RunOutcome } from "../storage/run-repository.ts";
import type { Clock } from "../time/clock.ts";
import { provinceIssues } from "./aggregate-report.ts";
import { resumingMessage } from "./cycle-messages.ts";
import {
  type ConsolidationReport,
  type RegisteredUnit,
  type RunCounts,
  type RunRecord,
  type RunTrigger,
  type UnitOutcome,
  zeroCounts,
} from "./model.ts";
import { provinceInputsAfter, QUIET_MESSAGE } from "./province-inputs.ts";
import { type ProvinceSource, writeProvince } from "./province-source.ts";
import type { CycleRead } from "./read-cycle.ts";
import type { ProvinceLayout, ProvinceRead } from "./read-province.ts";
import { countRun } from "./run-counts.ts";
import type { RunLease } from "./run-lease.ts";
import { joinNotes } from "./run-messages.ts";
import { publishUnits } from "./save-units.ts";
import { writeReport } from "./write-report.ts";
import { writeLogOnly } from "./write-run-log.ts";

/** A run that ends before any figure: skipped for another run's lease, or failed. */
export function endedOutcome(
  status: "skipped" | "failed",
  clock: Clock,
  message: string,
): RunOutcome {
  return {
    status,
    finishedAt: isoNow(clock),
    periodId: null,
    periodRule: null,
    counts: zeroCounts(),
    message,
  };
}

/**
 * Not every unit is in yet: nothing is written, so the sheet and the API keep the last
 * published cycle while the next runs read the rest.
 */
export async function pauseCycle(
  clock: Clock,
  lease: RunLease,
  input: {
    readonly read: CycleRead;
    readonly units: readonly RegisteredUnit[];
    readonly cycle: ReadCycle;
    readonly maxRuns: number;
    readonly period: Period;
    readonly note: string | null;
  },
): Promise<RunOutcome> {
  const { read, units, cycle } = input;
  await lease.confirm();
  const counts = { ...countRun(read.thisRun, 0), unitsTotal: units.length };
  const message = resumingMessage(read.inCount, units.length, cycle.invocations, input.maxRuns);
  return succeeded(clock, input.period, counts, joinNotes(input.note, message));
}

interface Publication {
  readonly provinceId: string;
  readonly cycle: ReadCycle;
  readonly outcomes: readonly UnitOutcome[];
  readonly cycleHashes: ReadonlyMap<string, string | null>;
  readonly stored: ProvinceInputs | null;
  readonly source: ProvinceSource;
  readonly period: Period;
  readonly note: string | null;
}

/**
 * Every unit is in and the report tabs already show what the report would: the reads are
 * published without writing them; with `logOnly`, `Nhật ký` alone is written, this run in
 * it (an hour after the last write: province-inputs.ts).
 */
export async function publishQuietly(
  deps: { readonly client: SheetsClient; readonly db: D1Database; readonly clock: Clock },
  lease: RunLease,
  input: Publication & {
    readonly logOnly: boolean;
    readonly run: RunIdentity;
  },
): Promise<RunOutcome> {
  const { client, db, clock } = deps;
  const { provinceId, period } = input;
  const counts = countRun(input.outcomes, provinceIssues(input.source.province).length);
  const outcome = succeeded(clock, period, counts, joinNotes(input.note, QUIET_MESSAGE));
  await lease.confirm();
  let written: { province: ProvinceRead; layout: ProvinceLayout; at: number } | null = null;
  if (input.logOnly) {
    const thisRun = runRecord(provinceId, input.run, outcome);
    const log = await writeProvince(client, provinceId, input.source, (writer, current) =>
      writeLogOnly(writer, db, { province: current, provinceId, thisRun }),
    );
    written = { province: log.province, layout: log.layout, at: clock.now() };
  }
  await publishUnits(db, provinceId, input.cycle, input.outcomes, input.cycleHashes);
  const inputs = await provinceInputsAfter({
    stored: input.stored,
    source: input.source,
    written: written && { ...written, period },
  });
  if (inputs) await saveProvinceInputs(db, provinceId, inputs);
  return outcome;
}

/**
 * The report written in one batchUpdate, then the reads published. The sheet first, D1
 * after: the API serves what the sheet shows, so a write Google refuses leaves both as the
 * last published cycle left them (the reads stay pending for the next run).
 */
export async function writeAndPublish(
  deps: {
    readonly client: SheetsClient;
    readonly db: D1Database;
    readonly clock: Clock;
  },
  lease: RunLease,
  input: Publication & {
    readonly report: ConsolidationReport;
    readonly finishedAt: string;
    readonly run: RunIdentity;
    readonly outputBudgetBytes?: number | undefined;
    /** False without Drive: every run then reads the province in full, so D1 keeps
     * nothing of it. */
    readonly rememberProvince: boolean;
  },
): Promise<RunOutcome> {
  const { client, db, clock } = deps;
  const { provinceId, period, report, run } = input;
  const counts = countRun(input.outcomes, report.provinceIssues.length);
  const summary = {
    finishedAt: input.finishedAt,
    periodId: period.id,
    periodRule: period.rule,
    counts,
  };
  await lease.confirm();
  const written = await writeProvince(client, provinceId, input.source, (writer, current) =>
    writeReport(writer, db, {
      province: current,
      provinceId,
      report,
      thisRun: runRecord(provinceId, run, { status: "succeeded", ...summary, message: input.note }),
      budgetBytes: input.outputBudgetBytes,
    }),
  );
  const writtenAt = clock.now();
  await publishUnits(db, provinceId, input.cycle, input.outcomes, input.cycleHashes);
  if (input.rememberProvince) {
    const inputs = await provinceInputsAfter({
      stored: input.stored,
      source: input.source,
      written: { province: written.province, layout: written.layout, period, at: writtenAt },
    });
    if (inputs) await saveProvinceInputs(db, provinceId, inputs);
  }
  return { status: "succeeded", ...summary, message: written.result };
}

/** Which run this is, for its own row in `Nhật ký`. */
export interface RunIdentity {
  readonly runId: number;
  readonly startedAt: string;
  readonly trigger: RunTrigger;
}

/** This run as `Nhật ký` shows it, before D1 has its outcome. */
function runRecord(provinceId: string, run: RunIdentity, outcome: RunOutcome): RunRecord {
  return { id: run.runId, provinceId, trigger: run.trigger, startedAt: run.startedAt, ...outcome };
}

function succeeded(
  clock: Clock,
  period: Period,
  counts: RunCounts,
  message: string | null,
): RunOutcome {
  return {
    status: "succeeded",
    finishedAt: isoNow(clock),
    periodId: period.id,
    periodRule: period.rule,
    counts,
    message,
  };
}

function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
