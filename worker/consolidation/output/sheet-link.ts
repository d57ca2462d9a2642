/**
 * Links into a spreadsheet that open one tab at one cell: what `Lỗi dữ liệu` puts on each
 * row number so the office lands on the very cell a unit must fix.
 */

/** `A`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * `https://docs.google.com/spreadsheets/d/<id>/edit#gid=<sheetId>&range=<A1>`: the cell
 * when the column is known, else the row's first cell, else just the tab.
 */
export function cellLink(
  spreadsheetId: string,
  sheetId: number,
  row: number | null,
  columnIndex: number | null,
): string {
  const base = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId}`;
  if (row === null) return base;
  return `${base}&range=${columnLetters(columnIndex ?? 0)}${row}`;
}
