import { DEFAULT_PERIOD_RULE, PERIOD_RULES, type PeriodRule } from "../../../shared/periods.ts";
import { RULE_LABELS } from "../../../shared/province-settings.ts";
import { normalizeText } from "../../../shared/text/fold.ts";
import type { GasProperties } from "../gas/types.ts";

/**
 * The unit settings a submission needs: `Người lập biểu` (written as `Người nộp`) and
 * the unit's `Quy tắc kỳ`. Document properties, like the unit's code and name: they
 * belong to the spreadsheet, not to whoever opens it.
 */
export const PREPARER_KEY = "QCDC_PREPARER";
export const PERIOD_RULE_KEY = "QCDC_PERIOD_RULE";
export const MAX_PREPARER_LENGTH = 120;

export interface ReportingSettings {
  readonly preparer: string;
  readonly rule: PeriodRule;
}

export function loadReportingSettings(documentProperties: GasProperties): ReportingSettings {
  const stored = documentProperties.getProperty(PERIOD_RULE_KEY);
  return {
    preparer: normalizeText(documentProperties.getProperty(PREPARER_KEY) ?? ""),
    rule: isRule(stored) ? stored : DEFAULT_PERIOD_RULE,
  };
}

export function storeReportingSettings(
  documentProperties: GasProperties,
  settings: ReportingSettings,
): void {
  documentProperties.setProperty(PREPARER_KEY, settings.preparer);
  documentProperties.setProperty(PERIOD_RULE_KEY, settings.rule);
}

/**
 * The two fields as typed in Cài đặt đơn vị. A blank name is allowed here (the unit can
 * be set up before anyone reports); `Nộp báo cáo…` asks for it.
 */
export function checkReportingInput(input: { preparer?: unknown; rule?: unknown } | undefined): {
  settings: ReportingSettings;
  problems: { field: "preparer" | "rule"; message: string }[];
} {
  const preparer = normalizeText(String(input?.preparer ?? ""));
  const raw = input?.rule ?? DEFAULT_PERIOD_RULE;
  const problems: { field: "preparer" | "rule"; message: string }[] = [];
  if (preparer.length > MAX_PREPARER_LENGTH) {
    problems.push({
      field: "preparer",
      message: `Tên người lập biểu dài tối đa ${MAX_PREPARER_LENGTH} ký tự.`,
    });
  }
  if (!isRule(raw)) {
    problems.push({
      field: "rule",
      message: `Hãy chọn quy tắc kỳ: ${RULE_LABELS.decree09} hoặc ${RULE_LABELS.calendar}.`,
    });
  }
  return { settings: { preparer, rule: isRule(raw) ? raw : DEFAULT_PERIOD_RULE }, problems };
}

function isRule(value: unknown): value is PeriodRule {
  return (PERIOD_RULES as readonly unknown[]).includes(value);
}
