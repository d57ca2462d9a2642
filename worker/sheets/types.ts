/**
 * The shapes of the Sheets API v4 that the Worker reads and writes: only the fields the
 * consolidation uses. Responses are parsed at the boundary (schemas.ts) into these types.
 */

/** A cell as values.batchGet returns it with UNFORMATTED_VALUE + SERIAL_NUMBER (dates are
 * serial numbers). `null` only appears if Google ever sends one; empty cells inside a row
 * come as "". Trailing empty cells and rows are omitted by Google, so rows are ragged. */
export type CellValue = string | number | boolean | null;

export interface GridProperties {
  readonly rowCount?: number;
  readonly columnCount?: number;
  readonly frozenRowCount?: number;
  readonly frozenColumnCount?: number;
}

export interface SheetProperties {
  readonly sheetId: number;
  /** The tab title exactly as stored (may be NFD); use it byte-for-byte in ranges. */
  readonly title: string;
  readonly index?: number;
  readonly sheetType?: string;
  readonly gridProperties?: GridProperties;
}

/** Sheet properties from a caller's own `fields` mask: sheetId only if the mask asked. */
export type MaskedSheetProperties = Omit<SheetProperties, "sheetId"> & {
  readonly sheetId?: number;
};

export interface SheetInfo<P = SheetProperties> {
  readonly properties: P;
  /** Present only when the `fields` mask asks for `sheets(charts(chartId))`. */
  readonly charts?: readonly { readonly chartId: number }[];
  /** Present when the mask asks for `sheets(protectedRanges(...))`. */
  readonly protectedRanges?: readonly {
    readonly description?: string | undefined;
    readonly warningOnly?: boolean | undefined;
  }[];
}

export interface Spreadsheet<P = SheetProperties> {
  /** Absent when the `fields` mask leaves it out. */
  readonly spreadsheetId?: string;
  readonly properties?: {
    readonly title?: string;
    readonly locale?: string;
    readonly timeZone?: string;
  };
  readonly sheets: readonly SheetInfo<P>[];
}

/** One tab of a grid-data read: its rows as values.batchGet would give them (every column). */
export interface SheetValues {
  readonly sheetId: number;
  readonly title: string;
  readonly values: readonly (readonly CellValue[])[];
}

/** spreadsheets.get with grid data (getSpreadsheetValues): every tab, titles and values. */
export interface SpreadsheetValues {
  readonly timeZone?: string | undefined;
  readonly sheets: readonly SheetValues[];
}

export interface ValueRange {
  /** The range as Google normalised it, e.g. `'Khen thưởng'!A1:H40`. */
  readonly range: string;
  /** Rows of cells; [] for an empty range (Google omits the `values` key then). */
  readonly values: readonly (readonly CellValue[])[];
}

export interface BatchGetValuesResult {
  readonly spreadsheetId: string;
  /** Same order and length as the `ranges` asked for. */
  readonly valueRanges: readonly ValueRange[];
}

/** Reply to one request of spreadsheets.batchUpdate; `{}` for requests without a reply. */
export interface BatchUpdateReply {
  readonly addSheet?: { readonly properties: SheetProperties };
  readonly addChart?: { readonly chart: { readonly chartId: number } };
  readonly [other: string]: unknown;
}

export interface BatchUpdateResult {
  readonly spreadsheetId: string;
  /** One reply per request, in request order. */
  readonly replies: readonly BatchUpdateReply[];
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call (including retries and waiting for quota). */
  readonly signal?: AbortSignal;
}

export interface GridCallOptions extends CallOptions {
  /** Abandon an answer larger than this (SheetsApiError kind "too-large"). */
  readonly maxBytes?: number;
}
