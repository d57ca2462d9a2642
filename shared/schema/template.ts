/**
 * The shape of a template definition. Templates are plain data (`as const` objects
 * passed through `defineTemplate`), and every type the add-on and the Worker use for
 * rows, keys and metric ids is derived from that data, never written twice.
 */

export const COLUMN_TYPES = ["date", "count", "enum", "text"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A calendar date as `YYYY-MM-DD` (no time zone: the sheets hold local dates). */
export type IsoDate = `${number}-${number}-${number}`;

interface ColumnBase<K extends string = string> {
  readonly key: K;
  /** The header text users see and the reader matches (NFC). */
  readonly header: string;
  readonly required: boolean;
  /** Shown as the header cell's note and in the sidebar: what to type here. */
  readonly note: string;
  /** Column width in pixels for the generated sheet. */
  readonly width: number;
}

export interface DateColumn<K extends string = string> extends ColumnBase<K> {
  readonly type: "date";
}

export interface CountColumn<K extends string = string> extends ColumnBase<K> {
  readonly type: "count";
  /** Key of another count column this one may not exceed (e.g. remedied ≤ recommendations). */
  readonly atMost?: string;
}

export interface EnumColumn<K extends string = string, V extends string = string>
  extends ColumnBase<K> {
  readonly type: "enum";
  readonly values: readonly V[];
  /** Other spellings users type, mapped to the canonical value. */
  readonly aliases?: Readonly<Record<string, V>>;
}

export interface TextColumn<K extends string = string> extends ColumnBase<K> {
  readonly type: "text";
  readonly example?: string;
}

export type ColumnDef = DateColumn | CountColumn | EnumColumn | TextColumn;

/** Rows whose enum cell `key` holds one of `in` (canonical values, as rows carry them). */
export interface RowFilter {
  readonly key: string;
  readonly in: readonly string[];
}

/** How a metric is computed over the valid rows of one unit in one period. */
export type MetricRule =
  | { readonly kind: "rows" }
  | ({ readonly kind: "rowsWhere" } & RowFilter)
  | { readonly kind: "sum"; readonly key: string }
  | { readonly kind: "sumWhere"; readonly key: string; readonly where: RowFilter }
  /** Distinct non-blank values of `key`, compared folded as enums are. */
  | { readonly kind: "distinct"; readonly key: string }
  /**
   * Rows grouped into events: rows with equal `by` cells and the same non-blank `round`
   * (folded) are one event; a row with a blank `round` is an event by itself. `where`
   * keeps only some rows first (it should filter on a `by` key, so groups stay whole).
   */
  | {
      readonly kind: "inspectionGroups";
      readonly by: readonly string[];
      readonly round: string;
      readonly where?: RowFilter;
    };

export type MetricDef = MetricRule & {
  readonly id: string;
  /** The row label in the report table (`Chỉ tiêu`), NFC. */
  readonly label: string;
  /** The unit of measure (`Đơn vị tính`): cuộc, lượt, người… */
  readonly unit: string;
  /** A "Trong đó" row: a part of the row above it, shown indented. */
  readonly breakdown?: boolean;
};

export interface TemplateDef {
  readonly id: string;
  /** Tab title in a unit's spreadsheet. */
  readonly title: string;
  /** One line for the add-on's menu and sidebar. */
  readonly description: string;
  /** The date column that places a row in a reporting period. */
  readonly dateKey: string;
  readonly columns: readonly ColumnDef[];
  readonly metrics: readonly MetricDef[];
}

/** Keeps the literal types of a template so rows and metric ids can be derived from it. */
export function defineTemplate<const T extends TemplateDef>(template: T): T {
  return template;
}

type ValueOf<C> = C extends { readonly type: "date" }
  ? IsoDate
  : C extends { readonly type: "count" }
    ? number
    : C extends { readonly type: "enum"; readonly values: readonly (infer V)[] }
      ? V
      : string;

/** A valid row of template T: required cells always present, optional ones may be null. */
export type RowOf<T extends TemplateDef> = {
  -readonly [C in T["columns"][number] as C["key"]]: C["required"] extends true
    ? ValueOf<C>
    : ValueOf<C> | null;
};

export type KeyOf<T extends TemplateDef> = T["columns"][number]["key"];
