import { formatDateVi } from "./cells/dates.ts";
import type { ColumnDef, IsoDate, TemplateDef } from "./schema/template.ts";
import { AUTHORITY_DISTRICT } from "./templates/awards.ts";
import { INSPECTOR_DISTRICT } from "./templates/inspections.ts";
import { displayValue } from "./text/fold.ts";
import type { Problem } from "./validate-row.ts";

/**
 * Warnings: a row that is counted but looks wrong. The add-on's form, its data check and
 * the Worker's `Lỗi dữ liệu` all get them from `validateRecord`, so the message is the
 * same everywhere. (The hand-typed total row is a warning too, but it is about a row that
 * fails to read, so the tab reader gives it.)
 */

/** District-level bodies were abolished on this day (the two-level local government). */
export const DISTRICT_LEVEL_ENDS: IsoDate = "2025-07-01";

/** The enum values, per template column, that name the district level. */
const DISTRICT_LEVEL_VALUES: readonly { template: string; key: string; value: string }[] = [
  { template: "inspections", key: "inspector", value: INSPECTOR_DISTRICT },
  { template: "awards", key: "authority", value: AUTHORITY_DISTRICT },
];

export interface WarningOptions {
  /** Today in Asia/Ho_Chi_Minh; without it no date is judged to be in the future. */
  readonly today?: IsoDate | null;
}

/**
 * The warnings of one record, from the cells that read (`row`: normalised values by key,
 * undefined for a cell that did not) and the cells as typed (`raws`, in column order).
 */
export function rowWarnings(
  template: TemplateDef,
  row: Readonly<Record<string, string | number | null | undefined>>,
  raws: readonly unknown[],
  options: WarningOptions = {},
): Problem[] {
  const warnings: Problem[] = [];
  const { dateColumn, districtRules, dateColumns } = planFor(template);
  const date = row[template.dateKey];
  if (dateColumn && typeof date === "string" && date >= DISTRICT_LEVEL_ENDS) {
    for (const { column, index, value } of districtRules) {
      if (row[column.key] !== value) continue;
      warnings.push(
        warning(
          column,
          raws[index],
          `"${column.header}" là "${value}" nhưng "${dateColumn.header}" là ${formatDateVi(date as IsoDate)}: từ ${formatDateVi(DISTRICT_LEVEL_ENDS)} không còn cấp huyện. Hãy kiểm tra lại: nếu là cấp tỉnh hoặc cấp xã thì chọn lại cho đúng; nếu ngày ghi nhầm thì sửa ngày.`,
        ),
      );
    }
  }
  const today = options.today ?? null;
  if (today !== null) {
    for (const { column, index } of dateColumns) {
      const value = row[column.key];
      if (typeof value !== "string" || value <= today) continue;
      warnings.push(
        warning(
          column,
          raws[index],
          `"${column.header}" là ${formatDateVi(value as IsoDate)}, sau ngày hôm nay (${formatDateVi(today)}): việc này chưa diễn ra. Hãy kiểm tra lại ngày, tháng, năm (ghi theo kiểu dd/mm/yyyy, ví dụ 05/06/2026 là ngày 5 tháng 6).`,
        ),
      );
    }
  }
  return warnings;
}

/** The columns each rule looks at, found once per template rather than once per row. */
interface Plan {
  readonly dateColumn: ColumnDef | undefined;
  /** `index`: the column's place in the template, as in `raws`. */
  readonly districtRules: readonly { column: ColumnDef; index: number; value: string }[];
  readonly dateColumns: readonly { column: ColumnDef; index: number }[];
}

const plans = new WeakMap<TemplateDef, Plan>();

function planFor(template: TemplateDef): Plan {
  let plan = plans.get(template);
  if (!plan) {
    const districtRules: { column: ColumnDef; index: number; value: string }[] = [];
    for (const rule of DISTRICT_LEVEL_VALUES) {
      const index = template.columns.findIndex((c) => c.key === rule.key);
      const column = template.columns[index];
      if (rule.template === template.id && column) {
        districtRules.push({ column, index, value: rule.value });
      }
    }
    plan = {
      dateColumn: template.columns.find((c) => c.key === template.dateKey),
      districtRules,
      dateColumns: template.columns.flatMap((column, index) =>
        column.type === "date" ? [{ column, index }] : [],
      ),
    };
    plans.set(template, plan);
  }
  return plan;
}

function warning(column: ColumnDef, raw: unknown, message: string): Problem {
  return { key: column.key, header: column.header, value: displayValue(raw), message };
}
