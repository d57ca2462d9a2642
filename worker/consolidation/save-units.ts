import {
  type PendingEntry,
  publishCycle,
  savePending,
} from "../storage/pending-unit-repository.ts";
import type { ReadCycle } from "../storage/read-cycle-repository.ts";
import type { UnitOutcome, UnitState } from "./model.ts";

/** Units saved together as pending: a killed run loses at most this many reads... */
const SAVE_EVERY_UNITS = 25;
/** ...or those of this long (a slow province still saves often). */
const SAVE_EVERY_MS = 5_000;

export interface PendingSaver {
  /** A unit read by this run (fresh, or tried and failed): saved soon, as pending. */
  add(outcome: UnitOutcome): void;
  /** Saves what is left; rejects with the first D1 failure. Resolves with the snapshot
   * hash of every unit saved (null: no snapshot read). */
  close(): Promise<Map<string, string | null>>;
}

/**
 * Saves each unit's read as pending in the open cycle while the run goes on, in batches,
 * one at a time (never two D1 batches of the same run at once). Not published: the API
 * keeps serving what the sheet shows until the cycle's write lands.
 */
export function pendingSaver(
  db: D1Database,
  provinceId: string,
  cycle: ReadCycle,
  known: ReadonlyMap<string, { readonly snapshotHash: string | null }>,
  now: () => number,
): PendingSaver {
  const publishedHashes = new Map([...known].map(([code, s]) => [code, s.snapshotHash]));
  const hashes = new Map<string, string | null>();
  let buffer: PendingEntry[] = [];
  let lastSave = now();
  let chain: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const save = (): Promise<void> => {
    const entries = buffer;
    buffer = [];
    lastSave = now();
    if (entries.length === 0) return chain;
    chain = chain.then(async () => {
      if (failure) return;
      try {
        const saved = await savePending(db, provinceId, cycle.id, entries, publishedHashes);
        for (const [code, hash] of saved) hashes.set(code, hash);
      } catch (error) {
        failure = { error };
      }
    });
    return chain;
  };
  return {
    add({ state, snapshot }) {
      buffer.push({ state, snapshot: state.status === "fresh" ? snapshot : null });
      if (buffer.length >= SAVE_EVERY_UNITS || now() - lastSave >= SAVE_EVERY_MS) void save();
    },
    async close() {
      await save();
      if (failure) throw failure.error;
      return hashes;
    },
  };
}

/**
 * Makes the cycle's reads the published state, in one D1 transaction: every unit's status
 * now, and the snapshot of each unit read in the cycle (`cycleHashes`: code → hash of the
 * snapshot read; a unit absent or null keeps its stored one).
 */
export function publishUnits(
  db: D1Database,
  provinceId: string,
  cycle: ReadCycle,
  outcomes: readonly UnitOutcome[],
  cycleHashes: ReadonlyMap<string, string | null>,
): Promise<void> {
  return publishCycle(
    db,
    provinceId,
    cycle,
    outcomes.map(({ state }: { state: UnitState }) => ({
      state,
      snapshotHash: state.status === "fresh" ? (cycleHashes.get(state.code) ?? null) : null,
    })),
  );
}
