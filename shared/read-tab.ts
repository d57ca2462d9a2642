import { parseCell } from "./cells/parse-cell.ts";
import { HEADER_SEARCH_ROWS, locateHeaderRow } from "./header-row.ts";
import { type Issue, issue } from "./issue.ts";
import type { RowOf, TemplateDef } from "./schema/template.ts";
import { foldKey, isBlank, normalizeText } from "./text/fold.ts";
import { type Problem, validateCells } from "./validate-row.ts";
import type { WarningOptions } from "./warnings.ts";

// Kept here too: the add-on imports it from this module (shared/header-row.ts owns it).
export { HEADER_SEARCH_ROWS };

export interface TabRead<T extends TemplateDef> {
  /** 1-based sheet row of the header, or null when none was found. */
  readonly headerRow: number | null;
  /** Column key → 0-based index in the sheet. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: { sheetRow: number; row: RowOf<T> }[];
  readonly issues: Issue[];
  /** Rows left out for errors. */
  readonly invalidRows: number;
  /** Why none of the tab's rows count (no header, a required column missing), or null. */
  readonly tabProblem: string | null;
}

/** The title among `titles` that names this template's tab (NFC, case, spaces folded). */
export function findTab(template: TemplateDef, titles: readonly string[]): string | undefined {
  const key = foldKey(template.title);
  return titles.find((title) => foldKey(title) === key);
}

/**
 * Reads one template tab's values (as the Sheets API returns them from A1, ragged rows
 * allowed). Never throws: whatever is in the cells becomes rows or issues. A row's
 * warnings (`options.today`: Vietnam's date, for "after today") are warning issues; the
 * row still counts.
 */
export function readTab<T extends TemplateDef>(
  template: T,
  values: readonly (readonly unknown[] | null | undefined)[],
  tabTitle: string = template.title,
  options: WarningOptions = {},
): TabRead<T> {
  const tab = tabTitle;
  const header = locateHeaderRow(values, template.columns);
  if (!header) {
    const headers = template.columns.map((c) => c.header).join(" | ");
    return tabError(
      issue(
        "error",
        { tab },
        `không tìm thấy dòng tiêu đề của biểu mẫu (${headers}). Dòng tiêu đề phải nằm trong ${HEADER_SEARCH_ROWS} dòng đầu của trang tính và giữ đúng tên các cột. Các dòng của biểu này chưa được tính.`,
      ),
    );
  }
  const missing = template.columns.filter((c) => c.required && !header.columns.has(c.key));
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c.header}"`).join(", ");
    return tabError(
      issue(
        "error",
        { tab, row: header.headerRow },
        `thiếu cột bắt buộc ${names}. Có thể tên cột đã bị sửa; hãy đặt lại đúng tên cột như biểu mẫu. Các dòng của biểu này chưa được tính.`,
      ),
      header,
    );
  }

  // Each template column's index in the sheet's rows, -1 for one the tab lacks.
  const columnAt = template.columns.map((c) => header.columns.get(c.key) ?? -1);
  const inTab = columnAt.filter((at) => at >= 0);
  const noneRequired = !template.columns.some((c) => c.required);
  const cellIssue = (severity: Issue["severity"], sheetRow: number, p: Problem) =>
    issue(
      severity,
      {
        tab,
        row: sheetRow,
        column: p.header,
        columnIndex: header.columns.get(p.key) ?? null,
        value: p.value,
      },
      p.message,
    );
  const rows: { sheetRow: number; row: RowOf<T> }[] = [];
  const issues: Issue[] = [];
  let invalidRows = 0;
  for (let r = header.headerRow; r < values.length; r++) {
    const cells = values[r];
    if (!Array.isArray(cells) || cells.length === 0) continue;
    const sheetRow = r + 1;
    // The cells by index, without a record object per row.
    const result = validateCells(template, cells, columnAt, options);
    // A row with nothing in the template's columns is no row. Only a row that fails (or
    // a template without required columns) can be blank, so valid rows skip the check.
    if ((!result.ok || noneRequired) && inTab.every((at) => isBlank(cells[at]))) continue;
    if (result.ok) {
      rows.push({ sheetRow, row: result.row });
      for (const w of result.warnings) issues.push(cellIssue("warning", sheetRow, w));
      continue;
    }
    // Only a row that fails can be a hand-typed total: a valid row always counts.
    const total = handTypedTotal(template, cells, columnAt);
    if (total !== undefined) {
      issues.push(
        issue(
          "warning",
          { tab, row: sheetRow, value: total },
          `dòng "${total}" là dòng tổng tự gõ nên không được tính. Hệ thống tự cộng; có thể xóa dòng này.`,
        ),
      );
      continue;
    }
    invalidRows++;
    for (const p of result.problems) issues.push(cellIssue("error", sheetRow, p));
    // Shown beside the errors, as the form shows them: one fix of the row for both.
    for (const w of result.warnings) issues.push(cellIssue("warning", sheetRow, w));
  }
  return {
    headerRow: header.headerRow,
    columns: header.columns,
    rows,
    issues,
    invalidRows,
    tabProblem: null,
  };
}

function tabError<T extends TemplateDef>(
  problem: Issue,
  header: { headerRow: number; columns: ReadonlyMap<string, number> } | null = null,
): TabRead<T> {
  return {
    headerRow: header?.headerRow ?? null,
    columns: header?.columns ?? new Map(),
    rows: [],
    issues: [problem],
    invalidRows: 0,
    tabProblem: problem.message,
  };
}

// What a hand-typed total row says in its first text cell, folded: the word alone.
const TOTAL_LABELS = new Set(["Tổng", "Cộng", "Tổng cộng", "Tổng số", "Cộng chung"].map(foldKey));

/**
 * The label of a hand-typed total row (docs/domain.md, "Hand-typed total rows"), or
 * undefined for any other row. Both must hold: its first text cell (in any column, the
 * template's or not) is a total word alone, optionally with a trailing `:` or `.`
 * ("Tổng cộng:", "Cộng"; not "Tổng biên tập…", "Cộng tác viên…"); and no required
 * column other than that cell holds a value that reads on its own (a date, a dropdown
 * value, a text). A unit's sums sit in count columns, which are never required, so a
 * total keeps its figures; a row with a date, a chair and an area is a real row whatever
 * its extra column says, and its errors are shown, not hidden behind "delete this row".
 */
function handTypedTotal(
  template: TemplateDef,
  cells: readonly unknown[],
  columnAt: readonly number[],
): string | undefined {
  const at = cells.findIndex((cell) => typeof cell === "string" && !isBlank(cell));
  const first = cells[at];
  if (typeof first !== "string") return undefined;
  const text = normalizeText(first);
  if (!TOTAL_LABELS.has(foldKey(text.replace(/[\s:.]+$/u, "")))) return undefined;
  const holdsRequired = template.columns.some((column, c) => {
    const index = columnAt[c] ?? -1;
    if (!column.required || index < 0 || index === at) return false;
    const parsed = parseCell(column, cells[index]);
    return parsed.ok && parsed.value !== null;
  });
  return holdsRequired ? undefined : text;
}
