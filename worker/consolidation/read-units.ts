import { vietnamDate } from "../../shared/cells/dates.ts";
import type { Period } from "../../shared/periods.ts";
import { isSheetsApiError, type SheetsClient } from "../sheets/client.ts";
import { failureReason } from "./failure-reason.ts";
import { mapBounded } from "./map-bounded.ts";
import type { RegisteredUnit, UnitOutcome, UnitSnapshot, UnitState } from "./model.ts";
import { readUnitSheet } from "./read-unit-sheet.ts";
import { decideUnit, keepUnchanged, type UnitRead } from "./unit-outcomes.ts";

export interface ReadUnitsOptions {
  readonly concurrency: number;
  readonly now: () => string;
  readonly period: Period;
  /** The stored snapshot of a unit that could not be read now (null: none stored). */
  readonly loadStored: (code: string) => Promise<UnitSnapshot | null>;
  /** Stops reading: units not read by then fail with `stoppedReason` (the deadline). */
  readonly signal?: AbortSignal | undefined;
  readonly stoppedReason?: string;
  /** Called once per unit as soon as its status is decided, in completion order. */
  readonly onUnit?: ((outcome: UnitOutcome, index: number) => void) | undefined;
  /** Codes of units Drive shows unchanged since their last read: kept, not read. */
  readonly unchanged?: ReadonlySet<string> | undefined;
  /** Called for each unit this run tried to read (read, or failed for its own reason),
   * before `onUnit`: what a run saves as it goes. */
  readonly onRead?: ((outcome: UnitOutcome) => void) | undefined;
  /** Called for each unit left unread because `signal` stopped the run. */
  readonly onNotRead?: ((unit: RegisteredUnit) => void) | undefined;
}

/**
 * Reads and parses every registered unit, `concurrency` at a time (the client also caps
 * connections and paces to the quota), and decides each one's status. A unit's Google
 * error becomes its reason; only a bug (not a SheetsApiError) escapes.
 */
export function readUnits(
  client: SheetsClient,
  units: readonly RegisteredUnit[],
  known: ReadonlyMap<string, UnitState>,
  options: ReadUnitsOptions,
): Promise<UnitOutcome[]> {
  return mapBounded(units, options.concurrency, async (unit, index) => {
    const previous = known.get(unit.code);
    const kept =
      previous && options.unchanged?.has(unit.code)
        ? await keepUnchanged(unit, previous, {
            now: options.now(),
            period: options.period,
            loadStored: options.loadStored,
          })
        : null;
    if (kept) {
      options.onUnit?.(kept, index);
      return kept;
    }
    const { read, stopped } = await readOne(client, unit, previous, options);
    const outcome = await decideUnit(unit, read, previous, {
      now: options.now(),
      period: options.period,
      loadStored: options.loadStored,
    });
    if (stopped) options.onNotRead?.(unit);
    else if (read.kind !== "skipped") options.onRead?.(outcome);
    options.onUnit?.(outcome, index);
    return outcome;
  });
}

async function readOne(
  client: SheetsClient,
  unit: RegisteredUnit,
  previous: UnitState | undefined,
  { signal, stoppedReason = "", now }: ReadUnitsOptions,
): Promise<{ read: UnitRead; stopped: boolean }> {
  // Stopped by the run's signal: the unit is not "in", the next run of the cycle reads it.
  const stopped = { read: { kind: "failed", reason: stoppedReason }, stopped: true } as const;
  if (unit.spreadsheetId === null || unit.problem !== null) {
    return { read: { kind: "skipped" }, stopped: false };
  }
  if (signal?.aborted) return stopped;
  // Tab titles learnt from this very spreadsheet save a failed batchGet next time.
  // Without their sheetIds (a unit last read before links), the tabs are listed once more.
  const titles =
    previous?.snapshotSpreadsheetId === unit.spreadsheetId && previous.tabSheetIds
      ? previous.tabTitles
      : null;
  try {
    // Today in Vietnam, so a date after it is a warning.
    const today = vietnamDate(new Date(now()));
    const sheet = await readUnitSheet(client, unit.spreadsheetId, titles, signal, { today });
    return { read: { kind: "read", sheet }, stopped: false };
  } catch (error) {
    if (!isSheetsApiError(error)) throw error;
    if (signal?.aborted) return stopped;
    const reason = failureReason(error, client.serviceAccountEmail);
    return { read: { kind: "failed", reason }, stopped: false };
  }
}
