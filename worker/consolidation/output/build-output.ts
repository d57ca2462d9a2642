import type { SheetsRequest } from "../../sheets/request-types.ts";
import type { SheetProperties } from "../../sheets/types.ts";
import type { RunRecord } from "../../storage/types.ts";
import type { ConsolidationReport } from "../model.ts";
import { detailTabs } from "./detail-tabs.ts";
import { errorsTab } from "./errors-tab.ts";
import { logTab } from "./log-tab.ts";
import { summaryTab } from "./summary-tab.ts";
import { planTabs } from "./tab-plan.ts";

/** Every output tab of a run, as the requests of ONE atomic spreadsheets.batchUpdate. */
export function buildOutputRequests(
  report: ConsolidationReport,
  runs: readonly RunRecord[],
  existingSheets: readonly SheetProperties[],
): SheetsRequest[] {
  return planTabs(existingSheets, [
    summaryTab(report),
    ...detailTabs(report.outcomes, report.period),
    errorsTab(report.provinceIssues, report.outcomes),
    logTab(runs),
  ]);
}
