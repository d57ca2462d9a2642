import { issue } from "../../shared/issue.ts";
import {
  type ProvinceSettings,
  readProvinceSettings,
  SETTINGS_TAB,
} from "../../shared/province-settings.ts";
import {
  readWordingRows,
  WORDING_TAB,
  type WordingRow,
} from "../../shared/report-text/compose-report.ts";
import { foldKey } from "../../shared/text/fold.ts";
import {
  a1Range,
  type CellValue,
  DEFAULT_SPREADSHEET_FIELDS,
  type SheetProperties,
  type SheetsClient,
  type Spreadsheet,
} from "../sheets/client.ts";
import { CHARTS_TAB } from "./output/charts-tab.ts";
import { PROTECTION_DESCRIPTION } from "./output/tab-plan.ts";
import { REGISTRY_TAB, type Registry, readRegistry } from "./registry.ts";

export interface ProvinceRead {
  readonly title: string;
  /** Every tab of the province with its sheetId: the output tabs are matched against it. */
  readonly sheets: readonly SheetProperties[];
  /** Tabs that already carry the output's warning-only protection. */
  readonly protectedSheetIds: ReadonlySet<number>;
  readonly registry: Registry;
  readonly settings: ProvinceSettings;
  /** The paragraphs of `Mẫu báo cáo` (the province's wording of `Báo cáo`), or null. */
  readonly wording?: readonly WordingRow[] | null;
  /** The charts on `Biểu đồ` (the last run's), which the output replaces. */
  readonly chartIds?: readonly number[];
}

/** The province's tabs as the output needs them (spreadsheets.get, or remembered in D1
 * from the last get and what the last write added: province-source.ts). */
export interface ProvinceLayout {
  readonly title: string;
  readonly sheets: readonly { readonly sheetId: number; readonly title: string }[];
  readonly protectedSheetIds: readonly number[];
  readonly chartIds: readonly number[];
}

type Rows = readonly (readonly CellValue[])[];

/** The cells of the province's own tabs as values.batchGet gave them (null: no such tab). */
export interface ProvinceValues {
  readonly registry: Rows | null;
  readonly settings: Rows | null;
  readonly wording: Rows | null;
}

// The default mask with the charts' ids inside `sheets(…)`. It names sheetId, so the client
// parses every tab's sheetId as present (hence the cast to Spreadsheet below).
export const PROVINCE_FIELDS = `${DEFAULT_SPREADSHEET_FIELDS.slice(0, -1)},charts(chartId))`;

/**
 * The province's own input in full: one spreadsheets.get (title, tabs, sheetIds — the
 * output step needs them too) and one batchGet of `Đơn vị` and, if present, `Cấu hình`
 * and `Mẫu báo cáo`. Rejects with SheetsApiError: without the province there is nothing
 * to do or write.
 */
export async function readProvince(
  client: SheetsClient,
  provinceId: string,
): Promise<ProvinceRead> {
  const { layout, values } = await readProvinceInFull(client, provinceId);
  return provinceRead(layout, values);
}

/** readProvince's two reads, unparsed (what province-source.ts keeps in D1). */
export async function readProvinceInFull(
  client: SheetsClient,
  provinceId: string,
): Promise<{ readonly layout: ProvinceLayout; readonly values: ProvinceValues }> {
  const layout = await readProvinceLayout(client, provinceId);
  return { layout, values: await readProvinceValues(client, provinceId, inputTitles(layout)) };
}

/** The province's tabs, protections and charts: one spreadsheets.get. */
export async function readProvinceLayout(
  client: SheetsClient,
  provinceId: string,
): Promise<ProvinceLayout> {
  const spreadsheet = (await client.getSpreadsheet(provinceId, PROVINCE_FIELDS)) as Spreadsheet;
  return {
    title: spreadsheet.properties?.title ?? provinceId,
    sheets: spreadsheet.sheets.map((s) => ({
      sheetId: s.properties.sheetId,
      title: s.properties.title,
    })),
    protectedSheetIds: [...outputProtected(spreadsheet)],
    chartIds: outputCharts(spreadsheet),
  };
}

/** The exact titles of the province's own tabs in a layout (null: no such tab). */
export interface InputTitles {
  readonly registry: string | null;
  readonly settings: string | null;
  readonly wording: string | null;
}

export function inputTitles(layout: Pick<ProvinceLayout, "sheets">): InputTitles {
  const byTitle = (wanted: string) =>
    layout.sheets.find((s) => foldKey(s.title) === foldKey(wanted))?.title ?? null;
  return {
    registry: byTitle(REGISTRY_TAB),
    settings: byTitle(SETTINGS_TAB),
    wording: byTitle(WORDING_TAB),
  };
}

/** The province's own tabs in ONE batchGet of their exact titles. Rejects with
 * SheetsApiError (invalid-argument when a title no longer exists). */
export async function readProvinceValues(
  client: SheetsClient,
  provinceId: string,
  titles: InputTitles,
): Promise<ProvinceValues> {
  const asked = [titles.registry, titles.settings, titles.wording];
  const present = asked.filter((t): t is string => t !== null);
  const { valueRanges } =
    present.length === 0
      ? { valueRanges: [] }
      : await client.batchGetValues(
          provinceId,
          present.map((t) => a1Range(t, t === titles.wording ? "A1:A" : "A1:Z")),
        );
  const valuesOf = (title: string | null): Rows | null => {
    const at = title === null ? -1 : present.indexOf(title);
    return at < 0 ? null : (valueRanges[at]?.values ?? []).map((row) => [...row]);
  };
  return {
    registry: valuesOf(titles.registry),
    settings: valuesOf(titles.settings),
    wording: valuesOf(titles.wording),
  };
}

/** The province as the run uses it: its tabs' cells parsed, its layout as is. */
export function provinceRead(layout: ProvinceLayout, values: ProvinceValues): ProvinceRead {
  const missing = `Bảng tính của tỉnh không có trang "${REGISTRY_TAB}" (danh sách đơn vị báo cáo): hãy tạo trang này với các cột Mã đơn vị | Tên đơn vị | Bảng tính | Ghi chú.`;
  const registry: Registry = values.registry
    ? readRegistry(values.registry)
    : {
        units: [],
        unusable: missing,
        issues: [{ code: "", issue: issue("error", { tab: REGISTRY_TAB }, missing) }],
      };
  return {
    title: layout.title,
    sheets: layout.sheets,
    protectedSheetIds: new Set(layout.protectedSheetIds),
    registry,
    settings: readProvinceSettings(values.settings ?? undefined),
    wording: values.wording ? readWordingRows(values.wording) : null,
    chartIds: layout.chartIds,
  };
}

/** The charts on `Biểu đồ` (the last run's), for the output to replace. */
export function outputCharts(spreadsheet: Spreadsheet): readonly number[] {
  const tab = spreadsheet.sheets.find((s) => foldKey(s.properties.title) === foldKey(CHARTS_TAB));
  return tab?.charts?.map((c) => c.chartId) ?? [];
}

/** The sheetIds whose protections include the one the output adds (tab-plan.ts). */
export function outputProtected(spreadsheet: Spreadsheet): ReadonlySet<number> {
  return new Set(
    spreadsheet.sheets
      .filter((s) =>
        (s.protectedRanges ?? []).some(
          (p) => p.warningOnly === true && p.description === PROTECTION_DESCRIPTION,
        ),
      )
      .map((s) => s.properties.sheetId),
  );
}
