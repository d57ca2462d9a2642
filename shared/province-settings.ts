import { addDays } from "./cells/dates.ts";
import { parseDate } from "./cells/parse-date.ts";
import { type Issue, issue } from "./issue.ts";
import { DEFAULT_PERIOD_RULE, type Period, type PeriodRule, resolvePeriod } from "./periods.ts";
import type { IsoDate } from "./schema/template.ts";
import { displayValue, foldKey, isBlank, normalizeText } from "./text/fold.ts";

/** The province's optional settings tab. */
export const SETTINGS_TAB = "Cấu hình";
export const PERIOD_LABEL = "Kỳ báo cáo";
export const RULE_LABEL = "Quy tắc kỳ";
export const DUE_LABEL = "Hạn nộp";

/**
 * `Hạn nộp`: days after the period's last day (that day itself is on time), or one date.
 * 6 days by default: the 20th of the period's last month under Nghị định 09.
 */
export type DueSetting = { readonly days: number } | { readonly date: IsoDate };
const DEFAULT_DUE_DAYS = 6;
export const DEFAULT_DUE: DueSetting = { days: DEFAULT_DUE_DAYS };

// A number this large in the cell is a date Sheets recognised (a serial), not a count of days.
const MAX_DUE_DAYS = 366;

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

/** A rule as people write it (`Nghị định 09`, `Năm dương lịch`…), or null. */
export function parseRule(raw: unknown): PeriodRule | null {
  return RULE_SPELLINGS.get(foldKey(displayValue(raw))) ?? null;
}

export interface ProvinceSettings {
  /** The period `Tổng hợp` shows, or null for "the year that contains today". */
  readonly periodId: string | null;
  readonly rule: PeriodRule;
  readonly due: DueSetting;
  readonly issues: Issue[];
}

/** Reads `Cấu hình` (label in one cell, value in the next); anything unreadable falls back. */
export function readProvinceSettings(
  values: readonly (readonly unknown[] | null | undefined)[] | undefined,
): ProvinceSettings {
  const issues: Issue[] = [];
  const found = new Map<string, Setting>();
  (values ?? []).forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [];
    const labelAt = cells.findIndex((c) => typeof c === "string" && !isBlank(c));
    if (labelAt < 0) return;
    const valueAt = cells.findIndex((c, i) => i > labelAt && !isBlank(c));
    // The value's cell, or the one beside the label, is where Lỗi dữ liệu's link lands.
    const columnIndex = valueAt < 0 ? labelAt + 1 : valueAt;
    found.set(foldKey(String(cells[labelAt])), {
      raw: valueAt < 0 ? null : cells[valueAt],
      row: r + 1,
      columnIndex,
    });
  });
  const none: Setting = { raw: null, row: 0, columnIndex: 0 };
  const periodAt = found.get(foldKey(PERIOD_LABEL)) ?? none;
  const ruleAt = found.get(foldKey(RULE_LABEL)) ?? none;
  const dueAt = found.get(foldKey(DUE_LABEL)) ?? none;
  const [periodRaw, ruleRaw, dueRaw] = [periodAt.raw, ruleAt.raw, dueAt.raw];

  let rule: PeriodRule = DEFAULT_PERIOD_RULE;
  if (!isBlank(ruleRaw)) {
    const found = parseRule(ruleRaw);
    if (found) rule = found;
    else
      issues.push(
        warning(
          ruleAt,
          RULE_LABEL,
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
          periodAt,
          PERIOD_LABEL,
          `kỳ báo cáo "${displayValue(periodRaw)}" không hợp lệ; hãy ghi dạng 2026, 2026-Q1…2026-Q4, 2026-H1, 2026-H2 hoặc 2026-9M. Đang dùng năm hiện tại.`,
        ),
      );
  }

  let due: DueSetting = DEFAULT_DUE;
  if (!isBlank(dueRaw)) {
    const read = readDue(dueRaw);
    if (read) due = read;
    else
      issues.push(
        warning(
          dueAt,
          DUE_LABEL,
          `không hiểu hạn nộp "${displayValue(dueRaw)}"; hãy ghi số ngày sau ngày cuối kỳ (ví dụ 6) hoặc một ngày dạng dd/mm/yyyy. Đang dùng ${DEFAULT_DUE_DAYS} ngày sau ngày cuối kỳ.`,
        ),
      );
  }
  return { periodId, rule, due, issues };
}

/** `6`, `6 ngày`, a date `dd/mm/yyyy` or a date cell; null when it is none of those. */
function readDue(raw: unknown): DueSetting | null {
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= 0 && raw <= MAX_DUE_DAYS) return { days: raw };
    if (raw <= MAX_DUE_DAYS) return null;
  }
  if (typeof raw === "string") {
    const days = /^(\d{1,3})(?:\s*ngày)?$/u.exec(normalizeText(raw).toLowerCase());
    if (days) return Number(days[1]) <= MAX_DUE_DAYS ? { days: Number(days[1]) } : null;
  }
  const date = parseDate(raw);
  return date.ok && date.value !== null ? { date: date.value } : null;
}

/**
 * The last day on which a report for `period` is on time (the whole day counts, in
 * Asia/Ho_Chi_Minh): the period's last day plus the days set, or the date set.
 */
export function dueDate(period: Pick<Period, "to">, setting: DueSetting = DEFAULT_DUE): IsoDate {
  return "date" in setting ? setting.date : addDays(period.to, setting.days);
}

/** A setting as found: its value, its row and the value's 0-based column. */
interface Setting {
  readonly raw: unknown;
  readonly row: number;
  readonly columnIndex: number;
}

function warning(at: Setting, column: string, text: string): Issue {
  const { row, columnIndex, raw } = at;
  return issue(
    "warning",
    { tab: SETTINGS_TAB, row, column, columnIndex, value: displayValue(raw) },
    text,
  );
}
