import type { SheetsClient } from "../sheets/client.ts";
import { recentRuns } from "../storage/run-repository.ts";
import { LOG_RUNS, logTab } from "./output/log-tab.ts";
import { planTabs } from "./output/tab-plan.ts";
import { outputProtected } from "./read-province.ts";

/**
 * Writes `Nhật ký` alone, after a run that failed before (or at) its one write: the
 * report tabs keep what the last good run wrote, and the office still sees why this one
 * failed. Best effort: when the province cannot be written at all, D1 and
 * /api/runs/latest are where the reason stays.
 */
export async function writeRunLog(
  client: SheetsClient,
  db: D1Database,
  provinceId: string,
): Promise<boolean> {
  try {
    const spreadsheet = await client.getSpreadsheet(provinceId);
    const runs = await recentRuns(db, provinceId, LOG_RUNS);
    const requests = planTabs(
      spreadsheet.sheets.map((s) => s.properties),
      [logTab(runs)],
      outputProtected(spreadsheet),
    );
    await client.batchUpdate(provinceId, requests);
    return true;
  } catch (error) {
    console.error(JSON.stringify({ event: "log-write-failed", message: String(error) }));
    return false;
  }
}
