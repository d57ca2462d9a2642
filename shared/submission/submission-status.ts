import {
  formatDateVi,
  isoDateToSerial,
  MS_PER_DAY,
  VIETNAM_OFFSET_MS,
  vietnamDate,
} from "../cells/dates.ts";
import type { Period, PeriodRule } from "../periods.ts";
import { RULE_LABELS } from "../province-settings.ts";
import type { IsoDate } from "../schema/template.ts";

/** One row of a unit's `Nộp báo cáo` tab, as read. */
export interface Submission {
  /** The sheet row number the user sees: later rows are later submissions. */
  readonly sheetRow: number;
  /** The canonical period id (`2026-Q3`). */
  readonly periodId: string;
  readonly rule: PeriodRule;
  /** `Thời điểm nộp` as an instant (epoch ms). */
  readonly submittedAt: number;
  readonly by: string;
  readonly rows: number | null;
  /** `Mã kiểm tra`, lower case; "" when blank. */
  readonly fingerprint: string;
  readonly note: string;
}

export const SUBMISSION_STATES = ["notSubmitted", "onTime", "late"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const NOT_SUBMITTED_LABEL = "Chưa nộp";
export const ON_TIME_LABEL = "Đúng hạn";
export const CHANGED_LABEL = "Đã sửa sau khi nộp";
export const lateLabel = (days: number) => `Nộp muộn ${days} ngày`;

export interface SubmissionStatus {
  readonly state: SubmissionState;
  /** `Chưa nộp`, `Đúng hạn` or `Nộp muộn N ngày`. */
  readonly label: string;
  /** Whole Vietnamese calendar days after the due day; 0 unless late. */
  readonly daysLate: number;
  /** The submission that counts: the latest row for the period under the province's rule. */
  readonly submission: Submission | null;
  /** The instant judged against `Hạn nộp`: the stated time, or when first seen if backdated. */
  readonly judgedAt: number | null;
  readonly backdated: boolean;
  /** `Đã sửa sau khi nộp`: today's rows differ from the submitted ones. */
  readonly changed: boolean;
  /** Vietnamese, for the status cell's note: the other rule, or the backdating. */
  readonly reason: string | null;
}

export interface SubmissionStatusInput {
  /** Every row of the unit's `Nộp báo cáo` tab, any period and rule. */
  readonly submissions: readonly Submission[];
  /** The reported period, under the province's rule. */
  readonly period: Pick<Period, "id" | "rule">;
  /** The last day that is on time (`dueDate`); it ends at 23:59:59 Asia/Ho_Chi_Minh. */
  readonly due: IsoDate;
  /** The fingerprint of the unit's rows now, or null when they could not be read. */
  readonly fingerprint: string | null;
  /**
   * What the Worker remembers of the counting submission: when it first saw that row, and
   * its last successful read of the unit before then (which did not have the row).
   */
  readonly seen?: { readonly firstSeenAt: number; readonly readBefore: number | null } | null;
}

/** A unit's status for the reported period (Chưa nộp / Đúng hạn / Nộp muộn N ngày). */
export function submissionStatus(input: SubmissionStatusInput): SubmissionStatus {
  const { period } = input;
  const forPeriod = input.submissions.filter((s) => s.periodId === period.id);
  const latest = forPeriod
    .filter((s) => s.rule === period.rule)
    .reduce<Submission | null>((a, s) => (a === null || s.sheetRow > a.sheetRow ? s : a), null);
  if (latest === null) {
    const other = forPeriod.find((s) => s.rule !== period.rule);
    return {
      state: "notSubmitted",
      label: NOT_SUBMITTED_LABEL,
      daysLate: 0,
      submission: null,
      judgedAt: null,
      backdated: false,
      changed: false,
      reason: other
        ? `nộp theo quy tắc kỳ khác (${RULE_LABELS[other.rule]}, dòng ${other.sheetRow} của trang "Nộp báo cáo"); tỉnh dùng quy tắc ${RULE_LABELS[period.rule]}`
        : null,
    };
  }
  const seen = input.seen ?? null;
  // A row the Worker did not see at a read later than its stated time was written later.
  const backdated =
    seen !== null && seen.readBefore !== null && latest.submittedAt < seen.readBefore;
  const judgedAt = backdated && seen ? seen.firstSeenAt : latest.submittedAt;
  const daysLate = Math.max(
    0,
    isoDateToSerial(vietnamDate(new Date(judgedAt))) - isoDateToSerial(input.due),
  );
  const current = input.fingerprint?.trim().toLowerCase() ?? "";
  const submitted = latest.fingerprint.trim().toLowerCase();
  return {
    state: daysLate > 0 ? "late" : "onTime",
    label: daysLate > 0 ? lateLabel(daysLate) : ON_TIME_LABEL,
    daysLate,
    submission: latest,
    judgedAt,
    backdated,
    changed: submitted !== "" && current !== "" && submitted !== current,
    reason: backdated
      ? `thời điểm nộp ghi ${formatVietnamTime(latest.submittedAt)} nhưng tỉnh ghi nhận lúc ${formatVietnamTime(judgedAt)}`
      : null,
  };
}

/** `HH:mm dd/mm/yyyy` in Asia/Ho_Chi_Minh. */
export function formatVietnamTime(instant: number): string {
  const local = instant + VIETNAM_OFFSET_MS;
  const minutes = Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${hh}:${mm} ${formatDateVi(vietnamDate(new Date(instant)))}`;
}
