import { isInPeriod, type Period } from "../../../shared/periods.ts";
import type { CheckIssue } from "../server-api.ts";
import type { OwnSheet } from "./own-sheet.ts";

/**
 * The data check's issues that matter for one period. An error blocks when its row's date
 * is in the period, when the row's date cannot be read (the row may belong to it), or when
 * it is about a whole tab (missing, no header: none of its rows count). A warning is
 * listed when its row is in the period or it is about a whole tab. Rows of other periods
 * do not matter.
 */
export function periodIssues(
  issues: readonly CheckIssue[],
  sheet: Pick<OwnSheet, "rowDate">,
  period: Pick<Period, "from" | "to">,
): { errors: CheckIssue[]; warnings: CheckIssue[] } {
  const errors: CheckIssue[] = [];
  const warnings: CheckIssue[] = [];
  for (const issue of issues) {
    const date = issue.row === null ? undefined : sheet.rowDate(issue.tab, issue.row);
    const inPeriod = date !== undefined && isInPeriod(date, period);
    if (issue.severity === "error") {
      if (issue.row === null || date === undefined || inPeriod) errors.push(issue);
    } else if (issue.row === null || inPeriod) warnings.push(issue);
  }
  return { errors, warnings };
}
