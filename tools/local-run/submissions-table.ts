import { formatDateVi } from "../../shared/cells/dates.ts";
import type { ReportingRate } from "../../shared/report-text/report-values.ts";
import type { IsoDate } from "../../shared/schema/template.ts";
import {
  CHANGED_LABEL,
  formatVietnamTime,
  lateLabel,
  NOT_SUBMITTED_LABEL,
  ON_TIME_LABEL,
  type SubmissionState,
} from "../../shared/submission/submission-status.ts";
import { reportingRateLine } from "../../worker/consolidation/submissions-text.ts";

/** What `npm start` prints of the submissions, from `totals.json` alone (docs/output.md). */
export interface SubmissionsForPrint {
  readonly period: { readonly dueDate: string };
  readonly completeness: ReportingRate;
  readonly units: readonly {
    readonly code: string;
    readonly name: string;
    readonly submission: {
      readonly status: SubmissionState;
      readonly submittedAt: string | null;
      readonly daysLate: number | null;
      readonly changedAfterSubmission: boolean;
      readonly by: string | null;
    };
  }[];
}

const ORDER: Record<SubmissionState, number> = { notSubmitted: 0, late: 1, onTime: 2 };

/**
 * The reporting rate and one line per unit, in the order of `Tình hình nộp báo cáo`:
 * whom to call first (not submitted, then late with most days first, then on time).
 */
export function submissionsTable(totals: SubmissionsForPrint): string {
  const rate = totals.completeness;
  const head = [
    `Hạn nộp: hết ngày ${formatDateVi(totals.period.dueDate as IsoDate)} (giờ Việt Nam)`,
    reportingRateLine(rate),
    `Nộp muộn: ${rate.late}, chưa nộp: ${rate.notSubmitted}, ${CHANGED_LABEL.toLowerCase()}: ${rate.changedAfterSubmission}`,
  ];
  const units = totals.units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => {
      const sa = a.unit.submission;
      const sb = b.unit.submission;
      return (
        ORDER[sa.status] - ORDER[sb.status] ||
        (sb.daysLate ?? 0) - (sa.daysLate ?? 0) ||
        a.index - b.index
      );
    })
    .map(({ unit }) => {
      const s = unit.submission;
      return [
        unit.code,
        unit.name,
        statusLabel(s),
        s.submittedAt ? formatVietnamTime(Date.parse(s.submittedAt)) : "",
        s.by ?? "",
      ];
    });
  const header = ["Mã", "Tên đơn vị", "Tình trạng nộp", "Thời điểm nộp", "Người nộp"];
  const widths = header.map((h, i) => Math.max(h.length, ...units.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [
    ...head,
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...units.map(line),
  ].join("\n");
}

function statusLabel(s: SubmissionsForPrint["units"][number]["submission"]): string {
  const label =
    s.status === "notSubmitted"
      ? NOT_SUBMITTED_LABEL
      : s.status === "late"
        ? lateLabel(s.daysLate ?? 0)
        : ON_TIME_LABEL;
  return s.changedAfterSubmission ? `${label}; ${CHANGED_LABEL}` : label;
}
