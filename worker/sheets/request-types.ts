/**
 * The subset of spreadsheets.batchUpdate `Request` objects the Worker sends, typed so the
 * consolidation code gets field-name checking. Formats and chart specs stay open records:
 * they are passed through to Google unchanged.
 *
 * Text safety: `ExtendedValue.stringValue` is stored literally (never parsed as a formula
 * or number), so district text written through updateCells is safe; only
 * `formulaValue` is evaluated.
 */

export interface GridRange {
  readonly sheetId: number;
  readonly startRowIndex?: number;
  readonly endRowIndex?: number;
  readonly startColumnIndex?: number;
  readonly endColumnIndex?: number;
}

export interface GridCoordinate {
  readonly sheetId: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
}

export type ExtendedValue =
  | { readonly stringValue: string }
  | { readonly numberValue: number }
  | { readonly boolValue: boolean }
  | { readonly formulaValue: string };

export interface CellData {
  readonly userEnteredValue?: ExtendedValue;
  readonly userEnteredFormat?: Readonly<Record<string, unknown>>;
  readonly note?: string;
  readonly dataValidation?: Readonly<Record<string, unknown>>;
  /** Rich text on a string value, e.g. a link: `{ startIndex, format: { link: { uri } } }`. */
  readonly textFormatRuns?: readonly {
    readonly startIndex?: number;
    readonly format: Readonly<Record<string, unknown>>;
  }[];
}

export interface RowData {
  readonly values?: readonly CellData[];
}

export interface SheetPropertiesInput {
  readonly sheetId?: number;
  readonly title?: string;
  readonly index?: number;
  readonly hidden?: boolean;
  readonly tabColorStyle?: Readonly<Record<string, unknown>>;
  readonly gridProperties?: {
    readonly rowCount?: number;
    readonly columnCount?: number;
    readonly frozenRowCount?: number;
    readonly frozenColumnCount?: number;
  };
}

export interface DimensionRange {
  readonly sheetId: number;
  readonly dimension: "ROWS" | "COLUMNS";
  readonly startIndex?: number;
  readonly endIndex?: number;
}

export type SheetsRequest =
  | { readonly addSheet: { readonly properties: SheetPropertiesInput } }
  | {
      readonly updateSheetProperties: {
        readonly properties: SheetPropertiesInput & { readonly sheetId: number };
        /** Field mask, e.g. "title,gridProperties.frozenRowCount"; required by Google. */
        readonly fields: string;
      };
    }
  | {
      readonly updateCells: {
        readonly rows: readonly RowData[];
        readonly fields: string;
      } & ({ readonly start: GridCoordinate } | { readonly range: GridRange });
    }
  | {
      readonly repeatCell: {
        readonly range: GridRange;
        readonly cell: CellData;
        readonly fields: string;
      };
    }
  | {
      readonly updateDimensionProperties: {
        readonly range: DimensionRange;
        readonly properties: { readonly pixelSize?: number; readonly hiddenByUser?: boolean };
        readonly fields: string;
      };
    }
  | { readonly addChart: { readonly chart: Readonly<Record<string, unknown>> } }
  | { readonly deleteEmbeddedObject: { readonly objectId: number } }
  | { readonly setBasicFilter: { readonly filter: { readonly range: GridRange } } }
  | {
      readonly mergeCells: {
        readonly range: GridRange;
        readonly mergeType: "MERGE_ALL" | "MERGE_COLUMNS" | "MERGE_ROWS";
      };
    }
  | { readonly unmergeCells: { readonly range: GridRange } }
  | {
      readonly addProtectedRange: {
        readonly protectedRange: {
          readonly range: GridRange;
          readonly description?: string;
          readonly warningOnly?: boolean;
        };
      };
    };
