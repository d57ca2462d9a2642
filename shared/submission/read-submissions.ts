import { parseCount } from "../cells/parse-count.ts";
import { parseDate } from "../cells/parse-date.ts";
import { locateHeaderRow } from "../header-row.ts";
import { type Issue, issue } from "../issue.ts";
import { DEFAULT_PERIOD_RULE, resolvePeriod } from "../periods.ts";
import { parseRule, RULE_LABELS } from "../province-settings.ts";
import { displayValue, isBlank, normalizeText } from "../text/fold.ts";
import type { Submission } from "./submission-status.ts";
import { SUBMISSION_TAB, type SubmissionKey } from "./submission-tab.ts";
import { serialToInstant, wallClockToInstant } from "./zone-time.ts";

export interface SubmissionsRead {
  readonly submissions: Submission[];
  /** Rows that cannot be a submission (no period, no time), listed and left out. */
  readonly issues: Issue[];
}

const TAB = SUBMISSION_TAB.title;
const header = (key: SubmissionKey) => SUBMISSION_TAB.columns.find((c) => c.key === key)!.header;
// `dd/mm/yyyy hh:mm[:ss]` as a person would type a time into the tab.
const TEXT_TIME = /^(.+?)\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads the `Nộp báo cáo` tab (values as the Sheets API returns them, or `getValues()` in
 * the add-on: a time may be a serial in `timeZone`, a Date, or text). Never throws.
 */
export function readSubmissions(
  values: readonly (readonly unknown[] | null | undefined)[] | undefined,
  timeZone = "Asia/Ho_Chi_Minh",
): SubmissionsRead {
  const rows = values ?? [];
  const found = locateHeaderRow(rows, SUBMISSION_TAB.columns);
  const submissions: Submission[] = [];
  const issues: Issue[] = [];
  if (!found) {
    if (rows.some((r) => Array.isArray(r) && r.some((c) => !isBlank(c)))) {
      issues.push(
        issue(
          "error",
          { tab: TAB },
          `không tìm thấy dòng tiêu đề (${SUBMISSION_TAB.columns.map((c) => c.header).join(" | ")}). Hãy nộp lại báo cáo bằng tiện ích để tạo lại trang này.`,
        ),
      );
    }
    return { submissions, issues };
  }
  for (let r = found.headerRow; r < rows.length; r++) {
    const cells = rows[r];
    if (!Array.isArray(cells)) continue;
    const cell = (key: SubmissionKey) => {
      const c = found.columns.get(key);
      return c === undefined ? null : cells[c];
    };
    if (SUBMISSION_TAB.columns.every((c) => isBlank(cell(c.key)))) continue;
    const sheetRow = r + 1;
    const problem = (key: SubmissionKey, text: string) =>
      issues.push(
        issue(
          "error",
          { tab: TAB, row: sheetRow, column: header(key), value: displayValue(cell(key)) },
          text,
        ),
      );
    const rule = isBlank(cell("rule")) ? DEFAULT_PERIOD_RULE : parseRule(cell("rule"));
    if (rule === null) {
      problem("rule", `hãy ghi "${RULE_LABELS.decree09}" hoặc "${RULE_LABELS.calendar}".`);
      continue;
    }
    const period = resolvePeriod(displayValue(cell("period")), rule);
    if (!period) {
      problem(
        "period",
        "kỳ báo cáo phải có dạng 2026, 2026-Q1…2026-Q4, 2026-H1, 2026-H2 hoặc 2026-9M.",
      );
      continue;
    }
    const submittedAt = readInstant(cell("submittedAt"), timeZone);
    if (submittedAt === null) {
      problem("submittedAt", "không đọc được thời điểm nộp; hãy ghi dạng dd/mm/yyyy hh:mm.");
      continue;
    }
    const count = parseCount(cell("rows"));
    submissions.push({
      sheetRow,
      periodId: period.id,
      rule,
      submittedAt,
      by: text(cell("by")),
      rows: count.ok ? count.value : null,
      fingerprint: text(cell("fingerprint")).toLowerCase(),
      note: text(cell("note")),
    });
  }
  return { submissions, issues };
}

function text(raw: unknown): string {
  return isBlank(raw) ? "" : normalizeText(displayValue(raw));
}

function readInstant(raw: unknown, timeZone: string): number | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.getTime();
  if (typeof raw === "number") return Number.isFinite(raw) ? serialToInstant(raw, timeZone) : null;
  if (typeof raw !== "string") return null;
  const typed = TEXT_TIME.exec(normalizeText(raw));
  const date = parseDate(typed ? typed[1] : raw);
  if (!date.ok || date.value === null) return null;
  const [h = 0, m = 0, s = 0] = typed ? [typed[2], typed[3], typed[4] ?? "0"].map(Number) : [];
  if (h > 23 || m > 59 || s > 59) return null;
  const midnight = Date.parse(`${date.value}T00:00:00Z`);
  return wallClockToInstant(midnight + ((h * 60 + m) * 60 + s) * 1000, timeZone);
}
