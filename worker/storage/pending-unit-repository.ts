import type { UnitSnapshot, UnitState } from "../consolidation/model.ts";
import {
  closeCycleStatement,
  discardPendingStatements,
  type ReadCycle,
} from "./read-cycle-repository.ts";
import { decodeSnapshot, encodeSnapshot, sha256Hex, splitParts } from "./snapshot-codec.ts";
import {
  groupBySize,
  toState,
  type UnitRow,
  unitRow,
  upsertUnitStatements,
} from "./unit-repository.ts";

/**
 * Units read in the open cycle and not yet published (migration 0005): saved as they are
 * read, so a run stopped or killed mid-way loses nothing it read, and made the published
 * state in the same D1 transaction as the rest of the publication, once the sheet is written.
 */

/** A unit read in the open cycle. */
export interface PendingUnit extends UnitState {
  /** Hash of the read's snapshot (fresh reads only). */
  readonly snapshotHash: string | null;
  /** The snapshot is in pending_snapshot_parts (else it equals the published one). */
  readonly hasParts: boolean;
}

/** A unit just read: its state and, when read now, its snapshot. */
export interface PendingEntry {
  readonly state: UnitState;
  readonly snapshot: UnitSnapshot | null;
}

/**
 * Saves `entries` as pending in ONE D1 batch (a unit's state and its snapshot parts land
 * together), statements under 1 MB each. A snapshot equal to the published one (same hash
 * as `publishedHashes` holds) is not copied. Resolves with each saved code's hash.
 */
export async function savePending(
  db: D1Database,
  provinceId: string,
  cycle: number,
  entries: readonly PendingEntry[],
  publishedHashes: ReadonlyMap<string, string | null>,
): Promise<Map<string, string | null>> {
  const hashes = new Map<string, string | null>();
  if (entries.length === 0) return hashes;
  const rows: Record<string, unknown>[] = [];
  const parts: { code: string; part: number; data: string }[] = [];
  for (const { state, snapshot } of entries) {
    let hash: string | null = null;
    if (snapshot && state.status === "fresh") {
      const json = encodeSnapshot(snapshot);
      hash = await sha256Hex(json);
      if (publishedHashes.get(state.code) !== hash) {
        splitParts(json).forEach((data, part) => {
          parts.push({ code: state.code, part, data });
        });
      }
    }
    hashes.set(state.code, hash);
    rows.push(unitRow(state, hash));
  }
  const codes = JSON.stringify(entries.map((e) => e.state.code));
  const statements: D1PreparedStatement[] = [
    // A unit read again in the cycle (its spreadsheet changed) keeps no part of the old read.
    db
      .prepare(
        `DELETE FROM pending_snapshot_parts WHERE province_id = ?1 AND cycle = ?2
         AND code IN (SELECT value FROM json_each(?3))`,
      )
      .bind(provinceId, cycle, codes),
  ];
  for (const group of groupBySize(rows.map((row) => ({ row, data: JSON.stringify(row) })))) {
    statements.push(
      upsertPending(
        db,
        provinceId,
        cycle,
        group.map((g) => g.row),
      ),
    );
  }
  for (const group of groupBySize(parts)) {
    statements.push(
      db
        .prepare(
          `INSERT INTO pending_snapshot_parts (province_id, cycle, code, part, data)
           SELECT ?1, ?2, json_extract(value, '$.code'), json_extract(value, '$.part'),
             json_extract(value, '$.data')
           FROM json_each(?3)`,
        )
        .bind(provinceId, cycle, JSON.stringify(group)),
    );
  }
  await db.batch(statements);
  return hashes;
}

