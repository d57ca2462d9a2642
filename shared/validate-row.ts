import { parseCell } from "./cells/parse-cell.ts";
import type { ColumnDef, RowOf, TemplateDef } from "./schema/template.ts";
import { displayValue } from "./text/fold.ts";
import { rowWarnings, type WarningOptions } from "./warnings.ts";

export interface Problem {
  readonly key: string;
  readonly header: string;
  /** The value as typed. */
  readonly value: string;
  /** Vietnamese: what is wrong and how to fix it (no location: the caller adds it). */
  readonly message: string;
}

/**
 * `warnings` (shared/warnings.ts) never make a row invalid; a row with errors still gets
 * the warnings of the cells that read, so the form can show both at once.
 */
export type RowValidation<T extends TemplateDef> =
  | { ok: true; row: RowOf<T>; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/**
 * Validates one record of a template (cells by column key, raw as the sheet or the
 * sidebar gives them): each cell, the required ones, then the cross-field rules.
 * The add-on's sidebar (client and server) and the Worker all call this one function.
 * `options.today` (Asia/Ho_Chi_Minh) turns on the "date after today" warning.
 */
export function validateRecord<T extends TemplateDef>(
  template: T,
  record: Readonly<Record<string, unknown>>,
  options?: WarningOptions,
): RowValidation<T> {
  const plan = planFor(template);
  return validateRaws(
    template,
    plan,
    plan.columns.map((c) => record[c.key]),
    options,
  );
}

/**
 * `validateRecord` for a row as a tab holds it: `columnAt[c]` is the index in `cells` of
 * template column c, or -1 when the tab lacks that column. The tab reader's per-row call:
 * no record object, each cell taken by its index.
 */
export function validateCells<T extends TemplateDef>(
  template: T,
  cells: readonly unknown[],
  columnAt: readonly number[],
  options?: WarningOptions,
): RowValidation<T> {
  const plan = planFor(template);
  // The plan's own array, refilled: validateRaws keeps nothing of it.
  const raws = plan.raws;
  for (let c = 0; c < raws.length; c++) {
    const at = columnAt[c] ?? -1;
    raws[c] = at >= 0 ? cells[at] : undefined;
  }
  return validateRaws(template, plan, raws, options);
}

/** `raws[c]`: template column c's cell as typed. */
function validateRaws<T extends TemplateDef>(
  template: T,
  plan: Plan,
  raws: readonly unknown[],
  options: WarningOptions | undefined,
): RowValidation<T> {
  const { columns } = plan;
  // Made at the first problem: most rows have none.
  let problems: Problem[] | undefined;
  // Every key from the start, in column order: all rows of a template share one shape. A
  // cell that does not read is `undefined` (a read cell is a value or null).
  const row: Record<string, string | number | null | undefined> = { ...plan.blankRow };
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as ColumnDef;
    const raw = raws[c];
    const parsed = parseCell(column, raw);
    if (!parsed.ok) {
      problems ??= [];
      problems.push(problem(column, raw, parsed.message));
      row[column.key] = undefined;
      continue;
    }
    if (parsed.value === null && column.required) {
      problems ??= [];
      problems.push(
        problem(column, raw, `Chưa nhập "${column.header}" (cột bắt buộc). ${column.note}`),
      );
      row[column.key] = undefined;
      continue;
    }
    row[column.key] = parsed.value;
  }
  for (const [c, limit] of plan.atMost) {
    const column = columns[c] as ColumnDef;
    const value = row[column.key];
    const limitValue = row[limit.key];
    // A blank or broken limit cell counts as none: "3 remedied of no recommendations" is wrong.
    if (typeof value !== "number" || limitValue === undefined) continue;
    const max = (limitValue as number | null) ?? 0;
    if (value > max) {
      problems ??= [];
      problems.push(
        problem(
          column,
          raws[c],
          `"${column.header}" (${value}) không được lớn hơn "${limit.header}" (${max}). Hãy kiểm tra lại hai số này.`,
        ),
      );
    }
  }
  const warnings = rowWarnings(template, row, raws, options);
  if (problems !== undefined) return { ok: false, problems, warnings };
  return { ok: true, row: row as RowOf<T>, warnings };
}

/** What `validateRecord` works out once per template rather than once per row. */
interface Plan {
  readonly columns: readonly ColumnDef[];
  /** Every column key, null, in column order: each row starts as a copy of it. */
  readonly blankRow: Readonly<Record<string, null>>;
  /** Count columns (by index) with an "at most" rule, each with the column it may not exceed. */
  readonly atMost: readonly (readonly [number, ColumnDef])[];
  /** A row's cells by column index, refilled for each row by `validateCells`. */
  readonly raws: unknown[];
}

const plans = new WeakMap<TemplateDef, Plan>();

function planFor(template: TemplateDef): Plan {
  let plan = plans.get(template);
  if (!plan) {
    // Through JSON: V8 gives a parsed object exactly its properties' room inside it, so
    // a copy is one allocation (an object built key by key keeps most of them outside).
    const blankRow = JSON.parse(
      JSON.stringify(Object.fromEntries(template.columns.map((c) => [c.key, null]))),
    ) as Record<string, null>;
    const atMost: (readonly [number, ColumnDef])[] = [];
    template.columns.forEach((column, c) => {
      if (column.type !== "count" || column.atMost === undefined) return;
      const limit = template.columns.find((l) => l.key === column.atMost);
      if (limit) atMost.push([c, limit]);
    });
    const raws = new Array<unknown>(template.columns.length).fill(undefined);
    plan = { columns: template.columns, blankRow, atMost, raws };
    plans.set(template, plan);
  }
  return plan;
}

function problem(column: ColumnDef, raw: unknown, message: string): Problem {
  return { key: column.key, header: column.header, value: displayValue(raw), message };
}
