import { saveUnitStates } from "../storage/unit-repository.ts";
import type { UnitOutcome, UnitState } from "./model.ts";

/**
 * Saves every unit's status, and the snapshot of each unit read in this run (a fresh
 * unit's snapshot is this run's read; any other keeps the stored one).
 */
export function saveUnits(
  db: D1Database,
  provinceId: string,
  outcomes: readonly UnitOutcome[],
  known: ReadonlyMap<string, UnitState & { readonly snapshotHash: string | null }>,
): Promise<void> {
  return saveUnitStates(
    db,
    provinceId,
    outcomes.map(({ state, snapshot }) => ({
      state,
      newSnapshot: state.status === "fresh" ? snapshot : null,
    })),
    new Map([...known].map(([code, s]) => [code, s.snapshotHash])),
  );
}
