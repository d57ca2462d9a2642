import type { SheetsClient } from "../sheets/client.ts";
import { recentRuns } from "../storage/run-repository.ts";
import type { RunRecord } from "./model.ts";
import { LOG_RUNS, logTab } from "./output/log-tab.ts";
import { planTabs } from "./output/tab-plan.ts";
import { outputProtected, type ProvinceRead } from "./read-province.ts";

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
    const tabs = {
      sheets: spreadsheet.sheets.map((s) => s.properties),
      protectedSheetIds: outputProtected(spreadsheet),
    };
    await writeLog(client, provinceId, tabs, await recentRuns(db, provinceId, LOG_RUNS));
    return true;
  } catch (error) {
    console.error(JSON.stringify({ event: "log-write-failed", message: String(error) }));
    return false;
  }
}

/**
 * Writes `Nhật ký` alone, with this run in it, into the province's tabs as this run knows
 * them (no read first): the hourly sign of life of a run that found nothing new. Google's
 * refusal propagates, as the report's would (the caller's writeProvince retries a refusal
 * caused by remembered tabs that are gone).
 */
export async function writeLogOnly(
  client: SheetsClient,
  db: D1Database,
  input: {
    readonly province: ProvinceRead;
    readonly provinceId: string;
    readonly thisRun: RunRecord;
  },
): Promise<void> {
  const { province, provinceId, thisRun } = input;
  const earlier = (await recentRuns(db, provinceId, LOG_RUNS)).filter((r) => r.id !== thisRun.id);
  await writeLog(client, provinceId, province, [...earlier, thisRun]);
}

/** `Nhật ký` from `runs`, alone in one batchUpdate, into the province's tabs as given. */
async function writeLog(
  client: SheetsClient,
  provinceId: string,
  tabs: Pick<ProvinceRead, "sheets" | "protectedSheetIds">,
  runs: readonly RunRecord[],
): Promise<void> {
  const requests = planTabs(tabs.sheets, [logTab(runs)], tabs.protectedSheetIds);
  await client.batchUpdate(provinceId, requests);
}
