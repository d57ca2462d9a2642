import { findTab } from "../../shared/read-tab.ts";
import { readUnit, type UnitRead } from "../../shared/read-unit.ts";
import type { SubmissionsRead } from "../../shared/submission/read-submissions.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import type { WarningOptions } from "../../shared/warnings.ts";
import {
  a1Range,
  type CellValue,
  isSheetsApiError,
  type SheetsClient,
  type SpreadsheetValues,
} from "../sheets/client.ts";
import { clipColumns, columnsOf, GRID_VALUES_MAX_BYTES } from "../sheets/grid-values.ts";
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
  /** The `Nộp báo cáo` tab, read in the same call as the template tabs (empty when none). */
  readonly submissions: SubmissionsRead;
}

export interface UnitReadLimits {
  /** A whole-spreadsheet read larger than this gives way to the two-call read. */
  readonly maxGridBytes?: number;
}

type Rows = readonly (readonly CellValue[])[];
interface SubmissionTab {
  readonly title: string | null;
  readonly timeZone: string;
}

/**
 * Reads every template tab of one unit in ONE call. Normally a batchGet of the titles the
 * last run found. A unit read for the first time, or whose batchGet Google cannot parse (a
 * tab missing or renamed since), or known to lack a tab (so a tab added later is noticed),
 * takes one spreadsheets.get of every tab's titles and values instead; only when that
 * answer passes `maxGridBytes` (a unit with a huge tab of its own) does it fall back to a
 * spreadsheets.get of the titles and a batchGet of the tabs needed. Rejects with
 * SheetsApiError when the unit is unreadable; missing tabs and bad rows are issues of the
 * result, not failures.
 */
export async function readUnitSheet(
  client: SheetsClient,
  spreadsheetId: string,
  known: TabTitles | null,
  signal?: AbortSignal,
  warnings: WarningOptions = {},
  limits: UnitReadLimits = {},
): Promise<UnitSheetRead> {
  const options = signal ? { signal } : {};
  const guessed = known ? TEMPLATES.map((t) => known[t.id]) : [];
  // `Nộp báo cáo` and the sheet's time zone must be known too (submission-tab-read.ts).
  const submissionTab = knownSubmissionTab(known);
  if (
    known &&
    submissionTab &&
    guessed.every((title) => typeof title === "string" && title !== "")
  ) {
    try {
      return await readTitles(client, spreadsheetId, guessed as string[], options, warnings, {
        submissionTab,
      });
    } catch (error) {
      if (!isSheetsApiError(error) || error.kind !== "invalid-argument") throw error;
    }
  }
  // Listing the tabs finds two whose titles read the same (NFC and NFD), and each tab's
  // sheetId, by which `Lỗi dữ liệu` links a problem to its cell.
  let whole: SpreadsheetValues;
  try {
    whole = await client.getSpreadsheetValues(spreadsheetId, {
      ...options,
      maxBytes: limits.maxGridBytes ?? GRID_VALUES_MAX_BYTES,
    });
  } catch (error) {
    if (!isSheetsApiError(error) || error.kind !== "too-large") throw error;
    return readListedThenTitles(client, spreadsheetId, options, warnings);
  }
  const titles = whole.sheets.map((s) => s.title);
  const chosen = TEMPLATES.map((t) => findTab(t, titles) ?? null);
  const submission = findSubmissionTab(titles);
  const rowsOf = (title: string | null, range: string): Rows | undefined => {
    const sheet = title === null ? undefined : whole.sheets.find((s) => s.title === title);
    return sheet ? clipColumns(sheet.values, columnsOf(range)) : undefined;
  };
  const result = assemble(
    chosen,
    chosen.map((title) => rowsOf(title, TEMPLATE_COLUMNS) ?? []),
    titles,
    { title: submission, timeZone: whole.timeZone || DEFAULT_TIME_ZONE },
    rowsOf(submission, SUBMISSION_COLUMNS),
    warnings,
  );
  return { ...result, sheetIds: sheetIdsOf(chosen, whole.sheets) };
}

