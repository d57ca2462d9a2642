import { isSheetsApiError, type SheetsClient } from "../sheets/client.ts";
import { countRows } from "../storage/snapshot-codec.ts";
import type { UnitState, UnitStatus } from "../storage/types.ts";
import { failureReason } from "./failure-reason.ts";
import { mapBounded } from "./map-bounded.ts";
import type { RegisteredUnit } from "./model.ts";
import { readUnitSheet } from "./read-unit-sheet.ts";
import { type DecidedUnit, decideUnit, type UnitReadOutcome } from "./unit-outcomes.ts";

export interface UnitProgress {
  readonly index: number;
  readonly count: number;
  readonly code: string;
  readonly name: string;
  readonly status: UnitStatus;
  readonly rows: number;
  readonly invalidRows: number;
  readonly error: string | null;
}

/**
 * Reads every registered unit, `concurrency` at a time (the client also caps connections
 * and paces to the quota), and decides each one's status. A unit's Google error becomes
 * its reason; only a bug (not a SheetsApiError) escapes.
 */
export function readUnits(
  client: SheetsClient,
  units: readonly RegisteredUnit[],
  known: ReadonlyMap<string, UnitState>,
  options: {
    readonly concurrency: number;
    readonly now: () => string;
    readonly onUnit?: ((progress: UnitProgress) => void) | undefined;
  },
): Promise<DecidedUnit[]> {
  return mapBounded(units, options.concurrency, async (unit, index) => {
    const previous = known.get(unit.code);
    let outcome: UnitReadOutcome = { kind: "skipped" };
    if (unit.spreadsheetId !== null && unit.problem === null) {
      // Tab titles learnt from this very spreadsheet save a failed batchGet next time.
      const titles =
        previous?.snapshotSpreadsheetId === unit.spreadsheetId ? previous.tabTitles : null;
      try {
        outcome = { kind: "read", sheet: await readUnitSheet(client, unit.spreadsheetId, titles) };
      } catch (error) {
        if (!isSheetsApiError(error)) throw error;
        outcome = { kind: "failed", reason: failureReason(error, client.serviceAccountEmail) };
      }
    }
    const decided = decideUnit(unit, outcome, previous, options.now());
    const read = outcome.kind === "read" ? outcome.sheet.read : null;
    options.onUnit?.({
      index,
      count: units.length,
      code: unit.code,
      name: unit.name,
      status: decided.toSave.status,
      rows: read ? countRows(read.rows) : 0,
      invalidRows: read?.invalidRows ?? 0,
      error: decided.toSave.error,
    });
    return decided;
  });
}
