/**
 * RFC 4180 as the emulator writes it (`out/<spreadsheetId>/<tab>.csv`): fields quoted when
 * they hold a comma, quote or line break, quotes doubled, lines ended by CRLF.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      [row, field] = [[], ""];
      i++;
    } else field += c;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}

/** The rows of a tab under its header row (the row whose first cell is `first`), by header. */
export function tableUnder(rows: string[][], first: string): Record<string, string>[] {
  const at = rows.findIndex((r) => r[0] === first);
  if (at < 0) throw new Error(`no header row starting with ${first}`);
  const header = rows[at]!;
  return rows.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}
