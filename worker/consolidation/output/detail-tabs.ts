import { isInPeriod, type Period } from "../../../shared/periods.ts";
import type { ColumnDef, IsoDate } from "../../../shared/schema/template.ts";
import { TEMPLATES, type Template } from "../../../shared/templates/index.ts";
import type { CellData } from "../../sheets/request-types.ts";
import type { UnitOutcome } from "../model.ts";
import { blank, date, HEADER, num, text } from "./cells.ts";
import type { TabContent } from "./tab-plan.ts";

/** `Chi tiết – Kiểm tra, giám sát` (en dash), one per template. */
export function detailTabTitle(template: Pick<Template, "title">): string {
  return `Chi tiết – ${template.title}`;
}

export const IN_PERIOD_HEADER = "Thuộc kỳ báo cáo";

/**
 * Every valid row of one template from every unit that has figures (fresh or stale), in
 * registry order then sheet order, so the office can check any total by filtering. The
 * last column says whether the row falls in the period `Tổng hợp` shows.
 */
export function detailTab(
  template: Template,
  outcomes: readonly UnitOutcome[],
  period: Period,
): TabContent {
  const header = ["Mã đơn vị", "Tên đơn vị", ...template.columns.map((c) => c.header)];
  const rows: CellData[][] = [[...header, IN_PERIOD_HEADER].map((h) => text(h, HEADER))];
  for (const { state, snapshot } of outcomes) {
    if (!snapshot) continue;
    const list = snapshot.rows[template.id] as readonly Record<string, unknown>[];
    for (const row of list) {
      const day = row[template.dateKey];
      const inPeriod = typeof day === "string" && isInPeriod(day as IsoDate, period);
      rows.push([
        text(state.code),
        text(state.name),
        ...template.columns.map((column) => cell(column, row[column.key])),
        text(inPeriod ? "Có" : "Không"),
      ]);
    }
  }
  return {
    title: detailTabTitle(template),
    rows,
    frozenRows: 1,
    frozenColumns: 2,
    columnWidths: [90, 180, ...template.columns.map((c) => c.width), 110],
  };
}

export function detailTabs(outcomes: readonly UnitOutcome[], period: Period): TabContent[] {
  return TEMPLATES.map((t) => detailTab(t, outcomes, period));
}

function cell(column: ColumnDef, value: unknown): CellData {
  if (value === null || value === undefined || value === "") return blank();
  if (column.type === "date" && typeof value === "string") return date(value as IsoDate);
  if (typeof value === "number") return num(value);
  return text(String(value));
}