function upsertPending(
  db: D1Database,
  provinceId: string,
  cycle: number,
  rows: readonly Record<string, unknown>[],
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR REPLACE INTO pending_units (province_id, cycle, code, position, name,
         spreadsheet_id, status, error, checked_at, read_at, snapshot_spreadsheet_id,
         snapshot_hash, tab_titles)
       SELECT ?1, ?2, json_extract(value, '$.code'), json_extract(value, '$.position'),
         json_extract(value, '$.name'), json_extract(value, '$.spreadsheet_id'),
         json_extract(value, '$.status'), json_extract(value, '$.error'),
         json_extract(value, '$.checked_at'), json_extract(value, '$.read_at'),
         json_extract(value, '$.snapshot_spreadsheet_id'), json_extract(value, '$.snapshot_hash'),
         json_extract(value, '$.tab_titles')
       FROM json_each(?3)`,
    )
    .bind(provinceId, cycle, JSON.stringify(rows));
}

/** The units read so far in `cycle`, by code. */
export async function loadPending(
  db: D1Database,
  provinceId: string,
  cycle: number,
): Promise<Map<string, PendingUnit>> {
  const { results } = await db
    .prepare(
      `SELECT p.code, p.position, p.name, p.spreadsheet_id, p.status, p.error, p.checked_at,
         p.read_at, p.snapshot_spreadsheet_id, p.snapshot_hash, p.tab_titles,
         EXISTS (SELECT 1 FROM pending_snapshot_parts s WHERE s.province_id = p.province_id
           AND s.cycle = p.cycle AND s.code = p.code) AS has_parts
       FROM pending_units p WHERE p.province_id = ?1 AND p.cycle = ?2`,
    )
    .bind(provinceId, cycle)
    .all<UnitRow & { has_parts: number }>();
  return new Map(
    results.map((r) => [
      r.code,
      { ...toState(r), snapshotHash: r.snapshot_hash, hasParts: r.has_parts === 1 },
    ]),
  );
}

/** The pending snapshots of `codes` in `cycle` (codes without parts are absent). */
export async function loadPendingSnapshots(
  db: D1Database,
  provinceId: string,
  cycle: number,
  codes: readonly string[],
): Promise<Map<string, UnitSnapshot>> {
  if (codes.length === 0) return new Map();
  const { results } = await db
    .prepare(
      `SELECT code, data FROM pending_snapshot_parts WHERE province_id = ?1 AND cycle = ?2
       AND code IN (SELECT value FROM json_each(?3)) ORDER BY code, part`,
    )
    .bind(provinceId, cycle, JSON.stringify(codes))
    .all<{ code: string; data: string }>();
  const joined = new Map<string, string>();
  for (const { code, data } of results) joined.set(code, (joined.get(code) ?? "") + data);
  return new Map([...joined].map(([code, json]) => [code, decodeSnapshot(json)]));
}

/**
 * Publishes the cycle in ONE D1 transaction: the registry becomes `states` (units not in it
 * are kept, unregistered), each unit read in the cycle gets its pending snapshot, the
 * pending rows are dropped and the cycle is closed. Binds only states and codes (under
 * 1 MB a statement): the snapshots move inside D1.
 */
export async function publishCycle(
  db: D1Database,
  provinceId: string,
  cycle: ReadCycle,
  /** Every registered unit's state now, with the hash of a snapshot read in the cycle. */
  units: readonly { readonly state: UnitState; readonly snapshotHash: string | null }[],
): Promise<void> {
  const fromCycle = JSON.stringify(units.filter((u) => u.snapshotHash).map((u) => u.state.code));
  const moved = `SELECT DISTINCT code FROM pending_snapshot_parts WHERE province_id = ?1
    AND cycle = ?2 AND code IN (SELECT value FROM json_each(?3))`;
  await db.batch([
    db.prepare("UPDATE units SET registered = 0 WHERE province_id = ?1").bind(provinceId),
    ...upsertUnitStatements(
      db,
      provinceId,
      units.map((u) => unitRow(u.state, u.snapshotHash)),
    ),
    db
      .prepare(`DELETE FROM unit_snapshot_parts WHERE province_id = ?1 AND code IN (${moved})`)
      .bind(provinceId, cycle.id, fromCycle),
    db
      .prepare(
        `INSERT INTO unit_snapshot_parts (province_id, code, part, data)
         SELECT province_id, code, part, data FROM pending_snapshot_parts
         WHERE province_id = ?1 AND cycle = ?2 AND code IN (SELECT value FROM json_each(?3))`,
      )
      .bind(provinceId, cycle.id, fromCycle),
    ...discardPendingStatements(db, provinceId),
    closeCycleStatement(db, provinceId, cycle),
  ]);
}
