import type { Period } from "../../shared/periods.ts";
import type { SheetsClient } from "../sheets/client.ts";
import { enterCycle, type ReadCycle } from "../storage/read-cycle-repository.ts";
import type { Clock } from "../time/clock.ts";
import { type DriveListing, logDriveFallback, planFromListing } from "./changed-units.ts";
import type { RegisteredUnit, UnitOutcome } from "./model.ts";
import {
  CYCLE_MAX_AGE_MS,
  type CycleRead,
  type CycleReadOptions,
  MAX_CYCLE_RUNS,
  readCycle,
} from "./read-cycle.ts";
import type { RunLease } from "./run-lease.ts";
import { deadlineReason } from "./run-messages.ts";

/** The run's read deadline by default: time remains to write before the platform's
 * 15-minute limit on a scheduled invocation. */
export const DEFAULT_DEADLINE_MS = 720_000;

export interface RunReadInput {
  readonly provinceId: string;
  readonly run: { readonly runId: number; readonly startedAt: string };
  readonly lease: RunLease;
  readonly listing: DriveListing | null;
  /** True when a Drive client was given: its listing decides which units are unchanged. */
  readonly withDrive: boolean;
  readonly units: readonly RegisteredUnit[];
  readonly known: CycleReadOptions["known"];
  readonly period: Period;
  readonly deadlineMs?: number | undefined;
  readonly maxCycleRuns?: number | undefined;
  readonly unitConcurrency?: number | undefined;
  readonly onUnit?: ((outcome: UnitOutcome, index: number, count: number) => void) | undefined;
}

/**
 * The second step of a run: its share of the read cycle. Units Drive shows unchanged keep
 * their snapshots; the others are read until every unit is in or the run's deadline (or a
 * lost lease) stops it; the cycle's last allowed run (maxCycleRuns) completes it anyway.
 */
export async function readThisRun(
  deps: { readonly client: SheetsClient; readonly db: D1Database; readonly clock: Clock },
  input: RunReadInput,
): Promise<{ readonly cycle: ReadCycle; readonly maxRuns: number; readonly read: CycleRead }> {
  const { client, db, clock } = deps;
  const { provinceId, run, units, known } = input;
  const cycle = await enterCycle(
    db,
    provinceId,
    { id: run.runId, startedAt: run.startedAt },
    clock.now(),
    CYCLE_MAX_AGE_MS,
  );
  const maxRuns = input.maxCycleRuns ?? MAX_CYCLE_RUNS;
  const deadlineMs = input.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = Date.parse(run.startedAt) + deadlineMs - clock.now();
  const plan = input.withDrive
    ? planFromListing(input.listing, { units, known, now: clock.now() })
    : null;
  if (plan?.fullReadReason) logDriveFallback(plan.fullReadReason);
  const read = await readCycle(client, db, {
    provinceId,
    cycle,
    units,
    known,
    period: input.period,
    // Six at once: the Sheets client's connection limit.
    concurrency: input.unitConcurrency ?? 6,
    now: () => clock.now(),
    signal: AbortSignal.any([AbortSignal.timeout(Math.max(0, deadline)), input.lease.lost]),
    stoppedReason: deadlineReason(deadlineMs),
    unchanged: plan?.unchanged,
    forced: cycle.invocations >= maxRuns,
    onUnit: input.onUnit,
  });
  return { cycle, maxRuns, read };
}
