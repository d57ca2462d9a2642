import { aggregateUnit } from "../../shared/aggregate.ts";
import type { Period } from "../../shared/periods.ts";
import type { UnitSnapshot, UnitState } from "../storage/types.ts";
import type { UnitStateToSave } from "../storage/unit-repository.ts";
import type { RegisteredUnit, UnitOutcome } from "./model.ts";
import type { UnitSheetRead } from "./read-unit-sheet.ts";

/** What reading one unit gave: its rows, a failure reason, or nothing to read. */
export type UnitReadOutcome =
  | { readonly kind: "read"; readonly sheet: UnitSheetRead }
  | { readonly kind: "failed"; readonly reason: string }
  | { readonly kind: "skipped" };

export interface DecidedUnit {
  readonly toSave: UnitStateToSave;
  /** The snapshot the figures come from, if the previous one is needed it is loaded later. */
  readonly snapshot: UnitSnapshot | null;
  readonly needsStoredSnapshot: boolean;
  readonly errorFromRegistry: boolean;
}

/**
 * A unit's status from this run's read and what was stored before (domain.md):
 * fresh when read now; stale when the same spreadsheet was read successfully before;
 * unreadable when never; missing when no spreadsheet is registered.
 */
export function decideUnit(
  unit: RegisteredUnit,
  outcome: UnitReadOutcome,
  previous: UnitState | undefined,
  now: string,
): DecidedUnit {
  const base = {
    code: unit.code,
    position: unit.position,
    name: unit.name,
    spreadsheetId: unit.spreadsheetId,
    checkedAt: now,
    readAt: previous?.readAt ?? null,
    snapshotSpreadsheetId: previous?.snapshotSpreadsheetId ?? null,
    tabTitles: previous?.tabTitles ?? null,
  };
  if (unit.spreadsheetId === null && unit.problem === null) {
    return {
      toSave: { ...base, status: "missing", error: null },
      snapshot: null,
      needsStoredSnapshot: false,
      errorFromRegistry: false,
    };
  }
  if (outcome.kind === "read") {
    const { read, titles } = outcome.sheet;
    const snapshot: UnitSnapshot = {
      rows: read.rows,
      issues: read.issues,
      invalidRows: read.invalidRows,
    };
    return {
      toSave: {
        ...base,
        status: "fresh",
        error: null,
        readAt: now,
        snapshotSpreadsheetId: unit.spreadsheetId,
        tabTitles: titles,
        newSnapshot: snapshot,
      },
      snapshot,
      needsStoredSnapshot: false,
      errorFromRegistry: false,
    };
  }
  const reason = outcome.kind === "failed" ? outcome.reason : (unit.problem ?? "");
  // Old figures only stand in for the same spreadsheet: after the registry points a unit
  // at another sheet, the old one's rows are not that unit's report any more.
  const hasOld =
    unit.problem === null &&
    previous?.readAt != null &&
    previous.snapshotSpreadsheetId === unit.spreadsheetId;
  return {
    toSave: { ...base, status: hasOld ? "stale" : "unreadable", error: reason },
    snapshot: null,
    needsStoredSnapshot: hasOld,
    errorFromRegistry: outcome.kind === "skipped",
  };
}

export function toOutcome(
  decided: Pick<DecidedUnit, "errorFromRegistry">,
  state: UnitState,
  snapshot: UnitSnapshot | null,
  period: Period,
): UnitOutcome {
  return {
    state,
    snapshot,
    metrics: snapshot ? aggregateUnit(snapshot.rows, snapshot.invalidRows, period) : null,
    errorFromRegistry: decided.errorFromRegistry,
  };
}
