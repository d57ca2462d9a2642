import type { DueSetting } from "../../shared/province-settings.ts";
import type { Submission } from "../../shared/submission/submission-status.ts";
import { type SeenRow, type Sighting, sightingKey } from "../consolidation/sightings.ts";

/**
 * Remembers every row not seen before, in one statement (rows already known keep their
 * first sighting). D1 binds one JSON value, so the row count is not bound by its
 * parameter limit.
 */
export async function recordSightings(
  db: D1Database,
  provinceId: string,
  rows: readonly SeenRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({
    code: r.code,
    period: r.submission.periodId,
    rule: r.submission.rule,
    at: r.submission.submittedAt,
    fp: r.submission.fingerprint,
    seen: r.seenAt,
    before: r.readBefore,
  }));
  await db
    .prepare(
      `INSERT INTO submission_sightings
         (province_id, code, period_id, rule, submitted_at, fingerprint, first_seen_at, read_before)
       SELECT ?1, json_extract(value, '$.code'), json_extract(value, '$.period'),
         json_extract(value, '$.rule'), json_extract(value, '$.at'), json_extract(value, '$.fp'),
         json_extract(value, '$.seen'), json_extract(value, '$.before')
       FROM json_each(?2) WHERE true
       ON CONFLICT DO NOTHING`,
    )
    .bind(provinceId, JSON.stringify(values))
    .run();
}

/** Every remembered row of a province (of one period when given), by sightingKey. */
export async function loadSightings(
  db: D1Database,
  provinceId: string,
  periodId?: string,
): Promise<Map<string, Sighting>> {
  const statement =
    periodId === undefined
      ? db
          .prepare(
            `SELECT code, period_id, rule, submitted_at, fingerprint, first_seen_at, read_before
             FROM submission_sightings WHERE province_id = ?1`,
          )
          .bind(provinceId)
      : db
          .prepare(
            `SELECT code, period_id, rule, submitted_at, fingerprint, first_seen_at, read_before
             FROM submission_sightings WHERE province_id = ?1 AND period_id = ?2`,
          )
          .bind(provinceId, periodId);
  const { results } = await statement.all<{
    code: string;
    period_id: string;
    rule: Submission["rule"];
    submitted_at: number;
    fingerprint: string;
    first_seen_at: string;
    read_before: string | null;
  }>();
  return new Map(
    results.map((r) => [
      sightingKey(r.code, {
        periodId: r.period_id,
        rule: r.rule,
        submittedAt: r.submitted_at,
        fingerprint: r.fingerprint,
      }),
      { firstSeenAt: r.first_seen_at, readBefore: r.read_before },
    ]),
  );
}

/** The province's `Hạn nộp` as a run read it, with the period it reported. */
export interface StoredDue {
  readonly due: DueSetting;
  /** The period `Kỳ báo cáo` named then (null: stored by older code). */
  readonly periodId: string | null;
}

/** Keeps the province's `Hạn nộp` for GET /api/totals. */
export async function saveDueSetting(
  db: D1Database,
  provinceId: string,
  stored: { readonly due: DueSetting; readonly periodId: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO province_due (province_id, due) VALUES (?1, ?2)
       ON CONFLICT (province_id) DO UPDATE SET due = excluded.due`,
    )
    .bind(provinceId, JSON.stringify({ ...stored.due, periodId: stored.periodId }))
    .run();
}

/** The `Hạn nộp` the latest run read, or null before any run has. */
export async function loadDueSetting(
  db: D1Database,
  provinceId: string,
): Promise<StoredDue | null> {
  const row = await db
    .prepare("SELECT due FROM province_due WHERE province_id = ?1")
    .bind(provinceId)
    .first<{ due: string }>();
  if (!row) return null;
  const { periodId, ...due } = JSON.parse(row.due) as DueSetting & { periodId?: string };
  return { due, periodId: typeof periodId === "string" ? periodId : null };
}
