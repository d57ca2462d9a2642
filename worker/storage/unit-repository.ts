import type {
  TabSheetIds,
  TabTitles,
  UnitSnapshot,
  UnitState,
  UnitStatus,
} from "../consolidation/model.ts";
import { decodeSnapshot } from "./snapshot-codec.ts";

export interface UnitRow {
  code: string;
  position: number;
  name: string;
  spreadsheet_id: string | null;
  status: UnitStatus;
  error: string | null;
  checked_at: string;
  read_at: string | null;
  snapshot_spreadsheet_id: string | null;
  snapshot_hash: string | null;
  tab_titles: string | null;
}

// Parts are grouped into statements of at most this many characters (about 1 MB of UTF-8 once escaped),
// under D1's limit on one bound value.
const STATEMENT_CHARS = 300_000;

/** The registered units of a province, in registry order. */
export async function loadUnitStates(db: D1Database, provinceId: string): Promise<UnitState[]> {
  const { results } = await db
    .prepare(
      `SELECT code, position, name, spreadsheet_id, status, error, checked_at, read_at,
         snapshot_spreadsheet_id, snapshot_hash, tab_titles
       FROM units WHERE province_id = ?1 AND registered = 1 ORDER BY position`,
    )
    .bind(provinceId)
    .all<UnitRow>();
  return results.map(toState);
}

/** Every unit ever seen (registered or not), keyed by code: what a run falls back on. */
export async function loadKnownUnits(
  db: D1Database,
  provinceId: string,
): Promise<Map<string, UnitState & { readonly snapshotHash: string | null }>> {
  const { results } = await db
    .prepare(
      `SELECT code, position, name, spreadsheet_id, status, error, checked_at, read_at,
         snapshot_spreadsheet_id, snapshot_hash, tab_titles
       FROM units WHERE province_id = ?1`,
    )
    .bind(provinceId)
    .all<UnitRow>();
  return new Map(results.map((r) => [r.code, { ...toState(r), snapshotHash: r.snapshot_hash }]));
}

/** Snapshots of the given units (all units of the province when `codes` is omitted). */
export async function loadSnapshots(
  db: D1Database,
  provinceId: string,
  codes?: readonly string[],
): Promise<Map<string, UnitSnapshot>> {
  if (codes && codes.length === 0) return new Map();
  const statement = codes
    ? db
        .prepare(
          `SELECT code, data FROM unit_snapshot_parts WHERE province_id = ?1
           AND code IN (SELECT value FROM json_each(?2)) ORDER BY code, part`,
        )
        .bind(provinceId, JSON.stringify(codes))
    : db
        .prepare(
          "SELECT code, data FROM unit_snapshot_parts WHERE province_id = ?1 ORDER BY code, part",
        )
        .bind(provinceId);
  const { results } = await statement.all<{ code: string; data: string }>();
  const joined = new Map<string, string>();
  for (const { code, data } of results) joined.set(code, (joined.get(code) ?? "") + data);
  return new Map([...joined].map(([code, json]) => [code, decodeSnapshot(json)]));
}

/** A unit's state as the JSON object the upserts read with json_extract (`units` columns).
 * `snapshotHash` null keeps the stored hash. */
export function unitRow(state: UnitState, snapshotHash: string | null): Record<string, unknown> {
  return {
    code: state.code,
    position: state.position,
    name: state.name,
    spreadsheet_id: state.spreadsheetId,
    status: state.status,
    error: state.error,
    checked_at: state.checkedAt,
    read_at: state.readAt,
    snapshot_spreadsheet_id: state.snapshotSpreadsheetId,
    snapshot_hash: snapshotHash,
    tab_titles: state.tabTitles ? encodeTabs(state.tabTitles, state.tabSheetIds ?? null) : null,
  };
}

/** Upserts of registered units, in groups under STATEMENT_CHARS: thousands of units bind
 * megabytes of JSON. */
export function upsertUnitStatements(
  db: D1Database,
  provinceId: string,
  rows: readonly Record<string, unknown>[],
): D1PreparedStatement[] {
  const sized = rows.map((row) => ({ row, data: JSON.stringify(row) }));
  return groupBySize(sized).map((group) =>
    upsertUnits(
      db,
      provinceId,
      group.map((g) => g.row),
    ),
  );
}

// All units in one statement: D1 caps bound parameters at 100 per query, not value size.
function upsertUnits(db: D1Database, provinceId: string, rows: readonly Record<string, unknown>[]) {
  return db
    .prepare(
      `INSERT INTO units (province_id, code, position, name, spreadsheet_id, registered, status,
         error, checked_at, read_at, snapshot_spreadsheet_id, snapshot_hash, tab_titles)
       SELECT ?1, json_extract(value, '$.code'), json_extract(value, '$.position'),
         json_extract(value, '$.name'), json_extract(value, '$.spreadsheet_id'), 1,
         json_extract(value, '$.status'), json_extract(value, '$.error'),
         json_extract(value, '$.checked_at'), json_extract(value, '$.read_at'),
         json_extract(value, '$.snapshot_spreadsheet_id'), json_extract(value, '$.snapshot_hash'), json_extract(value, '$.tab_titles')
       FROM json_each(?2) WHERE true
       ON CONFLICT (province_id, code) DO UPDATE SET
         position = excluded.position, name = excluded.name,
         spreadsheet_id = excluded.spreadsheet_id, registered = 1, status = excluded.status,
         error = excluded.error, checked_at = excluded.checked_at, read_at = excluded.read_at,
         snapshot_spreadsheet_id = excluded.snapshot_spreadsheet_id,
         snapshot_hash = coalesce(excluded.snapshot_hash, units.snapshot_hash),
         tab_titles = excluded.tab_titles`,
    )
    .bind(provinceId, JSON.stringify(rows));
}

/** Items in groups of at most STATEMENT_CHARS characters of `data` (one item may exceed it
 * alone), one statement each, under D1's limit on one bound value. */
export function groupBySize<T extends { data: string }>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.data.length > STATEMENT_CHARS) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.data.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function toState(row: UnitRow): UnitState {
  return {
    code: row.code,
    position: row.position,
    name: row.name,
    spreadsheetId: row.spreadsheet_id,
    status: row.status,
    error: row.error,
    checkedAt: row.checked_at,
    readAt: row.read_at,
    snapshotSpreadsheetId: row.snapshot_spreadsheet_id,
    ...decodeTabs(row.tab_titles),
  };
}

// The tabs' sheetIds share the tab-title column (no migration): `{ titles, sheetIds }`;
// a row written before them holds the titles alone and decodes with no sheetIds.
function encodeTabs(titles: TabTitles, sheetIds: TabSheetIds | null): string {
  return JSON.stringify(sheetIds ? { titles, sheetIds } : titles);
}

function decodeTabs(json: string | null): {
  tabTitles: TabTitles | null;
  tabSheetIds: TabSheetIds | null;
} {
  if (!json) return { tabTitles: null, tabSheetIds: null };
  const value = JSON.parse(json) as Record<string, unknown>;
  if (value.titles && typeof value.titles === "object") {
    return {
      tabTitles: value.titles as TabTitles,
      tabSheetIds: (value.sheetIds as TabSheetIds | undefined) ?? null,
    };
  }
  return { tabTitles: value as TabTitles, tabSheetIds: null };
}
