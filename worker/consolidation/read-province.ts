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

// The default mask with the charts' ids inside `sheets(…)`. It names sheetId, so the client
// parses every tab's sheetId as present (hence the cast to Spreadsheet below).
export const PROVINCE_FIELDS = `${DEFAULT_SPREADSHEET_FIELDS.slice(0, -1)},charts(chartId))`;

/**
 * The province's own input: one spreadsheets.get (title, tabs, sheetIds — the output
 * step needs them too) and one batchGet of `Đơn vị` and, if present, `Cấu hình`.
 * Rejects with SheetsApiError: without the province there is nothing to do or write.
 */
export async function readProvince(
  client: SheetsClient,
  provinceId: string,
): Promise<ProvinceRead> {
  const spreadsheet = (await client.getSpreadsheet(provinceId, PROVINCE_FIELDS)) as Spreadsheet;
  const sheets = spreadsheet.sheets.map((s) => s.properties);
  const byTitle = (wanted: string) =>
    sheets.find((s) => foldKey(s.title) === foldKey(wanted))?.title;
  const registryTitle = byTitle(REGISTRY_TAB);
  const settingsTitle = byTitle(SETTINGS_TAB);
  const wordingTitle = byTitle(WORDING_TAB);
  const titles = [registryTitle, settingsTitle, wordingTitle].filter((t) => t !== undefined);
  const { valueRanges } = await client.batchGetValues(
    provinceId,
    titles.map((t) => a1Range(t, t === wordingTitle ? "A1:A" : "A1:Z")),
  );
  const valuesOf = (title: string | undefined) => {
    const at = title === undefined ? -1 : titles.indexOf(title);
    return at < 0 ? undefined : (valueRanges[at]?.values ?? []).map((row) => [...row]);
  };
  const missing = `Bảng tính của tỉnh không có trang "${REGISTRY_TAB}" (danh sách đơn vị báo cáo): hãy tạo trang này với các cột Mã đơn vị | Tên đơn vị | Bảng tính | Ghi chú.`;
  const registry: Registry = registryTitle
    ? readRegistry(valuesOf(registryTitle))
    : {
        units: [],
        unusable: missing,
        issues: [
          {
            code: "",
            issue: {
              severity: "error",
              tab: REGISTRY_TAB,
              row: null,
              column: null,
              columnIndex: null,
              value: "",
              message: missing,
            },
          },
        ],
      };
  return {
    title: spreadsheet.properties?.title ?? provinceId,
    sheets,
    protectedSheetIds: outputProtected(spreadsheet),
    registry,
    settings: readProvinceSettings(valuesOf(settingsTitle)),
    wording: wordingTitle ? readWordingRows(valuesOf(wordingTitle) ?? []) : null,
    chartIds: outputCharts(spreadsheet),
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
