import { findTab } from "../../shared/read-tab.ts";
import { readUnit, type UnitRead } from "../../shared/read-unit.ts";
import type { SubmissionsRead } from "../../shared/submission/read-submissions.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import type { WarningOptions } from "../../shared/warnings.ts";
import { a1Range, isSheetsApiError, type SheetsClient } from "../sheets/client.ts";
import type { TabSheetIds, TabTitles } from "./model.ts";
import {
  DEFAULT_TIME_ZONE,
  findSubmissionTab,
  knownSubmissionTab,
  readSubmissionTab,
  SUBMISSION_COLUMNS,
  withSubmissionTab,
} from "./submission-tab-read.ts";

/** Columns read per template tab: the templates use 4–9, extra columns are ignored. */
export const TEMPLATE_COLUMNS = "A1:Z";

export interface UnitSheetRead {
  readonly read: UnitRead;
  /** The tab titles found, by template id (null: missing), for the next run. */
  readonly titles: TabTitles;
  /** Each found tab's sheetId, when this read listed the tabs (else null: keep the known). */
  readonly sheetIds: TabSheetIds | null;
  /** The `Nộp báo cáo` tab, read in the same batchGet (empty when the sheet has none). */
  readonly submissions: SubmissionsRead;
}

/**
 * Reads every template tab of one unit, normally in ONE batchGet of the titles the last
 * run found. A unit read for the first time, or whose batchGet Google cannot parse (a tab
 * missing or renamed since), takes one spreadsheets.get for the real titles and one
 * batchGet of the tabs that exist; a unit known to lack a tab goes that way directly, so
 * a tab added later is noticed. Rejects with SheetsApiError when the unit is unreadable;
 * missing tabs and bad rows are issues of the result, not failures.
 */
export async function readUnitSheet(
  client: SheetsClient,
  spreadsheetId: string,
  known: TabTitles | null,
  signal?: AbortSignal,
  warnings: WarningOptions = {},
): Promise<UnitSheetRead> {
  const options = signal ? { signal } : {};
  // A unit read for the first time has its tabs listed: two tabs whose titles read the
  // same are found then (and whenever a tab goes missing or is renamed).
  const guessed = known ? TEMPLATES.map((t) => known[t.id]) : [];
  // `Nộp báo cáo` and the sheet's time zone must be known too (submission-tab-read.ts).
  const submissionTab = knownSubmissionTab(known);
  if (
    known &&
    submissionTab &&
    guessed.every((title) => typeof title === "string" && title !== "")
  ) {
    try {
      return await readTitles(
        client,
        spreadsheetId,
        guessed as string[],
        [],
        options,
        warnings,
        submissionTab,
      );
    } catch (error) {
      if (!isSheetsApiError(error) || error.kind !== "invalid-argument") throw error;
    }
  }
  // With each tab's sheetId: `Lỗi dữ liệu` links a problem to its cell by it.
  const spreadsheet = await client.getSpreadsheet(
    spreadsheetId,
    "properties(timeZone),sheets(properties(sheetId,title))",
    options,
  );
  const titles = spreadsheet.sheets.map((s) => s.properties.title);
  const chosen = TEMPLATES.map((t) => findTab(t, titles) ?? null);
  const sheetIds: Record<string, number> = {};
  TEMPLATES.forEach((t, i) => {
    const sheet = spreadsheet.sheets.find((s) => s.properties.title === chosen[i]);
    const id = sheet?.properties.sheetId;
    if (id !== undefined) sheetIds[t.id] = id;
  });
  const result = await readTitles(client, spreadsheetId, chosen, titles, options, warnings, {
    title: findSubmissionTab(titles),
    timeZone: spreadsheet.properties?.timeZone || DEFAULT_TIME_ZONE,
  });
  return { ...result, sheetIds };
}

/** `allTitles`: every tab of the spreadsheet when known, so that two tabs whose titles
 * read the same (NFC and NFD) are reported rather than one ignored silently. */
async function readTitles(
  client: SheetsClient,
  spreadsheetId: string,
  titles: readonly (string | null | undefined)[],
  allTitles: readonly string[],
  options: { signal?: AbortSignal },
  warnings: WarningOptions,
  submissionTab: { readonly title: string | null; readonly timeZone: string },
): Promise<UnitSheetRead> {
  const present = titles.filter((t): t is string => typeof t === "string" && t !== "");
  const { valueRanges } = await client.batchGetValues(
    spreadsheetId,
    [
      ...present.map((title) => a1Range(title, TEMPLATE_COLUMNS)),
      ...(submissionTab.title ? [a1Range(submissionTab.title, SUBMISSION_COLUMNS)] : []),
    ],
    options,
  );
  const submissions = readSubmissionTab(
    submissionTab.title ? valueRanges[present.length]?.values : undefined,
    submissionTab.timeZone,
  );
  const read = new Map(
    present.map((title, i) => [title, (valueRanges[i]?.values ?? []).map((row) => [...row])]),
  );
  const others = allTitles.filter((title) => !read.has(title)).map((title) => ({ title }));
  const tabs = [...[...read].map(([title, values]) => ({ title, values })), ...others];
  const found: Record<string, string | null> = {};
  TEMPLATES.forEach((t, i) => {
    found[t.id] = titles[i] ?? null;
  });
  return {
    read: readUnit(tabs, warnings),
    titles: withSubmissionTab(found, submissionTab.title, submissionTab.timeZone),
    sheetIds: null,
    submissions,
  };
}
