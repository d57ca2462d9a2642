import { type Cell, DEFAULT_BACKGROUND, emptyCell, hasContent, parseA1 } from "./fake-cells.ts";
import type { FakeProtection } from "./fake-protection.ts";
import { FakeRange, FakeRangeList } from "./fake-range.ts";

/** Hooks a sheet needs from its spreadsheet (time zone, activation, call counting). */
export interface SheetHost {
  timeZone(): string;
  activate(sheet: FakeSheet, range: FakeRange | null): void;
  wrap<T extends object>(target: T): T;
}

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  readonly columnWidths = new Map<number, number>();
  readonly protections: FakeProtection[] = [];
  frozenRows = 0;

  readonly host: SheetHost;
  name: string;
  readonly id: number;
  maxRows: number;
  maxColumns: number;
  constructor(host: SheetHost, name: string, id: number, maxRows = 1000, maxColumns = 26) {
    this.host = host;
    this.name = name;
    this.id = id;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  getName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.id;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  getLastRow(): number {
    let last = 0;
    for (const [key, cell] of this.cells)
      if (hasContent(cell)) last = Math.max(last, split(key)[0]);
    return last;
  }
  getLastColumn(): number {
    let last = 0;
    for (const [key, cell] of this.cells)
      if (hasContent(cell)) last = Math.max(last, split(key)[1]);
    return last;
  }
  getRange(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    for (const [name, n] of Object.entries({ row, column, numRows, numColumns })) {
      if (!Number.isInteger(n)) throw new Error(`Exception: ${name} must be an integer, got ${n}`);
    }
    if (row < 1 || column < 1) throw new Error("Exception: Range not found");
    if (numRows < 1)
      throw new Error("Exception: The number of rows in the range must be at least 1.");
    if (numColumns < 1) {
      throw new Error("Exception: The number of columns in the range must be at least 1.");
    }
    if (row + numRows - 1 > this.maxRows)
      throw new Error("Exception: Those rows are out of bounds.");
    if (column + numColumns - 1 > this.maxColumns) {
      throw new Error("Exception: Those columns are out of bounds.");
    }
    return this.host.wrap(new FakeRange(this, row, column, numRows, numColumns));
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    const ranges = a1Notations.map((a1) => {
      const r = parseA1(a1);
      return this.getRange(r.row, r.column, r.rows, r.columns);
    });
    return this.host.wrap(new FakeRangeList(ranges));
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    if (startColumn + numColumns - 1 > this.maxColumns) {
      throw new Error("Exception: Those columns are out of bounds.");
    }
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(column: number): number {
    return this.columnWidths.get(column) ?? 100;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition !== this.maxRows) {
      // The add-on only ever appends at the bottom; moving cells down is not modelled.
      throw new Error("fake insertRowsAfter: only after the last row is supported");
    }
    if (!(howMany >= 1)) throw new Error("Exception: Invalid argument: howMany");
    this.maxRows += howMany;
    return this;
  }
  /** Moves every cell below `rowPosition` up by one, as Sheets does; the grid shrinks. */
  deleteRow(rowPosition: number): this {
    if (!Number.isInteger(rowPosition) || rowPosition < 1 || rowPosition > this.maxRows) {
      throw new Error("Exception: Those rows are out of bounds.");
    }
    if (this.maxRows === 1)
      throw new Error("Exception: You can't delete all the rows on the sheet.");
    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = split(key);
      if (r === rowPosition) continue;
      moved.set(`${r > rowPosition ? r - 1 : r}:${c}`, cell);
    }
    this.cells.clear();
    for (const [key, cell] of moved) this.cells.set(key, cell);
    this.maxRows -= 1;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  getProtections(): FakeProtection[] {
    return [...this.protections];
  }
  activate(): this {
    this.host.activate(this, null);
    return this;
  }

  // ---- helpers for the fake and for tests (not Apps Script API) ----

  cell(row: number, column: number): Cell {
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }
  /** Stores values from (firstRow, A) as they are, optionally with number formats by column. */
  put(
    firstRow: number,
    rows: readonly (readonly unknown[])[],
    formats: Record<number, string> = {},
  ): this {
    for (const [r, row] of rows.entries()) {
      for (const [c, value] of row.entries()) {
        if (value === "" || value === null || value === undefined) continue;
        const cell = this.cell(firstRow + r, c + 1);
        cell.value = value as string | number | boolean;
        const format = formats[c + 1];
        if (format) cell.numberFormat = format;
      }
    }
    return this;
  }
  peek(row: number, column: number): Cell | undefined {
    return this.cells.get(`${row}:${column}`);
  }
  /** Stored values of a block, "" for empty: what a person sees, without Date conversion. */
  stored(row: number, column: number, rows: number, columns: number): unknown[][] {
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => this.peek(row + r, column + c)?.value ?? ""),
    );
  }
  background(row: number, column: number): string {
    return this.peek(row, column)?.background ?? DEFAULT_BACKGROUND;
  }
  /** Everything stored, for "nothing changed" assertions. */
  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .filter(
        ([, c]) =>
          JSON.stringify({ ...c, validation: null }) !== JSON.stringify(emptyCell()) ||
          c.validation,
      )
      .map(([key, c]) => [key, { ...c, validation: c.validation?.describe() ?? null }])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    return {
      name: this.name,
      maxRows: this.maxRows,
      frozenRows: this.frozenRows,
      widths: [...this.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      protections: this.protections.map((p) => [
        p.range.getA1Notation(),
        p.description,
        p.warningOnly,
      ]),
      cells,
    };
  }
}

function split(key: string): [number, number] {
  const [r = "0", c = "0"] = key.split(":");
  return [Number(r), Number(c)];
}
