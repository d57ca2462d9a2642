import type { CellData } from "../../sheets/request-types.ts";
import { type BlockFormat, block, rowRuns } from "./block-formats.ts";
import { blank, COLORS, HEADER, INTEGER, num, type Rgb, text, WRAP, withNote } from "./cells.ts";
import { type Figures, type ReportLayout, sectionsWithMetrics } from "./report-layout.ts";
import { STANDS_OUT } from "./submissions-tab.ts";
import type { CellRect, TabContent } from "./tab-plan.ts";

export const BY_UNIT_TAB = "Theo đơn vị";
export const TOTAL_LABEL = "Toàn tỉnh";
export const BY_UNIT_LEAD_HEADERS = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Tình trạng",
  "Nộp báo cáo",
] as const;

/** One registered unit as `Theo đơn vị` shows it. */
export interface ByUnitRow {
  readonly code: string;
  readonly name: string;
  /** The `Tình trạng` cell ("Đã cập nhật", "Số liệu cũ (đọc lúc …)", …). */
  readonly status: string;
  /** Why, as the cell's note (a read error, the tabs that could not be read), or null. */
  readonly statusNote: string | null;
  /** A row whose figures are not from this run stands out (null: no colour). */
  readonly background: Rgb | null;
  /** null: no figures at all (unreadable, missing), shown blank rather than as zeros. */
  readonly figures: Figures | null;
  /**
   * The `Nộp báo cáo` cell (submissions.ts byUnitSubmission): `Chưa nộp`, `Đúng hạn`,
   * `Nộp muộn N ngày`, with `; Đã sửa sau khi nộp`; the reason as its note. Absent or
   * null: the run judged no submissions, and the cell is blank.
   */
  readonly submission?: ByUnitSubmission | null;
}

export interface ByUnitSubmission {
  readonly text: string;
  readonly note: string | null;
  /** Not submitted, late, or changed since: the office follows these up, so they stand out. */
  readonly standsOut: boolean;
}

export interface ByUnitInput {
  readonly layout: ReportLayout;
  readonly units: readonly ByUnitRow[];
  readonly total: Figures;
  /** The `Tình trạng` cell of `Toàn tỉnh` ("4/6 đã cập nhật"). */
  readonly totalStatus: string;
  /** The `Nộp báo cáo` cell of `Toàn tỉnh` ("3/6 (50%) đã nộp", the rate as its note);
   * absent or null: blank. */
  readonly totalSubmission?: { readonly text: string; readonly note: string | null } | null;
}

const GROUP_ROW = 0;
const FIRST_UNIT = 2; // after the group row and the header row
const LEAD = BY_UNIT_LEAD_HEADERS.length;

/**
 * `Theo đơn vị`: a row per registered unit in registry order and a column per metric,
 * under a row that groups the metric columns by report section; `Toàn tỉnh` last. The
 * header rows and the code and name columns stay in view while scrolling.
 */
export function byUnitTab(input: ByUnitInput): TabContent {
  const groups = sectionsWithMetrics(input.layout);
  const metrics = groups.flatMap((g) => g.metrics);
  const width = LEAD + metrics.length;

  const groupRow: CellData[] = [
    text("Đơn vị"),
    ...BY_UNIT_LEAD_HEADERS.slice(1).map(() => blank()),
  ];
  // `Đơn vị` over code and name; the two status columns have no group.
  const merges: CellRect[] = [{ rows: [GROUP_ROW, GROUP_ROW + 1], columns: [0, 2] }];
  for (const { section, metrics: inSection } of groups) {
    const start = groupRow.length;
    groupRow.push(text(`${section.numeral}. ${section.title}`));
    for (let i = 1; i < inSection.length; i++) groupRow.push(blank());
    if (inSection.length > 1) {
      merges.push({ rows: [GROUP_ROW, GROUP_ROW + 1], columns: [start, start + inSection.length] });
    }
  }
  const header = [...BY_UNIT_LEAD_HEADERS, ...metrics.map((m) => `${m.label} (${m.unit})`)].map(
    (h) => text(h),
  );
  const figureCells = (figures: Figures) => metrics.map((m) => num(figures[m.id] ?? 0));
  const unitRows = input.units.map((u): CellData[] => {
    const status = u.statusNote ? withNote(text(u.status), u.statusNote) : text(u.status);
    return [
      text(u.code),
      text(u.name),
      status,
      submissionCell(u.submission ?? null),
      ...(u.figures ? figureCells(u.figures) : metrics.map(() => blank())),
    ];
  });
  const totalAt = FIRST_UNIT + unitRows.length;
  const totalRow = [
    text(TOTAL_LABEL),
    blank(),
    text(input.totalStatus),
    submissionCell(input.totalSubmission ?? null),
    ...figureCells(input.total),
  ];
  const shaded: BlockFormat[] = rowRuns(
    input.units.map((u) => u.background),
    FIRST_UNIT,
  ).map(({ rows, key }) => block(rows, [0, width], { backgroundColor: key }));
  const standingOut: BlockFormat[] = rowRuns(
    input.units.map((u) => (u.submission?.standsOut ? true : null)),
    FIRST_UNIT,
  ).map(({ rows }) => block(rows, [SUBMISSION, SUBMISSION + 1], STANDS_OUT));
  return {
    title: BY_UNIT_TAB,
    rows: [groupRow, header, ...unitRows, totalRow],
    formats: [
      block([GROUP_ROW, FIRST_UNIT], [0, width], HEADER),
      block([FIRST_UNIT, totalAt + 1], [LEAD, width], INTEGER),
      // "Số liệu cũ (đọc lúc …)", "Đã cập nhật (không đổi từ lần đọc …)": read in full.
      block([FIRST_UNIT, totalAt], [STATUS, STATUS + 1], WRAP),
      ...shaded,
      ...standingOut,
      block([totalAt, totalAt + 1], [0, width], TOTAL_FORMAT),
    ],
    merges,
    frozenRows: FIRST_UNIT,
    frozenColumns: 2,
    // `Nộp báo cáo` fits "Nộp muộn N ngày; Đã sửa sau khi nộp" at 100% zoom.
    columnWidths: [80, 180, 160, 250, ...metrics.map(() => 105)],
  };
}

function submissionCell(submission: Pick<ByUnitSubmission, "text" | "note"> | null): CellData {
  if (!submission) return blank();
  const cell = text(submission.text);
  return submission.note ? withNote(cell, submission.note) : cell;
}

const STATUS = BY_UNIT_LEAD_HEADERS.indexOf("Tình trạng");
const SUBMISSION = BY_UNIT_LEAD_HEADERS.indexOf("Nộp báo cáo");

const TOTAL_FORMAT = { textFormat: { bold: true }, backgroundColor: COLORS.total };
