import { isSheetsApiError, type SheetsClient } from "../sheets/client.ts";
import { recentRuns } from "../storage/run-repository.ts";
import type { ConsolidationReport, RunRecord } from "./model.ts";
import { buildOutput } from "./output/build-output.ts";
import { LOG_RUNS } from "./output/log-tab.ts";
import { describeRefusedWrite, OutputRefusedError } from "./output/write-refusal.ts";
import type { ProvinceRead } from "./read-province.ts";
import { logOutput } from "./run-log.ts";
import { joinNotes } from "./run-messages.ts";

/**
 * Writes every output tab of the province in ONE spreadsheets.batchUpdate (all or
 * nothing), `Nhật ký` listing this run as `thisRun`. Resolves with this run's message:
 * its own note plus what had to be left out to fit Google's request limit.
 */
export async function writeReport(
  client: SheetsClient,
  db: D1Database,
  input: {
    readonly province: ProvinceRead;
    readonly provinceId: string;
    readonly report: ConsolidationReport;
    readonly thisRun: RunRecord;
    readonly budgetBytes?: number | undefined;
  },
): Promise<string | null> {
  const { thisRun } = input;
  const earlier = (await recentRuns(db, input.provinceId, LOG_RUNS)).filter(
    (r) => r.id !== thisRun.id,
  );
  const plan = buildOutput({
    report: input.report,
    runs: (shortened) => [
      ...earlier.slice(-(LOG_RUNS - 1)),
      { ...thisRun, message: joinNotes(thisRun.message, shortened) },
    ],
    existingSheets: input.province.sheets,
    existingChartIds: input.province.chartIds,
    wording: input.province.wording,
    protectedSheetIds: input.province.protectedSheetIds,
    ...(input.budgetBytes === undefined ? {} : { budgetBytes: input.budgetBytes }),
  });
  logOutput(thisRun.id, plan.bytes, plan.shortened);
  try {
    await client.batchUpdate(input.provinceId, plan.requests);
  } catch (error) {
    // Refused as invalid: say what Google objected to, not "check the tab names".
    if (isSheetsApiError(error) && error.kind === "invalid-argument") {
      throw new OutputRefusedError(describeRefusedWrite(error.message, plan.bytes));
    }
    throw error;
  }
  return joinNotes(thisRun.message, plan.shortened);
}
