import { isInPeriod, type Period } from "../../../shared/periods.ts";
import type { ColumnDef, IsoDate } from "../../../shared/schema/template.ts";
import type { Template } from "../../../shared/templates/index.ts";
import type { CellData } from "../../sheets/request-types.ts";
import type { UnitOutcome } from "../model.ts";
import { type BlockFormat, block } from "./block-formats.ts";
import { blank, DATE, date, HEADER, INTEGER, NOTICE, num, text } from "./cells.ts";
import type { TabContent } from "./tab-plan.ts";

/** `Chi tiết – Kiểm tra, giám sát` (en dash), one per template. */
export function detailTabTitle(template: Pick<Template, "title">): string {
  return `Chi tiết – ${template.title}`;
}

export const IN_PERIOD_HEADER = "Thuộc kỳ báo cáo";

/** One data row of a list tab, with what the size budget needs to shorten the list. */
export interface ListedRow {
  readonly cells: readonly CellData[];
  /** The unit the row belongs to ("" for the province's own tabs). */
  readonly unit: string;
  /** Whether the row falls in the period `Tổng hợp` shows (always true for errors). */
  readonly inPeriod: boolean;
}

/**
 * Every valid row of one template from every unit that has figures (fresh or stale), in
 * registry order then sheet order, so the office can check any total by filtering. The
 * last column says whether the row falls in the period `Tổng hợp` shows.
 */
export function detailRows(
  template: Template,
  outcomes: readonly UnitOutcome[],
  period: Period,
): ListedRow[] {
  const rows: ListedRow[] = [];
  for (const { state, snapshot } of outcomes) {
    if (!snapshot) continue;
    const list = snapshot.rows[template.id] as readonly Record<string, unknown>[];
    for (const row of list) {
      const day = row[template.dateKey];
      const inPeriod = typeof day === "string" && isInPeriod(day as IsoDate, period);
      rows.push({
        unit: state.code,
        inPeriod,
        cells: [
          text(state.code),
          text(state.name),
          ...template.columns.map((column) => cell(column, row[column.key])),
          text(inPeriod ? "Có" : "Không"),
        ],
      });
    }
  }
  return rows;
}

/**
 * The tab for `rows` (all of detailRows, or fewer when the write would be too big); a
 * `notice` goes on the first line, above the header, and says what was left out.
 */
export function detailTab(
  template: Template,
  rows: readonly ListedRow[],
  notice: string | null = null,
): TabContent {
  const header = ["Mã đơn vị", "Tên đơn vị", ...template.columns.map((c) => c.header)];
  const top = notice === null ? 0 : 1;
  const first = top + 1;
  const end = first + rows.length;
  const formats: BlockFormat[] = [block([top, first], [0, header.length + 1], HEADER)];
  // Columns of one type share their number format, blank cells included (they show nothing).
  template.columns.forEach((column, i) => {
    const format = column.type === "date" ? DATE : column.type === "count" ? INTEGER : null;
    if (format) formats.push(block([first, end], [2 + i, 3 + i], format));
  });
  if (notice !== null) formats.push(block([0, 1], [0, 1], NOTICE));
  return {
    title: detailTabTitle(template),
    rows: [
      ...(notice === null ? [] : [[text(notice)]]),
      [...header, IN_PERIOD_HEADER].map((h) => text(h)),
      ...rows.map((r) => r.cells),
    ],
    formats,
    frozenRows: first,
    // The notice is one long line: frozen columns would cut it at their edge.
    frozenColumns: notice === null ? 2 : 0,
    columnWidths: [90, 180, ...template.columns.map((c) => c.width), 110],
  };
}

function cell(column: ColumnDef, value: unknown): CellData {
  if (value === null || value === undefined || value === "") return blank();
  if (column.type === "date" && typeof value === "string") return date(value as IsoDate);
  if (typeof value === "number") return num(value);
  return text(String(value));
}