/** The two-call read: the tab list, then a batchGet of the tabs needed. */
async function readListedThenTitles(
  client: SheetsClient,
  spreadsheetId: string,
  options: { signal?: AbortSignal },
  warnings: WarningOptions,
): Promise<UnitSheetRead> {
  const spreadsheet = await client.getSpreadsheet(
    spreadsheetId,
    "properties(timeZone),sheets(properties(sheetId,title))",
    options,
  );
  const titles = spreadsheet.sheets.map((s) => s.properties.title);
  const chosen = TEMPLATES.map((t) => findTab(t, titles) ?? null);
  const result = await readTitles(client, spreadsheetId, chosen, options, warnings, {
    allTitles: titles,
    submissionTab: {
      title: findSubmissionTab(titles),
      timeZone: spreadsheet.properties?.timeZone || DEFAULT_TIME_ZONE,
    },
  });
  const sheets = spreadsheet.sheets.map((s) => ({
    title: s.properties.title,
    sheetId: s.properties.sheetId,
  }));
  return { ...result, sheetIds: sheetIdsOf(chosen, sheets) };
}

function sheetIdsOf(
  chosen: readonly (string | null)[],
  sheets: readonly { readonly title: string; readonly sheetId?: number | undefined }[],
): TabSheetIds {
  const sheetIds: Record<string, number> = {};
  TEMPLATES.forEach((t, i) => {
    const id = sheets.find((s) => s.title === chosen[i])?.sheetId;
    if (id !== undefined) sheetIds[t.id] = id;
  });
  return sheetIds;
}

/** One batchGet of the given template titles and `Nộp báo cáo`. `allTitles`: every tab
 * when known, so that two tabs whose titles read the same are reported. */
async function readTitles(
  client: SheetsClient,
  spreadsheetId: string,
  titles: readonly (string | null | undefined)[],
  options: { signal?: AbortSignal },
  warnings: WarningOptions,
  tabs: { readonly allTitles?: readonly string[]; readonly submissionTab: SubmissionTab },
): Promise<UnitSheetRead> {
  const present = titles.filter((t): t is string => typeof t === "string" && t !== "");
  const { submissionTab } = tabs;
  const { valueRanges } = await client.batchGetValues(
    spreadsheetId,
    [
      ...present.map((title) => a1Range(title, TEMPLATE_COLUMNS)),
      ...(submissionTab.title ? [a1Range(submissionTab.title, SUBMISSION_COLUMNS)] : []),
    ],
    options,
  );
  return assemble(
    present,
    present.map((_, i) => valueRanges[i]?.values ?? []),
    tabs.allTitles ?? [],
    submissionTab,
    submissionTab.title ? valueRanges[present.length]?.values : undefined,
    warnings,
    titles,
  );
}

/** The unit read from its tabs' rows, however they were fetched. `read[i]` holds the rows
 * of `readTitles[i]` (null: that template has no tab). */
function assemble(
  readTitles: readonly (string | null)[],
  read: readonly Rows[],
  allTitles: readonly string[],
  submissionTab: SubmissionTab,
  submissionRows: Rows | undefined,
  warnings: WarningOptions,
  templateTitles: readonly (string | null | undefined)[] = readTitles,
): Omit<UnitSheetRead, "sheetIds"> & { readonly sheetIds: null } {
  const values = new Map<string, CellValue[][]>();
  readTitles.forEach((title, i) => {
    if (title !== null)
      values.set(
        title,
        (read[i] ?? []).map((row) => [...row]),
      );
  });
  const others = allTitles.filter((title) => !values.has(title)).map((title) => ({ title }));
  const tabs = [...[...values].map(([title, rows]) => ({ title, values: rows })), ...others];
  const found: Record<string, string | null> = {};
  TEMPLATES.forEach((t, i) => {
    found[t.id] = templateTitles[i] ?? null;
  });
  return {
    read: readUnit(tabs, warnings),
    titles: withSubmissionTab(found, submissionTab.title, submissionTab.timeZone),
    sheetIds: null,
    submissions: readSubmissionTab(submissionRows, submissionTab.timeZone),
  };
}
