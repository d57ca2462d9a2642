import { type Issue, locate } from "./issue.ts";
import { DEFAULT_PERIOD_RULE, type PeriodRule, resolvePeriod } from "./periods.ts";
import { displayValue, foldKey, isBlank } from "./text/fold.ts";

/** The province's optional settings tab. */
export const SETTINGS_TAB = "Cấu hình";
export const PERIOD_LABEL = "Kỳ báo cáo";
export const RULE_LABEL = "Quy tắc kỳ";

/** What the provincial office types for each rule → the rule. */
export const RULE_LABELS: Record<PeriodRule, string> = {
  decree09: "Nghị định 09",
  calendar: "Năm dương lịch",
};
const RULE_SPELLINGS = new Map<string, PeriodRule>([
  [foldKey("Nghị định 09"), "decree09"],
  [foldKey("Nghị định 09/2019/NĐ-CP"), "decree09"],
  [foldKey("NĐ 09"), "decree09"],
  [foldKey("decree09"), "decree09"],
  [foldKey("Năm dương lịch"), "calendar"],
  [foldKey("Dương lịch"), "calendar"],
  [foldKey("calendar"), "calendar"],
]);

export interface ProvinceSettings {
  /** The period `Tổng hợp` shows, or null for "the year that contains today". */
  readonly periodId: string | null;
  readonly rule: PeriodRule;
  readonly issues: Issue[];
}

/** Reads `Cấu hình` (label in one cell, value in the next); anything unreadable falls back. */
export function readProvinceSettings(
  values: readonly (readonly unknown[] | null | undefined)[] | undefined,
): ProvinceSettings {
  const issues: Issue[] = [];
  let periodRaw: unknown = null;
  let ruleRaw: unknown = null;
  let periodRow = 0;
  let ruleRow = 0;
  (values ?? []).forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [];
    const labelAt = cells.findIndex((c) => typeof c === "string" && !isBlank(c));
    if (labelAt < 0) return;
    const label = foldKey(String(cells[labelAt]));
    const value = cells.slice(labelAt + 1).find((c) => !isBlank(c)) ?? null;
    if (label === foldKey(PERIOD_LABEL)) [periodRaw, periodRow] = [value, r + 1];
    if (label === foldKey(RULE_LABEL)) [ruleRaw, ruleRow] = [value, r + 1];
  });

  let rule: PeriodRule = DEFAULT_PERIOD_RULE;
  if (!isBlank(ruleRaw)) {
    const found = RULE_SPELLINGS.get(foldKey(displayValue(ruleRaw)));
    if (found) rule = found;
    else
      issues.push(
        warning(
          ruleRow,
          RULE_LABEL,
          ruleRaw,
          `không hiểu quy tắc kỳ "${displayValue(ruleRaw)}"; hãy ghi "${RULE_LABELS.decree09}" hoặc "${RULE_LABELS.calendar}". Đang dùng ${RULE_LABELS.decree09}.`,
        ),
      );
  }

  let periodId: string | null = null;
  if (!isBlank(periodRaw)) {
    const period = resolvePeriod(displayValue(periodRaw), rule);
    if (period) periodId = period.id;
    else
      issues.push(
        warning(
          periodRow,
          PERIOD_LABEL,
          periodRaw,
          `kỳ báo cáo "${displayValue(periodRaw)}" không hợp lệ; hãy ghi dạng 2026, 2026-Q1…2026-Q4, 2026-H1, 2026-H2 hoặc 2026-9M. Đang dùng năm hiện tại.`,
        ),
      );
  }
  return { periodId, rule, issues };
}

function warning(row: number, column: string, raw: unknown, text: string): Issue {
  return {
    severity: "warning",
    tab: SETTINGS_TAB,
    row,
    column,
    columnIndex: null,
    value: displayValue(raw),
    message: `${locate(SETTINGS_TAB, row, column)}: ${text}`,
  };
}
