import type { Period } from "../../shared/periods.ts";
import type { SheetsClient } from "../sheets/client.ts";
import {
  loadPending,
  loadPendingSnapshots,
  type PendingUnit,
} from "../storage/pending-unit-repository.ts";
import type { ReadCycle } from "../storage/read-cycle-repository.ts";
import { loadSnapshots } from "../storage/unit-repository.ts";
import { storedSnapshotLoader } from "./changed-units.ts";
import { mapBounded } from "./map-bounded.ts";
import type { RegisteredUnit, UnitOutcome, UnitSnapshot, UnitState } from "./model.ts";
import { readUnits } from "./read-units.ts";
import { pendingSaver } from "./save-units.ts";
import { decideUnit, keepUnchanged } from "./unit-outcomes.ts";

/**
 * Runs a read cycle may take. A national roll-up (3,321 units) costs one read a unit on its
 * first sync, two for a unit whose tabs must be listed: up to 6,642 reads, 111 minutes of a
 * 60-a-minute quota, 11 runs of 12 minutes as measured (`npm run bench`). 16 leaves room
 * for 429 backoff and slow units; past it (Google slowed for hours) the report is written
 * with what is in, so the sheet is never held back more than about 16 × 15 minutes (a run
 * and the two crons it blocks).
 */
export const MAX_CYCLE_RUNS = 16;

/** A cycle older than this is dropped and begun again: its reads are too old to publish
 * as current (twice the longest a bounded cycle takes; a failing write retried for hours). */
export const CYCLE_MAX_AGE_MS = 8 * 60 * 60_000;

export interface CycleReadOptions {
  readonly provinceId: string;
  readonly cycle: ReadCycle;
  readonly units: readonly RegisteredUnit[];
  readonly known: ReadonlyMap<string, UnitState & { readonly snapshotHash: string | null }>;
  readonly period: Period;
  readonly concurrency: number;
  readonly now: () => number;
  /** Stops reading (deadline, lost lease): units not read by then are not in. */
  readonly signal: AbortSignal;
  readonly stoppedReason: string;
  /** Codes Drive shows unchanged since their last published read. */
  readonly unchanged?: ReadonlySet<string> | undefined;
  /** True when the run writes even with units not in (the cycle's last allowed run). */
  readonly forced: boolean;
  readonly onUnit?: ((outcome: UnitOutcome, index: number, count: number) => void) | undefined;
}

export interface CycleRead {
  /** Units in the cycle (read in it, or unchanged) once this run is over. */
  readonly inCount: number;
  /** Units the run's signal stopped before they were read. */
  readonly notRead: number;
  /** The units this run decided (not those in before it, nor those it did not read). */
  readonly thisRun: readonly UnitOutcome[];
  /**
   * Every registered unit's outcome in registry order (those not read `stale`/`unreadable`
   * with `stoppedReason`), with the snapshot hash of each unit read in the cycle: only
   * when every unit is in or the run is forced to write (null otherwise: nothing of the
   * earlier reads is loaded).
   */
  readonly complete: {
    readonly outcomes: UnitOutcome[];
    readonly cycleHashes: ReadonlyMap<string, string | null>;
  } | null;
}

/**
 * This run's part of the cycle: reads the units not yet in (pending reads of earlier runs
 * count as in, as do units tried and failed), saving each read as pending as it goes.
 */
export async function readCycle(
  client: SheetsClient,
  db: D1Database,
  options: CycleReadOptions,
): Promise<CycleRead> {
  const { provinceId, cycle, units, known, period } = options;
  const pending = await loadPending(db, provinceId, cycle.id);
  const earlier = new Map<string, PendingUnit>();
  for (const unit of units) {
    const p = pending.get(unit.code);
    // A unit whose registry row now points elsewhere (or has a problem) is read again.
    if (p && unit.problem === null && unit.spreadsheetId !== null) {
      if (p.spreadsheetId === unit.spreadsheetId) earlier.set(unit.code, p);
    }
  }
  const toRead = units.filter((u) => !earlier.has(u.code));
  const saver = pendingSaver(db, provinceId, cycle, known, options.now);
  const notRead = new Set<string>();
  const iso = () => new Date(options.now()).toISOString();
  const loadStored = storedSnapshotLoader(
    (codes) => loadSnapshots(db, provinceId, codes),
    new Set([
      ...(options.unchanged ?? []),
      // Read earlier in the cycle with the same figures as published: no pending copy.
      ...[...earlier.values()]
        .filter((p) => p.status === "fresh" && !p.hasParts)
        .map((p) => p.code),
    ]),
  );
  const reading = readUnits(client, toRead, known, {
    concurrency: options.concurrency,
    now: iso,
    period,
    loadStored,
    signal: options.signal,
    stoppedReason: options.stoppedReason,
    unchanged: options.unchanged,
    onRead: (outcome) => saver.add(outcome),
    onNotRead: (unit) => {
      notRead.add(unit.code);
    },
    onUnit: options.onUnit && ((o, index) => options.onUnit?.(o, index, toRead.length)),
  });
  // What was read is kept even when the run goes no further (a lost lease, a bug).
  const decided = await reading.catch(async (error: unknown) => {
    await saver.close().catch(() => undefined);
    throw error;
  });
  const saved = await saver.close();
  const thisRun = decided.filter((o) => !notRead.has(o.state.code));
  const inCount = units.length - notRead.size;
  if (notRead.size > 0 && !options.forced) {
    return { inCount, notRead: notRead.size, thisRun, complete: null };
  }

  const loadRead = storedSnapshotLoader(
    (codes) => loadPendingSnapshots(db, provinceId, cycle.id, codes),
    new Set([...earlier.values()].filter((p) => p.hasParts).map((p) => p.code)),
  );
  const keptOutcomes = await mapBounded(
    units.filter((u) => earlier.has(u.code)),
    options.concurrency,
    (unit) => {
      return fromCycle(unit, earlier.get(unit.code) as PendingUnit, known.get(unit.code), {
        period,
        loadRead: async (c) => (await loadRead(c)) ?? loadStored(c),
        loadStored,
      });
    },
  );
  const outcomes = [...decided, ...keptOutcomes].sort(
    (a, b) => a.state.position - b.state.position,
  );
  const cycleHashes = new Map<string, string | null>([
    ...[...earlier].map(([code, p]) => [code, p.snapshotHash] as const),
    ...saved,
  ]);
  return { inCount, notRead: notRead.size, thisRun, complete: { outcomes, cycleHashes } };
}

/** The outcome of a unit read earlier in the cycle, as that read decided it. */
async function fromCycle(
  unit: RegisteredUnit,
  earlier: PendingUnit,
  published: UnitState | undefined,
  context: {
    readonly period: Period;
    readonly loadRead: (code: string) => Promise<UnitSnapshot | null>;
    readonly loadStored: (code: string) => Promise<UnitSnapshot | null>;
  },
): Promise<UnitOutcome> {
  const { period } = context;
  const { snapshotHash: _hash, hasParts: _parts, ...state } = earlier;
  const now = state.checkedAt;
  if (state.status === "fresh") {
    const kept = await keepUnchanged(unit, state, { now, period, loadStored: context.loadRead });
    if (kept) return kept;
  }
  // Tried and failed (or its snapshot is gone): stale on the published figures, as then.
  const reason = state.error ?? "";
  return decideUnit(unit, { kind: "failed", reason }, published, {
    now,
    period,
    loadStored: context.loadStored,
  });
}
