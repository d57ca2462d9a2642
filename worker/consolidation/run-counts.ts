import type { UnitRows } from "../../shared/read-unit.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { type RunCounts, type UnitOutcome, zeroCounts } from "./model.ts";

/** The counts of a run as `Nhật ký` and /api/runs/latest show them. */
export function countRun(outcomes: readonly UnitOutcome[], provinceIssues: number): RunCounts {
  const counts = { ...zeroCounts(), unitsTotal: outcomes.length, issues: provinceIssues };
  for (const { state, snapshot } of outcomes) {
    if (state.status === "fresh") counts.unitsFresh++;
    if (state.status === "stale") counts.unitsStale++;
    if (state.status === "unreadable") counts.unitsUnreadable++;
    if (state.status === "missing") counts.unitsMissing++;
    if (state.error && state.status !== "missing") counts.issues++;
    if (snapshot) {
      counts.rowsValid += countRows(snapshot.rows);
      counts.rowsInvalid += snapshot.invalidRows;
      counts.issues += snapshot.issues.length;
    }
  }
  return counts;
}

/** Valid rows of a unit over every template. */
export function countRows(rows: UnitRows): number {
  return TEMPLATES.reduce((n, t) => n + (rows[t.id] as readonly unknown[]).length, 0);
}
