import { formatDateVi } from "../../../shared/cells/dates.ts";
import type { Period } from "../../../shared/periods.ts";
import type { ReportingRate } from "../../../shared/report-text/report-values.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import {
  CHANGED_LABEL,
  NOT_SUBMITTED_LABEL,
  ON_TIME_LABEL,
  type SubmissionStatus,
} from "../../../shared/submission/submission-status.ts";
import type { CellData } from "../../sheets/request-types.ts";
import type { ConsolidationReport, Contact } from "../model.ts";
import { periodSentence } from "../period-label.ts";
import type { UnitSubmission } from "../submissions.ts";
import { changedNote, rateText, submissionLabel } from "../submissions-text.ts";
import { type BlockFormat, block, rowRuns } from "./block-formats.ts";
import {
  blank,
  COLORS,
  DATE_TIME,
  dateTime,
  HEADER,
  INTEGER,
  num,
  type Rgb,
  text,
  WRAP,
  withNote,
} from "./cells.ts";
import { statusText } from "./status-text.ts";
import type { CellRect, TabContent } from "./tab-plan.ts";

export const SUBMISSIONS_TAB = "Tình hình nộp báo cáo";
export const SUBMISSIONS_TITLE = "TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ";
export const SUBMISSIONS_HEADERS = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Tình trạng nộp",
  "Thời điểm nộp",
  "Số ngày muộn",
  "Đã sửa sau khi nộp",
  "Số dòng",
  "Số lỗi",
  "Tình trạng đọc",
  "Người liên hệ",
  "Điện thoại",
  "Email",
] as const;
/** The reporting-rate lines on top, in this order (docs/output.md). */
export const RATE_LABELS = [
  ["expected", "Số đơn vị phải nộp"],
  ["submitted", "Đã nộp"],
  ["onTime", ON_TIME_LABEL],
  ["late", "Nộp muộn"],
  ["notSubmitted", NOT_SUBMITTED_LABEL],
  ["changedAfterSubmission", CHANGED_LABEL],
] as const satisfies readonly (readonly [keyof ReportingRate, string])[];

/** One registered unit as the tab shows it. */
export interface SubmissionsTabUnit {
  readonly code: string;
  readonly name: string;
  readonly submission: UnitSubmission;
  /** `Tình trạng đọc` (status-text.ts). */
  readonly readStatus: string;
  /** Rows with errors in the unit's figures now (null: no figures). */
  readonly errorRows: number | null;
  readonly contact: Contact | null;
}

export interface SubmissionsTabInput {
  readonly period: Period;
  readonly due: IsoDate;
  readonly rate: ReportingRate;
  /** Registry order; the tab sorts them. */
  readonly units: readonly SubmissionsTabUnit[];
}

// Title, period, due day, a blank line, the rate lines, a blank line, then the header.
const FIRST_RATE_ROW = 4;
const HEADER_ROW = FIRST_RATE_ROW + RATE_LABELS.length + 1;
const WIDTH = SUBMISSIONS_HEADERS.length;
const READ_STATUS = SUBMISSIONS_HEADERS.indexOf("Tình trạng đọc");
/** A submission the office must follow up (not submitted, late, changed since): bold red. */
export const STANDS_OUT = { textFormat: { bold: true, foregroundColor: COLORS.title } };
const YES = "Có";
const CHANGED_COLUMN = SUBMISSIONS_HEADERS.indexOf(CHANGED_LABEL);

/** The tab's input from a run's report, or null when the run judged no submissions. */
export function submissionsTabInput(report: ConsolidationReport): SubmissionsTabInput | null {
  const judged = report.submissions;
  if (!judged) return null;
  return {
    period: report.period,
    due: judged.due,
    rate: judged.rate,
    units: report.outcomes.flatMap(({ state, snapshot }) => {
      const submission = judged.units.get(state.code);
      if (!submission) return [];
      return [
        {
          code: state.code,
          name: state.name,
          submission,
          readStatus: statusText(state),
          errorRows: snapshot ? snapshot.invalidRows : null,
          contact: report.contacts?.get(state.code) ?? null,
        },
      ];
    }),
  };
}

/**
 * `Tình hình nộp báo cáo`: whom the office must call. The reporting rate on top, then the
 * units that have not submitted, then the late ones (most days first), then those on
 * time, registry order within each; a late or missing report's row is shaded.
 */
