import { isInPeriod, type Period } from "../../../shared/periods.ts";
import type { ColumnDef, IsoDate } from "../../../shared/schema/template.ts";
import type { Template } from "../../../shared/templates/index.ts";
import type { CellData } from "../../sheets/request-types.ts";
import { type BlockFormat, block } from "./block-formats.ts";
import { blank, DATE, date, HEADER, INTEGER, NOTICE, num, PLAIN_NUMBER, text } from "./cells.ts";
import type { TabContent } from "./tab-plan.ts";

/** `Chi tiết – Kiểm tra, giám sát` (en dash), one per template. */
export function detailTabTitle(template: Pick<Template, "title">): string {
  return `Chi tiết – ${template.title}`;
}

export const IN_PERIOD_HEADER = "Thuộc kỳ báo cáo";
export const SOURCE_ROW_HEADER = "Dòng";

/** One data row of a list tab, with what the size budget needs to shorten the list. */
export interface ListedRow {
  readonly cells: readonly CellData[];
  /** The unit the row belongs to ("" for the province's own rows). */
  readonly unit: string;
  /** Whether the row falls in the period `Tổng hợp` shows (always true for errors). */
  readonly inPeriod: boolean;
}

/** A valid row of one template as a unit's snapshot keeps it. */
export interface SourceRow {
  readonly values: Readonly<Record<string, unknown>>;
  /** The row number in the unit's sheet, when the snapshot knows it. */
  readonly sheetRow: number | null;
}

/** A unit with figures (fresh or stale) and its valid rows of one template. */
export interface DetailUnit {
  readonly code: string;
  readonly name: string;
  readonly rows: readonly SourceRow[];
}

/** The rows of one detail tab, one list per unit (registry order), period rows first. */
export type DetailRowsByUnit = readonly (readonly ListedRow[])[];

/**
 * Every valid row of one template from every unit that has figures, per unit in sheet
 * order with the rows of the period `Tổng hợp` shows first, so the office can check any
 * total by filtering. Columns: unit code and name, the template's columns, whether the
 * row is in the period, and the row number in the unit's sheet.
 */
export function detailRows(
  template: Template,
  units: readonly DetailUnit[],
  period: Period,
): DetailRowsByUnit {
  return units.map((unit) => {
    const inside: ListedRow[] = [];
    const outside: ListedRow[] = [];
    for (const { values, sheetRow } of unit.rows) {
      const day = values[template.dateKey];
      const inPeriod = typeof day === "string" && isInPeriod(day as IsoDate, period);
      (inPeriod ? inside : outside).push({
        unit: unit.code,
        inPeriod,
        cells: [
          text(unit.code),
          text(unit.name),
          ...template.columns.map((column) => cell(column, values[column.key])),
          text(inPeriod ? "Có" : "Không"),
          sourceRowCell(sheetRow),
        ],
      });
    }
    return [...inside, ...outside];
  });
}

/**
 * The rows a detail tab lists, from each unit's kept rows: every unit's rows of the
 * period first (registry order), then their rows outside it.
 */
export function tabOrder(byUnit: DetailRowsByUnit): ListedRow[] {
  return [
    ...byUnit.flatMap((rows) => rows.filter((r) => r.inPeriod)),
    ...byUnit.flatMap((rows) => rows.filter((r) => !r.inPeriod)),
  ];
}

/**
 * `Dòng`: the row number, a number (sortable, filterable). Not a link as in `Lỗi dữ liệu`:
 * a link is ~200 bytes a row, which at 200 units of 50 rows pushed the one write past its
 * budget and cut the very rows these tabs exist to list.
 */
function sourceRowCell(sheetRow: number | null): CellData {
  return sheetRow === null ? blank() : num(sheetRow);
}

/**
 * The tab for `rows` (all of them, or fewer when the write would be too big); a `notice`
 * goes on the first line, above the header, and says what was left out. The header
 * carries a filter.
 */
export function detailTab(
  template: Template,
  rows: readonly ListedRow[],
  notice: string | null = null,
): TabContent {
  const header = [
    "Mã đơn vị",
    "Tên đơn vị",
    ...template.columns.map((c) => c.header),
    IN_PERIOD_HEADER,
    SOURCE_ROW_HEADER,
  ];
  const top = notice === null ? 0 : 1;
  const first = top + 1;
  const end = first + rows.length;
  const formats: BlockFormat[] = [block([top, first], [0, header.length], HEADER)];
  // Columns of one type share their number format, blank cells included (they show nothing).
  template.columns.forEach((column, i) => {
    const format = column.type === "date" ? DATE : column.type === "count" ? INTEGER : null;
    if (format) formats.push(block([first, end], [2 + i, 3 + i], format));
  });
  formats.push(block([first, end], [header.length - 1, header.length], PLAIN_NUMBER));
  if (notice !== null) formats.push(block([0, 1], [0, 1], NOTICE));
  return {
    title: detailTabTitle(template),
    rows: [
      ...(notice === null ? [] : [[text(notice)]]),
      header.map((h) => text(h)),
      ...rows.map((r) => r.cells),
    ],
    formats,
    frozenRows: first,
    // The notice is one long line: frozen columns would cut it at their edge.
    frozenColumns: notice === null ? 2 : 0,
    columnWidths: [90, 180, ...template.columns.map((c) => c.width), 110, 70],
    filterHeaderRow: top,
  };
}

function cell(column: ColumnDef, value: unknown): CellData {
  if (value === null || value === undefined || value === "") return blank();
  if (column.type === "date" && typeof value === "string") return date(value as IsoDate);
  if (typeof value === "number") return num(value);
  return text(String(value));
}
