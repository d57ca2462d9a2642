// The Spreadsheet resource as spreadsheets.get returns it, and the response schemas the
// `fields` parameter is checked against. Zero-valued optional numbers are omitted, as proto3 JSON
// omits them (a tab with no frozen rows has no `frozenRowCount`).

import type { JsonObject } from "./cell.ts";
import type { Schema } from "./field-mask.ts";
import type { SheetProperties, SheetState, SpreadsheetState } from "./store.ts";

export function sheetPropertiesJson(p: SheetProperties): JsonObject {
  const gp: JsonObject = {
    rowCount: p.gridProperties.rowCount,
    columnCount: p.gridProperties.columnCount,
  };
  const {
    frozenRowCount,
    frozenColumnCount,
    hideGridlines,
    rowGroupControlAfter,
    columnGroupControlAfter,
  } = p.gridProperties;
  if (frozenRowCount) gp.frozenRowCount = frozenRowCount;
  if (frozenColumnCount) gp.frozenColumnCount = frozenColumnCount;
  if (hideGridlines) gp.hideGridlines = true;
  if (rowGroupControlAfter) gp.rowGroupControlAfter = true;
  if (columnGroupControlAfter) gp.columnGroupControlAfter = true;
  const out: JsonObject = {
    sheetId: p.sheetId,
    title: p.title,
    index: p.index,
    sheetType: p.sheetType,
    gridProperties: gp,
  };
  if (p.hidden) out.hidden = true;
  if (p.tabColor) out.tabColor = structuredClone(p.tabColor);
  if (p.tabColorStyle) out.tabColorStyle = structuredClone(p.tabColorStyle);
  if (p.rightToLeft) out.rightToLeft = true;
  return out;
}

export function sheetJson(sheet: SheetState): JsonObject {
  const out: JsonObject = { properties: sheetPropertiesJson(sheet.properties) };
  if (sheet.merges.length) out.merges = structuredClone(sheet.merges);
  if (sheet.conditionalFormats.length)
    out.conditionalFormats = structuredClone(sheet.conditionalFormats);
  if (sheet.protectedRanges.length) out.protectedRanges = structuredClone(sheet.protectedRanges);
  if (sheet.basicFilter) out.basicFilter = structuredClone(sheet.basicFilter);
  if (sheet.charts.length) out.charts = structuredClone(sheet.charts);
  return out;
}

export function spreadsheetJson(ss: SpreadsheetState, onlySheets?: Set<SheetState>): JsonObject {
  const sheets = onlySheets ? ss.sheets.filter((s) => onlySheets.has(s)) : ss.sheets;
  return {
    spreadsheetId: ss.spreadsheetId,
    properties: {
      title: ss.properties.title,
      locale: ss.properties.locale,
      autoRecalc: ss.properties.autoRecalc,
      timeZone: ss.properties.timeZone,
      defaultFormat: {
        backgroundColor: { red: 1, green: 1, blue: 1 },
        padding: { top: 2, right: 3, bottom: 2, left: 3 },
        verticalAlignment: "BOTTOM",
        wrapStrategy: "OVERFLOW_CELL",
        textFormat: { foregroundColor: {}, fontFamily: "arial,sans,sans-serif", fontSize: 10 },
      },
    },
    sheets: sheets.map(sheetJson),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.spreadsheetId}/edit`,
  };
}

const gridPropertiesSchema: Schema = {
  rowCount: "leaf",
  columnCount: "leaf",
  frozenRowCount: "leaf",
  frozenColumnCount: "leaf",
  hideGridlines: "leaf",
  rowGroupControlAfter: "leaf",
  columnGroupControlAfter: "leaf",
};

export const sheetPropertiesSchema: Schema = {
  sheetId: "leaf",
  title: "leaf",
  index: "leaf",
  sheetType: "leaf",
  gridProperties: gridPropertiesSchema,
  hidden: "leaf",
  tabColor: "any",
  tabColorStyle: "any",
  rightToLeft: "leaf",
  dataSourceSheetProperties: "any",
};

export const spreadsheetPropertiesSchema: Schema = {
  title: "leaf",
  locale: "leaf",
  autoRecalc: "leaf",
  timeZone: "leaf",
  defaultFormat: "any",
  iterativeCalculationSettings: "any",
  spreadsheetTheme: "any",
  importFunctionsExternalUrlAccessAllowed: "leaf",
};

const sheetSchema: Schema = {
  properties: sheetPropertiesSchema,
  data: "any",
  merges: "any",
  conditionalFormats: "any",
  filterViews: "any",
  protectedRanges: "any",
  basicFilter: "any",
  charts: "any",
  bandedRanges: "any",
  developerMetadata: "any",
  rowGroups: "any",
  columnGroups: "any",
  slicers: "any",
  tables: "any",
};

export const spreadsheetSchema: Schema = {
  spreadsheetId: "leaf",
  properties: spreadsheetPropertiesSchema,
  sheets: sheetSchema,
  namedRanges: "any",
  spreadsheetUrl: "leaf",
  developerMetadata: "any",
  dataSources: "any",
  dataSourceSchedules: "any",
};

const valueRangeSchema: Schema = { range: "leaf", majorDimension: "leaf", values: "leaf" };

const updateValuesSchema: Schema = {
  spreadsheetId: "leaf",
  updatedRange: "leaf",
  updatedRows: "leaf",
  updatedColumns: "leaf",
  updatedCells: "leaf",
  updatedData: valueRangeSchema,
};

export const schemas = {
  spreadsheet: spreadsheetSchema,
  valueRange: valueRangeSchema,
  batchGet: { spreadsheetId: "leaf", valueRanges: valueRangeSchema } as Schema,
  updateValues: updateValuesSchema,
  batchUpdateValues: {
    spreadsheetId: "leaf",
    totalUpdatedRows: "leaf",
    totalUpdatedColumns: "leaf",
    totalUpdatedCells: "leaf",
    totalUpdatedSheets: "leaf",
    responses: updateValuesSchema,
  } as Schema,
  clear: { spreadsheetId: "leaf", clearedRange: "leaf" } as Schema,
  batchClear: { spreadsheetId: "leaf", clearedRanges: "leaf" } as Schema,
  append: { spreadsheetId: "leaf", tableRange: "leaf", updates: updateValuesSchema } as Schema,
  batchUpdate: {
    spreadsheetId: "leaf",
    replies: "any",
    updatedSpreadsheet: spreadsheetSchema,
  } as Schema,
};
