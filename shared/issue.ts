/**
 * A problem found in a unit's sheets, shown to staff in the add-on's data check and in
 * the province's `Lỗi dữ liệu` tab. `message` is a full Vietnamese sentence that says
 * where (tab, row, column), what was typed and how to fix it.
 */
export interface Issue {
  readonly severity: "error" | "warning";
  /** The template's tab title (as the template names it). */
  readonly tab: string;
  /** The sheet row number the user sees (1-based), or null for a whole-tab problem. */
  readonly row: number | null;
  /** The column header, or null when the problem is not about one column. */
  readonly column: string | null;
  /** 0-based column index in the sheet, or null. */
  readonly columnIndex: number | null;
  /** The raw value as typed. */
  readonly value: string;
  readonly message: string;
}

export function locate(tab: string, row: number | null, column: string | null): string {
  const parts = [`Biểu "${tab}"`];
  if (row !== null) parts.push(`dòng ${row}`);
  if (column !== null) parts.push(`cột "${column}"`);
  return parts.join(", ");
}

/** Where an issue is; what is left out is null (row, column, index) or "" (value). */
export interface IssueAt {
  readonly tab: string;
  readonly row?: number | null;
  readonly column?: string | null;
  readonly columnIndex?: number | null;
  /** The raw value as typed. */
  readonly value?: string;
}

/**
 * An issue whose message is its location (`Biểu "…", dòng …, cột "…"`) then `text`, so
 * every message starts the same way and the add-on can cut the location off for a note.
 */
export function issue(severity: Issue["severity"], at: IssueAt, text: string): Issue {
  const row = at.row ?? null;
  const column = at.column ?? null;
  return {
    severity,
    tab: at.tab,
    row,
    column,
    columnIndex: at.columnIndex ?? null,
    value: at.value ?? "",
    message: `${locate(at.tab, row, column)}: ${text}`,
  };
}
