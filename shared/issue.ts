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
