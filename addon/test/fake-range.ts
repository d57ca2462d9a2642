import {
  AUTOMATIC_FORMAT,
  type Cell,
  DEFAULT_BACKGROUND,
  isDateFormat,
  writeValue,
} from "./fake-cells.ts";
import type { FakeDataValidation } from "./fake-data-validation.ts";
import { FakeProtection } from "./fake-protection.ts";
import type { FakeSheet } from "./fake-sheet.ts";
import { serialToDate } from "./fake-time-zone.ts";

function columnLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A block of cells, 1-based like Apps Script; writes check dimensions the way it does. */
export class FakeRange {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  constructor(sheet: FakeSheet, row: number, column: number, numRows: number, numColumns: number) {
    this.sheet = sheet;
    this.row = row;
    this.column = column;
    this.numRows = numRows;
    this.numColumns = numColumns;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getA1Notation(): string {
    const first = `${columnLetters(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return first;
    const last = `${columnLetters(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    return `${first}:${last}`;
  }

  getValues(): unknown[][] {
    const timeZone = this.sheet.host.timeZone();
    return this.read((cell) => {
      if (!cell) return "";
      if (typeof cell.value === "number" && isDateFormat(cell.numberFormat)) {
        return serialToDate(cell.value, timeZone);
      }
      return cell.value;
    });
  }
  getValue(): unknown {
    return this.getValues()[0]![0];
  }
  getNotes(): string[][] {
    return this.read((cell) => cell?.note ?? "");
  }
  getBackgrounds(): string[][] {
    return this.read((cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }
  getNumberFormats(): string[][] {
    return this.read((cell) => cell?.numberFormat ?? AUTOMATIC_FORMAT);
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.read((cell) => cell?.validation ?? null);
  }

  setValues(values: unknown[][]): this {
    const timeZone = this.sheet.host.timeZone();
    return this.writeEach(values, (cell, v) => writeValue(cell, v, timeZone));
  }
  setValue(value: unknown): this {
    const timeZone = this.sheet.host.timeZone();
    return this.writeAll((cell) => writeValue(cell, value, timeZone));
  }
  setNotes(notes: (string | null)[][]): this {
    return this.writeEach(notes, (cell, note) => {
      cell.note = note === null || note === undefined ? "" : String(note);
    });
  }
  setNote(note: string | null): this {
    return this.writeAll((cell) => {
      cell.note = note ?? "";
    });
  }
  setNumberFormats(formats: string[][]): this {
    return this.writeEach(formats, (cell, format) => {
      cell.numberFormat = String(format);
    });
  }
  setNumberFormat(format: string): this {
    return this.writeAll((cell) => {
      cell.numberFormat = format;
    });
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.writeEach(rules, (cell, rule) => {
      cell.validation = rule ?? null;
    });
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    return this.writeAll((cell) => {
      cell.validation = rule ?? null;
    });
  }
  setBackground(color: string | null): this {
    return this.writeAll((cell) => {
      cell.background = color === null ? null : color.toLowerCase();
    });
  }
  setFontWeight(weight: "bold" | "normal" | null): this {
    return this.writeAll((cell) => {
      cell.fontWeight = weight;
    });
  }
  setFontSize(size: number): this {
    return this.writeAll((cell) => {
      cell.fontSize = size;
    });
  }
  setWrap(wrap: boolean): this {
    return this.writeAll((cell) => {
      cell.wrap = wrap;
    });
  }
  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): this {
    return this.writeAll((cell) => {
      cell.verticalAlignment = alignment;
    });
  }
  protect(): FakeProtection {
    const protection = this.sheet.host.wrap(new FakeProtection(this));
    this.sheet.protections.push(protection);
    return protection;
  }
  activate(): this {
    this.sheet.host.activate(this.sheet, this);
    return this;
  }

  private read<T>(get: (cell: Cell | undefined) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from({ length: this.numColumns }, (_, c) =>
        get(this.sheet.peek(this.row + r, this.column + c)),
      ),
    );
  }

  /** Apps Script's dimension checks, word for word, before anything is written. */
  private writeEach<T>(matrix: T[][], set: (cell: Cell, value: T) => void): this {
    if (!Array.isArray(matrix) || matrix.length !== this.numRows) {
      const has = Array.isArray(matrix) ? matrix.length : 0;
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${has} but the range has ${this.numRows}.`,
      );
    }
    for (const row of matrix) {
      if (!Array.isArray(row) || row.length !== this.numColumns) {
        const has = Array.isArray(row) ? row.length : 0;
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${has} but the range has ${this.numColumns}.`,
        );
      }
    }
    matrix.forEach((row, r) => {
      row.forEach((value, c) => {
        set(this.sheet.cell(this.row + r, this.column + c), value);
      });
    });
    return this;
  }

  private writeAll(set: (cell: Cell) => void): this {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) set(this.sheet.cell(this.row + r, this.column + c));
    }
    return this;
  }
}

export class FakeRangeList {
  readonly ranges: FakeRange[];
  constructor(ranges: FakeRange[]) {
    this.ranges = ranges;
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  setBackground(color: string | null): this {
    for (const range of this.ranges) range.setBackground(color);
    return this;
  }
}
