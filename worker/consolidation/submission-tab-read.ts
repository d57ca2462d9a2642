import { readSubmissions, type SubmissionsRead } from "../../shared/submission/read-submissions.ts";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";
import { foldKey } from "../../shared/text/fold.ts";
import type { TabTitles } from "./model.ts";
import { knownTimeZone, SUBMISSION_TAB_KEY, TIME_ZONE_KEY } from "./submissions.ts";

/**
 * The `Nộp báo cáo` tab rides in the unit's one batchGet with the template tabs. Its
 * title and the sheet's time zone (a `Thời điểm nộp` serial is a wall-clock time there)
 * are learned by the same spreadsheets.get as the template titles and stored with them.
 */

/** Columns of the tab: seven, a few spare for a unit that adds its own. */
export const SUBMISSION_COLUMNS = "A1:J";
/** The zone assumed when Google does not say: the sheets this product serves are in Vietnam. */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** The tab's title as this spreadsheet spells it (case, NFC, spacing), or null. */
export function findSubmissionTab(titles: readonly string[]): string | null {
  const key = foldKey(SUBMISSION_TAB.title);
  return titles.find((title) => foldKey(title) === key) ?? null;
}

/**
 * What the stored titles say of the tab: its title and the zone when both were learned
 * and the tab exists. Null asks for a spreadsheets.get: the unit was read by older code,
 * or has no such tab yet (so its first submission is seen at the next run).
 */
export function knownSubmissionTab(
  known: TabTitles | null,
): { readonly title: string; readonly timeZone: string } | null {
  const title = known?.[SUBMISSION_TAB_KEY];
  const timeZone = knownTimeZone(known);
  return typeof title === "string" && title !== "" && timeZone ? { title, timeZone } : null;
}

/** The stored titles with the tab's title (null: none) and the sheet's zone. */
export function withSubmissionTab(
  titles: Record<string, string | null>,
  tab: string | null,
  timeZone: string,
): TabTitles {
  return { ...titles, [SUBMISSION_TAB_KEY]: tab, [TIME_ZONE_KEY]: timeZone };
}

/** The tab's rows as submissions (an absent tab reads as none). */
export function readSubmissionTab(
  values: readonly (readonly unknown[])[] | undefined,
  timeZone: string,
): SubmissionsRead {
  return readSubmissions(values, timeZone);
}
