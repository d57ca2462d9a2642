/** Publishes unit states as a run's read cycle does (pending, then one publication). */
import type { UnitSnapshot, UnitState } from "../../../worker/consolidation/model.ts";
import { publishCycle, savePending } from "../../../worker/storage/pending-unit-repository.ts";
import { enterCycle } from "../../../worker/storage/read-cycle-repository.ts";
import { loadKnownUnits } from "../../../worker/storage/unit-repository.ts";

let runId = 1_000_000;

/** `units` become the province's registry; a unit with a `newSnapshot` publishes it. */
export async function publishUnits(
  db: D1Database,
  provinceId: string,
  units: readonly { readonly state: UnitState; readonly newSnapshot: UnitSnapshot | null }[],
): Promise<void> {
  const cycle = await enterCycle(
    db,
    provinceId,
    { id: ++runId, startedAt: new Date().toISOString() },
    Date.now(),
    0,
  );
  const known = await loadKnownUnits(db, provinceId);
  const hashes = await savePending(
    db,
    provinceId,
    cycle.id,
    units.map((u) => ({ state: u.state, snapshot: u.newSnapshot })),
    new Map([...known].map(([code, s]) => [code, s.snapshotHash])),
  );
  await publishCycle(
    db,
    provinceId,
    cycle,
    units.map((u) => ({ state: u.state, snapshotHash: hashes.get(u.state.code) ?? null })),
  );
}
