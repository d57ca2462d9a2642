import type { ReportingRate } from "../../shared/report-text/report-values.ts";
import {
  CHANGED_LABEL,
  formatVietnamTime,
  NOT_SUBMITTED_LABEL,
  ON_TIME_LABEL,
  type SubmissionStatus,
} from "../../shared/submission/submission-status.ts";
import { wholePercent } from "../../shared/whole-percent.ts";
import type { SubmissionsReport, UnitSubmission } from "./submissions.ts";

/**
 * How the outputs word a submission and the reporting rate: the line on top of `Tổng
 * hợp`, the `Nộp báo cáo` cells of `Theo đơn vị`, the status and notes of `Tình hình nộp
 * báo cáo`, and what `npm start` prints.
 */

/** `n/expected (p%)`, the percentage rounded to a whole number (0% of no units). */
export function rateText(n: number, expected: number): string {
  const percent = expected === 0 ? 0 : wholePercent(n, expected);
  return `${n}/${expected} (${percent}%)`;
}

/** The line on top of `Tổng hợp`: `Đã nộp báo cáo: 4/6 đơn vị (67%), đúng hạn 3/6 (50%)`. */
export function reportingRateLine(rate: ReportingRate): string {
  const [submitted, percent] = rateText(rate.submitted, rate.expected).split(" ");
  return `Đã nộp báo cáo: ${submitted} đơn vị ${percent}, đúng hạn ${rateText(rate.onTime, rate.expected)}`;
}

/**
 * The `Nộp báo cáo` cell of `Theo đơn vị`: the status and the flag, the reasons as the
 * cell's note, and whether the office has to follow the unit up (not submitted, late, or
 * figures changed since).
 */
export function byUnitSubmission(
  report: { readonly submissions?: SubmissionsReport | undefined },
  outcome: { readonly state: { readonly code: string } },
): { readonly text: string; readonly note: string | null; readonly standsOut: boolean } | null {
  const unit = report.submissions?.units.get(outcome.state.code);
  if (!unit) return null;
  const { status } = unit;
  const label = submissionLabel(status);
  const notes = [status.reason, status.changed ? changedNote(unit) : null].filter((n) => n);
  return {
    text: status.changed ? `${label}; ${CHANGED_LABEL}` : label,
    note: notes.length ? notes.join("\n") : null,
    standsOut: status.state !== "onTime" || status.changed,
  };
}

/**
 * The `Nộp báo cáo` cell of `Toàn tỉnh` in `Theo đơn vị`: `3/6 (50%) đã nộp`, the rest of
 * the reporting rate as its note, as the lines on top of `Tình hình nộp báo cáo` give it.
 */
export function byUnitTotalSubmission(report: {
  readonly submissions?: SubmissionsReport | undefined;
}): { readonly text: string; readonly note: string } | null {
  const rate = report.submissions?.rate;
  if (!rate) return null;
  const of = (n: number) => rateText(n, rate.expected);
  return {
    text: `${of(rate.submitted)} đã nộp`,
    note: [
      `${ON_TIME_LABEL}: ${of(rate.onTime)}`,
      `Nộp muộn: ${of(rate.late)}`,
      `${NOT_SUBMITTED_LABEL}: ${of(rate.notSubmitted)}`,
      `${CHANGED_LABEL}: ${of(rate.changedAfterSubmission)}`,
    ].join("\n"),
  };
}

/** Why `Đã sửa sau khi nộp`, and what the unit must do about it. */
export function changedNote(unit: UnitSubmission): string {
  const row = unit.status.submission;
  const action = "Đơn vị cần nộp lại báo cáo.";
  if (row && row.rows !== null && unit.rowsNow !== null) {
    return `Khi nộp có ${row.rows} dòng, nay có ${unit.rowsNow} dòng; số liệu nay khác số liệu đã nộp. ${action}`;
  }
  return `Số liệu nay khác số liệu đã nộp. ${action}`;
}

/** `Đúng hạn`, `Nộp muộn 3 ngày`, with `(ghi nhận lúc …)` for a backdated row. */
export function submissionLabel(status: SubmissionStatus): string {
  if (status.backdated && status.judgedAt !== null) {
    return `${status.label} (ghi nhận lúc ${formatVietnamTime(status.judgedAt)})`;
  }
  return status.label;
}
