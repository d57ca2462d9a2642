import type { RunRecord, UnitOutcome } from "./model.ts";
import { countRows } from "./run-counts.ts";

/**
 * The Worker's log lines, one JSON object each: `wrangler tail` shows them, and npm start
 * prints the `unit` lines as progress (tools/local-run/print.ts reads their fields).
 */

export function logUnit(outcome: UnitOutcome, index: number, count: number): void {
  const { state, snapshot } = outcome;
  const fresh = state.status === "fresh" && snapshot !== null;
  log({
    event: "unit",
    index,
    count,
    code: state.code,
    name: state.name,
    status: state.status,
    rows: fresh ? countRows(snapshot.rows) : 0,
    invalidRows: fresh ? snapshot.invalidRows : 0,
    error: state.error,
  });
}

/** The size of the one write, so a province growing towards Google's limit shows. */
export function logOutput(runId: number, bytes: number, shortened: string | null): void {
  log({ event: "output", runId, bytes, shortened });
}

export function logRunFailed(runId: number, message: string): void {
  console.error(JSON.stringify({ event: "run-failed", runId, message }));
}

export function logRun(run: RunRecord): void {
  log({ event: "run", id: run.id, status: run.status, message: run.message });
}

function log(line: Record<string, unknown>): void {
  console.log(JSON.stringify(line));
}
