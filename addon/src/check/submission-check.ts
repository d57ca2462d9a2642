import { locateHeaderRow } from "../../../shared/header-row.ts";
import type { Issue } from "../../../shared/issue.ts";
import { readSubmissions } from "../../../shared/submission/read-submissions.ts";
import { SUBMISSION_TAB } from "../../../shared/submission/submission-tab.ts";
import type { AddonContext, GasSheet } from "../gas/types.ts";
import { findSubmissionSheet } from "../submission/submission-sheet.ts";
import { readSheetValues } from "./sheet-values.ts";

export interface SubmissionTabCheck {
  readonly sheet: GasSheet;
  readonly values: unknown[][];
  readonly issues: Issue[];
}

/**
 * The `Nộp báo cáo` tab read as the Worker reads it, so a row the province would list as a
 * `Lỗi` (a period or time that cannot be read, a lost header) shows in Kiểm tra dữ liệu
 * first. Each issue gets the column where the tab has it, for the mark and the link.
 */
export function checkSubmissionTab(ctx: AddonContext, timeZone: string): SubmissionTabCheck | null {
  const sheet = findSubmissionSheet(ctx);
  if (!sheet) return null;
  const values = readSheetValues(sheet, timeZone, ctx.formatDate);
  const header = locateHeaderRow(values, SUBMISSION_TAB.columns);
  const issues = readSubmissions(values, timeZone).issues.map((found) => {
    const key = SUBMISSION_TAB.columns.find((c) => c.header === found.column)?.key;
    const index = key === undefined ? undefined : header?.columns.get(key);
    return index === undefined ? found : { ...found, columnIndex: index };
  });
  return { sheet, values, issues };
}
