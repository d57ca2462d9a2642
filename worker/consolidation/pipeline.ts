import type { RunOutcome } from "../storage/run-repository.ts";
import { loadKnownUnits } from "../storage/unit-repository.ts";
import { aggregateReport } from "./aggregate-report.ts";
import { cycleMessage, forcedMessage } from "./cycle-messages.ts";
import { writeNeeded } from "./province-inputs.ts";
import { reportPeriod } from "./report-period.ts";
import type { ConsolidationDeps, ConsolidationOptions } from "./run-consolidation.ts";
import { endedOutcome, pauseCycle, publishQuietly, writeAndPublish } from "./run-endings.ts";
import type { RunLease } from "./run-lease.ts";
import { joinNotes, registryMessage } from "./run-messages.ts";
import { readThisRun } from "./run-read.ts";
import { sourceOfRun } from "./run-source.ts";
import { judgeRunSubmissions } from "./submission-step.ts";

/**
 * One run of a province, top to bottom: registry → read this run's share of the cycle
 * (each read saved as pending as it goes) → once every unit is in: submissions →
 * aggregate → write the provincial spreadsheet → publish the reads to the API.
 * Runs under the province's lease (run-consolidation.ts).
 */
export async function consolidate(
  deps: ConsolidationDeps,
  options: ConsolidationOptions,
  run: { readonly runId: number; readonly startedAt: string; readonly note: string | null },
  lease: RunLease,
): Promise<RunOutcome> {
  const { db, clock } = deps;
  const { provinceId } = options;

  const { stored, listing, source } = await sourceOfRun(deps, provinceId);
  const { province } = source;
  if (province.registry.unusable) {
    // The report tabs keep their last content; Nhật ký and the API say why.
    return endedOutcome("failed", clock, registryMessage(province.registry.unusable));
  }
  const period = reportPeriod(province.settings, clock.now());
  const units = province.registry.units;
  const known = await loadKnownUnits(db, provinceId);

  const { cycle, maxRuns, read } = await readThisRun(deps, {
    ...options,
    run,
    lease,
    listing,
    withDrive: deps.drive !== undefined,
    units,
    known,
    period,
    onUnit: deps.onUnit,
  });
  if (!read.complete) {
    return pauseCycle(clock, lease, { read, units, cycle, maxRuns, period, note: run.note });
  }
  const { outcomes, cycleHashes } = read.complete;
  const note = joinNotes(
    run.note,
    cycle.invocations > 1 ? cycleMessage(cycle.invocations, cycle.startedAt) : null,
    read.notRead > 0 ? forcedMessage(read.notRead, cycle.invocations) : null,
  );
  const submissions = await judgeRunSubmissions(db, provinceId, {
    outcomes,
    known,
    period,
    due: province.settings.due,
  });
  const published = { provinceId, cycle, outcomes, cycleHashes };
  const thisRun = { ...run, trigger: options.trigger };

  // Nothing new to show: no report written, so a quiet 5-minute run costs a few Google
  // calls (and, once an hour, a small write of Nhật ký).
  const need = await writeNeeded({ stored, province, period, now: clock.now(), outcomes, known });
  if (need !== "report") {
    const quiet = { ...published, stored, source, period, note, run: thisRun };
    return publishQuietly(deps, lease, { ...quiet, logOnly: need === "log" });
  }
  const finishedAt = new Date(clock.now()).toISOString();
  const report = {
    ...aggregateReport({ ...province, spreadsheetId: provinceId }, outcomes, period, finishedAt),
    submissions,
  };
  return writeAndPublish(deps, lease, {
    ...published,
    stored,
    source,
    period,
    note,
    report,
    finishedAt,
    run: thisRun,
    outputBudgetBytes: options.outputBudgetBytes,
    rememberProvince: deps.drive !== undefined,
  });
}
