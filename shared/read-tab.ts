import { type Issue, locate } from "./issue.ts";
import type { RowOf, TemplateDef } from "./schema/template.ts";
import { displayValue, foldKey, isBlank } from "./text/fold.ts";
import { validateRecord } from "./validate-row.ts";

/** The header may sit under a title the add-on (or a person) put above it. */
export const HEADER_SEARCH_ROWS = 10;

// The first word of a hand-typed total row ("Tổng cộng", "Cộng:"); compared folded.
const TOTAL_WORDS = new Set([foldKey("Tổng"), foldKey("Cộng")]);

export interface TabRead<T extends TemplateDef> {
  /** 1-based sheet row of the header, or null when none was found. */
  readonly headerRow: number | null;
  /** Column key → 0-based index in the sheet. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: { sheetRow: number; row: RowOf<T> }[];
  readonly issues: Issue[];
  /** Rows left out for errors. */
  readonly invalidRows: number;
}

/** The title among `titles` that names this template's tab (NFC, case, spaces folded). */
export function findTab(template: TemplateDef, titles: readonly string[]): string | undefined {
  const key = foldKey(template.title);
  return titles.find((title) => foldKey(title) === key);
}

/** Locates the header row: the first of the top rows that names the most template columns. */
export function locateHeader(
  template: TemplateDef,
  values: readonly (readonly unknown[] | null | undefined)[],
): { headerRow: number; columns: Map<string, number> } | null {
  const byHeader = new Map(template.columns.map((c) => [foldKey(c.header), c.key]));
  let best: { headerRow: number; columns: Map<string, number> } | null = null;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const columns = new Map<string, number>();
    asRow(values[r]).forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const key = byHeader.get(foldKey(cell));
      // A repeated header: the leftmost one is the column, as people read it.
      if (key !== undefined && !columns.has(key)) columns.set(key, c);
    });
    // Two matching headers tell a header row from a title or a data row.
    if (columns.size >= 2 && columns.size > (best?.columns.size ?? 0)) {
      best = { headerRow: r + 1, columns };
    }
  }
  return best;
}

/**
 * Reads one template tab's values (as the Sheets API returns them from A1, ragged rows
 * allowed). Never throws: whatever is in the cells becomes rows or issues.
 */
export function readTab<T extends TemplateDef>(
  template: T,
  values: readonly (readonly unknown[] | null | undefined)[],
  tabTitle: string = template.title,
): TabRead<T> {
  const tab = tabTitle;
  const header = locateHeader(template, values);
  if (!header) {
    return tabError(
      template,
      tab,
      null,
      `${locate(tab, null, null)}: không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu. Hãy giữ nguyên dòng tiêu đề của biểu mẫu (${template.columns.map((c) => c.header).join(" | ")}).`,
    );
  }
  const missing = template.columns.filter((c) => c.required && !header.columns.has(c.key));
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c.header}"`).join(", ");
    return tabError(
      template,
      tab,
      header.headerRow,
      `${locate(tab, header.headerRow, null)}: thiếu cột bắt buộc ${names}. Có thể tên cột đã bị sửa; hãy đặt lại đúng tên cột như biểu mẫu. Các dòng của biểu này chưa được tính.`,
      header.columns,
    );
  }

  const rows: { sheetRow: number; row: RowOf<T> }[] = [];
  const issues: Issue[] = [];
  let invalidRows = 0;
  for (let r = header.headerRow; r < values.length; r++) {
    const cells = asRow(values[r]);
    const sheetRow = r + 1;
    const record: Record<string, unknown> = {};
    for (const [key, c] of header.columns) record[key] = cells[c];
    if (Object.values(record).every(isBlank)) continue;
    const totalCell = handTypedTotal(cells);
    if (totalCell !== undefined) {
      issues.push({
        severity: "warning",
        tab,
        row: sheetRow,
        column: null,
        columnIndex: null,
        value: totalCell,
        message: `${locate(tab, sheetRow, null)}: dòng "${totalCell}" là dòng tổng tự gõ nên không được tính. Hệ thống tự cộng; có thể xóa dòng này.`,
      });
      continue;
    }
    const result = validateRecord(template, record);
    if (result.ok) {
      rows.push({ sheetRow, row: result.row });
      continue;
    }
    invalidRows++;
    for (const p of result.problems) {
      issues.push({
        severity: "error",
        tab,
        row: sheetRow,
        column: p.header,
        columnIndex: header.columns.get(p.key) ?? null,
        value: p.value,
        message: `${locate(tab, sheetRow, p.header)}: ${p.message}`,
      });
    }
  }
  return { headerRow: header.headerRow, columns: header.columns, rows, issues, invalidRows };
}

function tabError<T extends TemplateDef>(
  _template: T,
  tab: string,
  headerRow: number | null,
  message: string,
  columns: ReadonlyMap<string, number> = new Map(),
): TabRead<T> {
  const issue: Issue = {
    severity: "error",
    tab,
    row: headerRow,
    column: null,
    columnIndex: null,
    value: "",
    message,
  };
  return { headerRow, columns, rows: [], issues: [issue], invalidRows: 0 };
}

/** The text of the row's first text cell when it starts with `Tổng`/`Cộng`. */
function handTypedTotal(cells: readonly unknown[]): string | undefined {
  const first = cells.find((cell) => typeof cell === "string" && !isBlank(cell));
  if (typeof first !== "string") return undefined;
  const word = foldKey(first).split(/[\s:.,;()-]+/)[0] ?? "";
  return TOTAL_WORDS.has(word) ? displayValue(first).trim() : undefined;
}

function asRow(row: readonly unknown[] | null | undefined): readonly unknown[] {
  return Array.isArray(row) ? row : [];
}
