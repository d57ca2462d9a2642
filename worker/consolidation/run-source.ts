import type { DriveClient } from "../drive/drive-client.ts";
import type { SheetsClient } from "../sheets/client.ts";
import { loadProvinceInputs, type ProvinceInputs } from "../storage/province-input-repository.ts";
import { readsSince } from "../storage/read-cycle-repository.ts";
import type { Clock } from "../time/clock.ts";
import { type DriveListing, listDriveChanges } from "./changed-units.ts";
import { loadProvince, type ProvinceSource } from "./province-source.ts";

/** What a run starts from: Drive's one listing and the province's registry and settings. */
export interface RunSource {
  /** The province's cells and layout as D1 last kept them (null without Drive). */
  readonly stored: ProvinceInputs | null;
  /** Which spreadsheets Drive shows changed (null without Drive or before any run). */
  readonly listing: DriveListing | null;
  readonly source: ProvinceSource;
}

/**
 * The first step of a run. With Drive, one files.list says which units changed and whether
 * the province's own spreadsheet did; the province is read only then (province-source.ts).
 * Without Drive the province is read in full every run.
 */
export async function sourceOfRun(
  deps: {
    readonly client: SheetsClient;
    readonly db: D1Database;
    readonly clock: Clock;
    readonly drive?: DriveClient | undefined;
  },
  provinceId: string,
): Promise<RunSource> {
  const { client, db, clock, drive } = deps;
  const stored = drive ? await loadProvinceInputs(db, provinceId) : null;
  // The published snapshots reflect the units as of this instant or later, so Drive is
  // asked what changed since then, not since the last run (a cycle may span several).
  const since = await readsSince(db, provinceId);
  const listing = drive
    ? await listDriveChanges(drive, db, { provinceId, readsSince: since })
    : null;
  const source = await loadProvince(client, {
    provinceId,
    stored,
    listing,
    now: () => clock.now(),
  });
  return { stored, listing, source };
}
