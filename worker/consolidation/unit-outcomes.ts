import type { Period } from "../../shared/periods.ts";
import { packSnapshot } from "../storage/snapshot-codec.ts";
import type { RegisteredUnit, UnitOutcome, UnitSnapshot, UnitState } from "./model.ts";
import type { UnitSheetRead } from "./read-unit-sheet.ts";
import { unitFigures } from "./unit-figures.ts";

/** What reading one unit gave: its rows, a failure reason, or nothing to read. */
export type UnitRead =
  | { readonly kind: "read"; readonly sheet: UnitSheetRead }
  | { readonly kind: "failed"; readonly reason: string }
  | { readonly kind: "skipped" };

/**
 * A unit's status, decided here and nowhere else (docs/domain.md, "Unit status"): fresh
 * when read now; stale when this run could not read it but a snapshot of the same
 * spreadsheet is stored; unreadable when there is none; missing when no spreadsheet is
 * registered. `loadStored` is asked only when the old figures could stand in.
 */
export async function decideUnit(
  unit: RegisteredUnit,
  read: UnitRead,
  previous: UnitState | undefined,
  context: {
    readonly now: string;
    readonly period: Period;
    readonly loadStored: (code: string) => Promise<UnitSnapshot | null>;
  },
): Promise<UnitOutcome> {
  const base = {
    code: unit.code,
    position: unit.position,
    name: unit.name,
    spreadsheetId: unit.spreadsheetId,
    checkedAt: context.now,
    readAt: previous?.readAt ?? null,
    snapshotSpreadsheetId: previous?.snapshotSpreadsheetId ?? null,
    tabTitles: previous?.tabTitles ?? null,
    tabSheetIds: previous?.tabSheetIds ?? null,
  };
  const outcome = (state: UnitState, snapshot: UnitSnapshot | null): UnitOutcome => ({
    state,
    ...kept(snapshot, context.period),
    errorFromRegistry: read.kind === "skipped" && state.status !== "missing",
  });
  if (unit.spreadsheetId === null && unit.problem === null) {
    return outcome({ ...base, status: "missing", error: null }, null);
  }
  if (read.kind === "read") {
    const { read: rows, titles, sheetIds } = read.sheet;
    const snapshot: UnitSnapshot = {
      rows: rows.rows,
      sheetRows: rows.sheetRows,
      // Rows of `Nộp báo cáo` that cannot be read are listed with the unit's other issues.
      issues: [...rows.issues, ...read.sheet.submissions.issues],
      invalidRows: rows.invalidRows,
      tabProblems: rows.tabProblems,
      submissions: read.sheet.submissions.submissions,
    };
    const state: UnitState = {
      ...base,
      status: "fresh",
      error: null,
      readAt: context.now,
      snapshotSpreadsheetId: unit.spreadsheetId,
      tabTitles: titles,
      tabSheetIds: sheetIds ?? base.tabSheetIds,
    };
    return outcome(state, snapshot);
  }
  const error = read.kind === "failed" ? read.reason : (unit.problem ?? "");
  // Old figures only stand in for the same spreadsheet: after the registry points a unit
  // at another sheet, the old one's rows are not that unit's report any more.
  const hasOld =
    unit.problem === null &&
    previous?.readAt != null &&
    previous.snapshotSpreadsheetId === unit.spreadsheetId;
  // A snapshot row without its parts cannot stand in for the unit: say so, do not guess.
  const stored = hasOld ? await context.loadStored(unit.code) : null;
  return outcome({ ...base, status: stored ? "stale" : "unreadable", error }, stored);
}

/**
 * The outcome of a unit found unchanged: fresh, with the stored snapshot and the time it
 * was really read. Null when the snapshot is not in D1 after all (then the unit is read).
 */
export async function keepUnchanged(
  unit: RegisteredUnit,
  previous: UnitState,
  context: {
    readonly now: string;
    readonly period: Period;
    readonly loadStored: (code: string) => Promise<UnitSnapshot | null>;
  },
): Promise<UnitOutcome | null> {
  const snapshot = await context.loadStored(unit.code);
  if (!snapshot) return null;
  return {
    // The previous state keeps what the last real read learnt (read time, tab titles).
    state: {
      ...previous,
      code: unit.code,
      position: unit.position,
      name: unit.name,
      spreadsheetId: unit.spreadsheetId,
      status: "fresh",
      error: null,
      checkedAt: context.now,
    },
    ...kept(snapshot, context.period),
    errorFromRegistry: false,
  };
}

/**
 * What an outcome keeps of a unit's snapshot: its figures for every period the report
 * shows, and the snapshot packed (snapshot-codec.ts), so that a run holding every unit of
 * a large province stays within an isolate's memory.
 */
function kept(
  snapshot: UnitSnapshot | null,
  period: Period,
): Pick<UnitOutcome, "snapshot" | "metrics" | "figures"> {
  if (!snapshot) return { snapshot: null, metrics: null, figures: null };
  const figures = unitFigures(snapshot, period);
  return { snapshot: packSnapshot(snapshot), metrics: figures.period, figures };
}