export function submissionsTab(input: SubmissionsTabInput): TabContent {
  const { rate } = input;
  const rateRows = RATE_LABELS.map(([key, label]): CellData[] => [
    text(label),
    blank(),
    text(key === "expected" ? String(rate.expected) : rateText(rate[key], rate.expected)),
  ]);
  const units = sortForCalls(input.units);
  const first = HEADER_ROW + 1;
  const end = first + units.length;
  // `Có` in `Đã sửa sau khi nộp` stands out as in `Theo đơn vị`: the unit must submit again.
  const changed = rowRuns(
    units.map((u) => (u.submission.status.changed ? true : null)),
    first,
  ).map(({ rows }) => block(rows, [CHANGED_COLUMN, CHANGED_COLUMN + 1], STANDS_OUT));
  const shading: BlockFormat[] = rowRuns(units.map(background), first).map(({ rows, key }) =>
    block(rows, [0, WIDTH], { backgroundColor: key }),
  );
  const merges: CellRect[] = [0, 1, 2].map((r) => ({ rows: [r, r + 1], columns: [0, WIDTH] }));
  for (let r = FIRST_RATE_ROW; r < FIRST_RATE_ROW + RATE_LABELS.length; r++) {
    merges.push({ rows: [r, r + 1], columns: [0, 2] });
  }
  return {
    title: SUBMISSIONS_TAB,
    rows: [
      [text(SUBMISSIONS_TITLE)],
      [text(`Kỳ báo cáo: ${periodSentence(input.period)}`)],
      [
        text(
          `Hạn nộp: hết ngày ${formatDateVi(input.due)} (giờ Việt Nam). Đơn vị nộp bằng tiện ích "Báo cáo QCDC" → "Nộp báo cáo…".`,
        ),
      ],
      [],
      ...rateRows,
      [],
      SUBMISSIONS_HEADERS.map((h) => text(h)),
      ...units.map(unitRow),
    ],
    formats: [
      block([0, 1], [0, WIDTH], { textFormat: { bold: true, fontSize: 13 } }),
      block([1, 3], [0, WIDTH], WRAP),
      block([FIRST_RATE_ROW, FIRST_RATE_ROW + RATE_LABELS.length], [0, 2], {
        textFormat: { bold: true },
      }),
      block([HEADER_ROW, first], [0, WIDTH], HEADER),
      block([first, end], [2, 3], WRAP),
      block([first, end], [READ_STATUS, READ_STATUS + 1], WRAP),
      block([first, end], [3, 4], DATE_TIME),
      block([first, end], [4, 5], INTEGER),
      block([first, end], [6, 8], INTEGER),
      ...shading,
      ...changed,
    ],
    merges,
    // No frozen columns: the title lines are merged across the table (Google refuses a
    // merge across frozen and other columns), and twelve columns fit a laptop screen.
    frozenRows: first,
    columnWidths: [80, 180, 200, 140, 80, 90, 70, 60, 150, 150, 110, 180],
  };
}

const ORDER = { notSubmitted: 0, late: 1, onTime: 2 } as const;

/** Not submitted, then late (most days first), then on time; stable within each. */
export function sortForCalls<
  T extends {
    readonly submission: { readonly status: Pick<SubmissionStatus, "state" | "daysLate"> };
  },
>(units: readonly T[]): T[] {
  return units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => {
      const sa = a.unit.submission.status;
      const sb = b.unit.submission.status;
      return ORDER[sa.state] - ORDER[sb.state] || sb.daysLate - sa.daysLate || a.index - b.index;
    })
    .map(({ unit }) => unit);
}

function unitRow(unit: SubmissionsTabUnit): CellData[] {
  const { status } = unit.submission;
  const row = status.submission;
  const label = text(submissionLabel(status));
  return [
    text(unit.code),
    text(unit.name),
    status.reason ? withNote(label, status.reason) : label,
    row ? dateTime(new Date(row.submittedAt).toISOString()) : blank(),
    row ? num(status.daysLate) : blank(),
    status.changed ? withNote(text(YES), changedNote(unit.submission)) : blank(),
    unit.submission.rowsNow === null ? blank() : num(unit.submission.rowsNow),
    unit.errorRows === null ? blank() : num(unit.errorRows),
    text(unit.readStatus),
    unit.contact?.person ? text(unit.contact.person) : blank(),
    unit.contact?.phone ? text(unit.contact.phone) : blank(),
    unit.contact?.email ? text(unit.contact.email) : blank(),
  ];
}

function background(unit: SubmissionsTabUnit): Rgb | null {
  const { state } = unit.submission.status;
  if (state === "notSubmitted") return COLORS.unreadable;
  return state === "late" ? COLORS.stale : null;
}
