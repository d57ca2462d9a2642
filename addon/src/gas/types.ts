/**
 * The slice of the Apps Script API the add-on uses, declared here so the modules (and
 * their tests, which run in Node without Apps Script types) depend on exactly this much.
 * `main.ts` assigns the real services to these types under addon/tsconfig.json, so the
 * compiler proves every member here exists in Apps Script with a compatible signature.
 */

export type CellValue = string | number | boolean | Date;

export interface GasDataValidation {
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
  getHelpText(): string;
}

export interface GasDataValidationBuilder {
  requireValueInList(values: string[], showDropdown: boolean): GasDataValidationBuilder;
  requireDateBetween(start: Date, end: Date): GasDataValidationBuilder;
  requireFormulaSatisfied(formula: string): GasDataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): GasDataValidationBuilder;
  setHelpText(helpText: string): GasDataValidationBuilder;
  build(): GasDataValidation;
}

export interface GasProtection {
  setDescription(description: string): GasProtection;
  setWarningOnly(warningOnly: boolean): GasProtection;
}

export interface GasRange {
  getRow(): number;
  getSheet(): GasSheet;
  getValue(): unknown;
  getValues(): unknown[][];
  getNotes(): string[][];
  getBackgrounds(): string[][];
  getNumberFormats(): string[][];
  setValue(value: CellValue): GasRange;
  setValues(values: CellValue[][]): GasRange;
  setNote(note: string | null): GasRange;
  setNotes(notes: (string | null)[][]): GasRange;
  setNumberFormat(format: string): GasRange;
  setNumberFormats(formats: string[][]): GasRange;
  setDataValidation(rule: GasDataValidation | null): GasRange;
  setDataValidations(rules: (GasDataValidation | null)[][]): GasRange;
  setFontWeight(weight: "bold" | "normal" | null): GasRange;
  setFontSize(size: number): GasRange;
  setBackground(color: string | null): GasRange;
  setWrap(wrap: boolean): GasRange;
  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): GasRange;
  protect(): GasProtection;
  activate(): GasRange;
}

export interface GasRangeList {
  setBackground(color: string | null): GasRangeList;
}

export interface GasSheet {
  getName(): string;
  getSheetId(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRangeList(a1Notations: string[]): GasRangeList;
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet;
  setFrozenRows(rows: number): void;
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet;
  deleteRow(rowPosition: number): GasSheet;
}

export interface GasSpreadsheet {
  getSheets(): GasSheet[];
  getActiveRange(): GasRange | null;
  getNumSheets(): number;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
}

export interface GasSpreadsheetApp {
  newDataValidation(): GasDataValidationBuilder;
  flush(): void;
}

export interface GasProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): GasProperties;
  deleteProperty(key: string): GasProperties;
  getKeys(): string[];
}

export interface GasLock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

/** Everything a feature module needs, passed in so tests can hand it fakes. */
export interface AddonContext {
  readonly spreadsheet: GasSpreadsheet;
  readonly app: GasSpreadsheetApp;
  readonly documentProperties: GasProperties;
  readonly scriptProperties: GasProperties;
  /** `Utilities.formatDate`: an instant as wall-clock text in a time zone. */
  readonly formatDate: (date: Date, timeZone: string, format: string) => string;
  /** `LockService.getDocumentLock()`; null where Apps Script has no document lock. */
  readonly documentLock: () => GasLock | null;
}
