import type { Submission } from "../../shared/submission/submission-status.ts";

/**
 * What the run remembers about submission rows, as the domain sees it; storage
 * (worker/storage/submission-repository.ts) maps these to and from D1.
 */

/** When the Worker first saw a submission row, and the read before that missed it. */
export interface Sighting {
  /** ISO instant of the run that first read the row. */
  readonly firstSeenAt: string;
  /** ISO instant of the unit's last successful read before, which did not have the row. */
  readonly readBefore: string | null;
}

/** A row seen in a unit's `Nộp báo cáo` tab in this run. */
export interface SeenRow {
  readonly code: string;
  readonly submission: Submission;
  readonly seenAt: string;
  readonly readBefore: string | null;
}

type Identity = Pick<Submission, "periodId" | "rule" | "submittedAt" | "fingerprint">;

/** The key a row is remembered by: what it states, not where it sits in the tab. */
export function sightingKey(code: string, s: Identity): string {
  return JSON.stringify([code, s.periodId, s.rule, s.submittedAt, s.fingerprint]);
}
