import type { ChangedFiles, DriveClient } from "../drive/drive-client.ts";
import { latestRun } from "../storage/run-repository.ts";
import { DRIVE_MARGIN_MS, EDIT_SKEW_MS, MAX_UNREAD_MS } from "./drive-margin.ts";
import type { RegisteredUnit, UnitSnapshot, UnitState } from "./model.ts";

export interface UnchangedPlan {
  /** Codes of units whose stored snapshot stands for their spreadsheet as it is now. */
  readonly unchanged: ReadonlySet<string>;
  /** Drive calls made (0 when there was nothing to ask). */
  readonly driveCalls: number;
  /** Why every unit is read although a Drive client was given (null: Drive answered). */
  readonly fullReadReason: string | null;
}

/**
 * What Drive says changed since the last succeeded run began, less `marginMs`: one listing
 * a run, used for the units (planFromListing) and for the province's own spreadsheet
 * (province-source.ts). Null before any run has succeeded (nothing to compare with, so
 * Drive is not asked).
 */
export type DriveListing =
  | (ChangedFiles & {
      readonly ok: true;
      readonly since: string;
      /** The start of the last published read cycle: what the published snapshots reflect. */
      readonly publishedFrom: string;
    })
  | (ChangedFiles & { readonly ok: false });

export async function listDriveChanges(
  drive: DriveClient,
  db: D1Database,
  input: {
    readonly provinceId: string;
    readonly marginMs?: number;
    readonly signal?: AbortSignal;
    /** The instant the published snapshots reflect the spreadsheets from: the start of the
     * last published read cycle, which may span several runs (run-source.ts passes
     * it; default: the last succeeded run's start). */
    readonly readsSince?: string | null;
  },
): Promise<DriveListing | null> {
  const readsSince =
    input.readsSince !== undefined
      ? input.readsSince
      : ((await latestRun(db, input.provinceId, ["succeeded"]))?.startedAt ?? null);
  if (readsSince === null) return null;
  const since = new Date(
    Date.parse(readsSince) - (input.marginMs ?? DRIVE_MARGIN_MS),
  ).toISOString();
  const listed = await drive.listModifiedSince(since, input.signal);
  return listed.ok ? { ...listed, since, publishedFrom: readsSince } : listed;
}

/**
 * Which units need no read in this run. Every unit the last published cycle left fresh
 * reflects its spreadsheet as of that cycle's start (read in it, or found unchanged by the
 * same rule), so a unit is unchanged when it was fresh from the same spreadsheet, read
 * within MAX_UNREAD_MS, and Drive's listing (changes since that start less DRIVE_MARGIN_MS)
 * shows no edit the snapshot lacks (seenByLastRead). Any doubt (nothing published yet,
 * Drive failing, a listing too long) means reading it.
 */
export function planFromListing(
  listing: DriveListing | null,
  input: {
    readonly units: readonly RegisteredUnit[];
    readonly known: ReadonlyMap<string, UnitState>;
    readonly now: number;
  },
): UnchangedPlan {
  const driveCalls = listing?.calls ?? 0;
  if (!listing) return { unchanged: new Set(), driveCalls, fullReadReason: "no succeeded run yet" };
  if (!listing.ok) return { unchanged: new Set(), driveCalls, fullReadReason: listing.reason };
  const unchanged = new Set(
    input.units
      .filter((unit) => {
        const previous = input.known.get(unit.code);
        return (
          unit.spreadsheetId !== null &&
          unit.problem === null &&
          previous?.status === "fresh" &&
          previous.readAt !== null &&
          previous.snapshotSpreadsheetId === unit.spreadsheetId &&
          input.now - Date.parse(previous.readAt) < MAX_UNREAD_MS &&
          seenByLastRead(listing, previous.readAt, listing.files.get(unit.spreadsheetId))
        );
      })
      .map((unit) => unit.code),
  );
  return { unchanged, driveCalls, fullReadReason: null };
}

/**
 * True when the unit's published snapshot already holds its last edit. Not listed: no edit
 * since the published cycle began (less Drive's margin). Listed: the margin makes Drive
 * list again the edits the last cycle read, so that an edit Drive listed late is not
 * missed; an edit stamped before the cycle began (less EDIT_SKEW_MS) is in the snapshot
 * only when the unit was really read in that cycle (its read began after the cycle did).
 * A unit the cycle kept as unchanged is read: its edit may be the one listed late.
 */
function seenByLastRead(
  listing: { readonly publishedFrom: string },
  readAt: string,
  modifiedTime: string | undefined,
): boolean {
  if (modifiedTime === undefined) return true;
  const cycleStart = Date.parse(listing.publishedFrom);
  const edited = Date.parse(modifiedTime);
  if (!Number.isFinite(edited)) return false;
  return Date.parse(readAt) >= cycleStart && edited < cycleStart - EDIT_SKEW_MS;
}

/** Drive did not answer usably, so this run reads every unit: worth seeing in the logs. */
export function logDriveFallback(reason: string): void {
  console.warn(JSON.stringify({ event: "drive-fallback", reason }));
}

/** Snapshots of unchanged units loaded this many at a time: one D1 query (a subrequest)
 * per unit would cost thousands a run in a large province. */
const SNAPSHOT_CHUNK = 100;

/**
 * The stored snapshot of a unit: units kept unchanged are loaded SNAPSHOT_CHUNK at a time
 * (in registry order, the order they are asked for), any other one alone (a stale unit
 * needs only its own).
 */
export function storedSnapshotLoader(
  load: (codes: readonly string[]) => Promise<ReadonlyMap<string, UnitSnapshot>>,
  unchanged: ReadonlySet<string> | undefined,
): (code: string) => Promise<UnitSnapshot | null> {
  const codes = [...(unchanged ?? [])];
  const chunkOf = new Map(codes.map((code, i) => [code, Math.floor(i / SNAPSHOT_CHUNK)]));
  const chunks = new Map<number, Promise<ReadonlyMap<string, UnitSnapshot>>>();
  return async (code) => {
    const chunk = chunkOf.get(code);
    if (chunk === undefined) return (await load([code])).get(code) ?? null;
    let pending = chunks.get(chunk);
    if (!pending) {
      pending = load(codes.slice(chunk * SNAPSHOT_CHUNK, (chunk + 1) * SNAPSHOT_CHUNK));
      chunks.set(chunk, pending);
    }
    return (await pending).get(code) ?? null;
  };
}
