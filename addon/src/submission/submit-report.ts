import { type Period, resolvePeriod } from "../../../shared/periods.ts";
import { RULE_LABELS } from "../../../shared/province-settings.ts";
import { fingerprint } from "../../../shared/submission/fingerprint.ts";
import { readSubmissions } from "../../../shared/submission/read-submissions.ts";
import { normalizeText } from "../../../shared/text/fold.ts";
import { runDataCheck } from "../check/run-check.ts";
import { withDocumentLock } from "../gas/document-lock.ts";
import type { AddonContext } from "../gas/types.ts";
import { vietnamToday } from "../gas/vietnam-today.ts";
import { loadUnitSettings, unitLabel } from "../settings/unit-store.ts";
import { readOwnSheet } from "./own-sheet.ts";
import { defaultPeriodId, periodChoices } from "./period-choices.ts";
import { periodIssues } from "./period-issues.ts";
import { reportTable } from "./report-table.ts";
import { loadReportingSettings } from "./reporting-settings.ts";
import type {
  EarlierSubmission,
  ReportContext,
  ReportTable,
  SubmissionPreview,
  SubmitResult,
} from "./submission-api.ts";
import {
  appendSubmission,
  createSubmissionSheet,
  findSubmissionSheet,
} from "./submission-sheet.ts";

export const MAX_NOTE_LENGTH = 500;
const TIME_FORMAT = "HH:mm dd/MM/yyyy";

export function getReportContext(ctx: AddonContext): ReportContext {
  const reporting = loadReportingSettings(ctx.documentProperties);
  const periods = periodChoices(vietnamToday(ctx), reporting.rule);
  return {
    unitLabel: unitLabel(loadUnitSettings(ctx.documentProperties)),
    preparer: reporting.preparer,
    rule: reporting.rule,
    ruleLabel: RULE_LABELS[reporting.rule],
    periods,
    defaultPeriod: defaultPeriodId(periods),
  };
}

/** A period id the dialog offers under the unit's rule, or null. */
function choosePeriod(context: ReportContext, id: string): Period | null {
  if (!context.periods.some((p) => p.id === id)) return null;
  return resolvePeriod(id, context.rule);
}

const UNKNOWN_PERIOD =
  "Kỳ báo cáo này không có trong danh sách (có thể quy tắc kỳ vừa được đổi). Hãy đóng hộp thoại rồi mở lại.";

/** Số liệu của đơn vị: the unit's own report table for a period. */
export function getOwnTotals(
  ctx: AddonContext,
  periodId: string,
): { ok: true; table: ReportTable } | { ok: false; message: string } {
  const context = getReportContext(ctx);
  const period = choosePeriod(context, String(periodId));
  if (!period) return { ok: false, message: UNKNOWN_PERIOD };
  const sheet = readOwnSheet(ctx);
  return { ok: true, table: reportTable(sheet.unit, period, sheet.today) };
}

/**
 * What `Nộp báo cáo…` shows before the officer submits: the totals, the data check's
 * errors and warnings for the period (the check marks the cells as Kiểm tra dữ liệu
 * does), the fingerprint, and the period's last submission if there is one.
 */
export function previewSubmission(ctx: AddonContext, periodId: string): SubmissionPreview | null {
  const context = getReportContext(ctx);
  const period = choosePeriod(context, String(periodId));
  return period ? preview(ctx, context, period) : null;
}

function preview(ctx: AddonContext, context: ReportContext, period: Period): SubmissionPreview {
  const report = runDataCheck(ctx);
  const sheet = readOwnSheet(ctx);
  const { errors, warnings } = periodIssues(report.issues, sheet, period);
  const current = fingerprint(sheet.unit.rows, period);
  return {
    context,
    table: reportTable(sheet.unit, period, sheet.today),
    fingerprint: current,
    errors,
    warnings,
    missingSettings: [
      ...(context.unitLabel === null ? ["Mã đơn vị và Tên đơn vị"] : []),
      ...(context.preparer === "" ? ["Người lập biểu"] : []),
    ],
    earlier: earlierSubmission(ctx, period, current),
  };
}

function earlierSubmission(
  ctx: AddonContext,
  period: Period,
  current: string,
): EarlierSubmission | null {
  const sheet = findSubmissionSheet(ctx);
  if (!sheet || sheet.getLastRow() < 1 || sheet.getLastColumn() < 1) return null;
  const timeZone = ctx.spreadsheet.getSpreadsheetTimeZone();
  const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  let latest = null;
  for (const s of readSubmissions(values, timeZone).submissions) {
    if (s.periodId !== period.id || s.rule !== period.rule) continue;
    // The lowest row counts, as the Worker decides (docs/domain.md): a typed-in time
    // cannot promote an older row.
    if (latest === null || s.sheetRow > latest.sheetRow) latest = s;
  }
  if (latest === null) return null;
  return {
    submittedAt: ctx.formatDate(new Date(latest.submittedAt), timeZone, TIME_FORMAT),
    by: latest.by,
    fingerprint: latest.fingerprint,
    unchanged: latest.fingerprint === current,
  };
}

/**
 * Nộp báo cáo: under the document lock, checks again and appends the submission row,
 * only if nothing blocks and the rows still give the fingerprint the officer was shown.
 */
export function submitReport(
  ctx: AddonContext,
  periodId: string,
  seenFingerprint: string,
  note?: string,
  now: Date = new Date(),
): SubmitResult {
  const context = getReportContext(ctx);
  const period = choosePeriod(context, String(periodId));
  if (!period) return { ok: false, reason: "period", message: UNKNOWN_PERIOD };
  const text = normalizeText(String(note ?? "")).slice(0, MAX_NOTE_LENGTH);
  const locked = withDocumentLock(ctx, (): SubmitResult => {
    const seen = preview(ctx, context, period);
    if (seen.errors.length > 0 || seen.missingSettings.length > 0) {
      return { ok: false, reason: "blocked", preview: seen };
    }
    if (seen.fingerprint !== seenFingerprint)
      return { ok: false, reason: "changed", preview: seen };
    const existing = findSubmissionSheet(ctx);
    const sheet = existing ?? createSubmissionSheet(ctx);
    const row = appendSubmission(sheet, {
      period: period.id,
      rule: context.ruleLabel,
      submittedAt: now,
      by: context.preparer,
      rows: seen.table.rows,
      fingerprint: seen.fingerprint,
      note: text,
    });
    return {
      ok: true,
      period: seen.table.period,
      ruleLabel: context.ruleLabel,
      rows: seen.table.rows,
      fingerprint: seen.fingerprint,
      submittedAt: ctx.formatDate(now, ctx.spreadsheet.getSpreadsheetTimeZone(), TIME_FORMAT),
      by: context.preparer,
      sheetName: sheet.getName(),
      row,
      createdTab: existing === null,
    };
  });
  if (!locked.ok) {
    return {
      ok: false,
      reason: "busy",
      message: "Có người khác đang ghi vào bảng tính này. Hãy chờ một lát rồi bấm Nộp báo cáo lại.",
    };
  }
  return locked.value;
}
