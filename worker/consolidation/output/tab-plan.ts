import { foldKey } from "../../../shared/text/fold.ts";
import type { CellData, SheetsRequest } from "../../sheets/request-types.ts";
import type { SheetProperties } from "../../sheets/types.ts";
import { type BlockFormat, blockRequests } from "./block-formats.ts";

/** One output tab as it must look after the run, whatever it held before. */
export interface TabContent {
  readonly title: string;
  /** Values (and notes) only; formats go in `formats`. */
  readonly rows: readonly (readonly CellData[])[];
  /** Applied in order after the values; cells outside every block get no format. */
  readonly formats?: readonly BlockFormat[];
  readonly frozenRows: number;
  readonly frozenColumns?: number;
  /** Pixel width per column, left to right (missing entries keep Google's default). */
  readonly columnWidths: readonly number[];
  /** Rectangles merged into one cell (rows and columns 0-based, end exclusive). */
  readonly merges?: readonly CellRect[];
  /** 0-based row of the header a basic filter sits on (the filter covers the rows below). */
  readonly filterHeaderRow?: number;
}

export interface CellRect {
  readonly rows: readonly [start: number, end: number];
  readonly columns: readonly [start: number, end: number];
}

/**
 * Staff may look but should not type into output tabs (the next run overwrites them):
 * every output tab gets a whole-tab protection that only warns, added once.
 */
export const PROTECTION_DESCRIPTION =
  "Trang do hệ thống tổng hợp tự ghi sau mỗi lượt chạy: sửa tay sẽ bị ghi đè ở lượt sau.";

// What the cells of `rows` carry; formats are cleared and set by repeatCell instead.
const WRITE_FIELDS = "userEnteredValue,note,textFormatRuns";
const GRID_FIELDS = [
  "gridProperties.rowCount",
  "gridProperties.columnCount",
  "gridProperties.frozenRowCount",
  "gridProperties.frozenColumnCount",
].join(",");

/**
 * The requests that make each tab hold exactly `content`, for one spreadsheets.batchUpdate.
 * Missing tabs are added with a sheetId chosen here (so later requests can address them in
 * the same batch); existing tabs are resized to the content, which drops old rows and
 * columns beyond it, their old formats are cleared, and every cell in the new grid gets
 * its value and note rewritten (cleared where `rows` has none); then the block formats.
 */
export function planTabs(
  existing: readonly SheetProperties[],
  tabs: readonly TabContent[],
  /** Existing tabs that already carry a warning-only protection of the whole tab. */
  protectedSheetIds: ReadonlySet<number> = new Set(),
): SheetsRequest[] {
  const requests: SheetsRequest[] = [];
  let nextId = Math.max(0, ...existing.map((s) => s.sheetId)) + 1;
  for (const tab of tabs) {
    // A loop, not Math.max(...rows): a spread of many thousand rows can overflow the stack.
    const columnCount = tab.rows.reduce(
      (n, r) => Math.max(n, r.length),
      Math.max(1, tab.columnWidths.length),
    );
    // One spare row: Google refuses a grid whose rows are all frozen.
    const rowCount = Math.max(tab.rows.length, tab.frozenRows) + 1;
    const gridProperties = {
      rowCount,
      columnCount,
      frozenRowCount: tab.frozenRows,
      frozenColumnCount: tab.frozenColumns ?? 0,
    };
    // Sheet titles are unique in Google regardless of case; match them as people read them.
    const found = existing.find((s) => foldKey(s.title) === foldKey(tab.title));
    const sheetId = found ? found.sheetId : nextId++;
    if (found) {
      // Old merges first: a merge reaching past the new grid or across a new one is refused.
      requests.push({ unmergeCells: { range: { sheetId } } });
      requests.push({
        updateSheetProperties: { properties: { sheetId, gridProperties }, fields: GRID_FIELDS },
      });
    } else {
      requests.push({ addSheet: { properties: { sheetId, title: tab.title, gridProperties } } });
    }
    const whole = {
      sheetId,
      startRowIndex: 0,
      endRowIndex: rowCount,
      startColumnIndex: 0,
      endColumnIndex: columnCount,
    };
    // A stale row's background or a wider old table must not survive; a new tab has none.
    if (found) {
      requests.push({ repeatCell: { range: whole, cell: {}, fields: "userEnteredFormat" } });
    }
    requests.push({
      updateCells: {
        range: whole,
        rows: tab.rows.map((values) => ({ values })),
        fields: WRITE_FIELDS,
      },
    });
    requests.push(...blockRequests(sheetId, tab.formats ?? [], { rowCount, columnCount }));
    for (const { rows, columns } of tab.merges ?? []) {
      requests.push({
        mergeCells: {
          range: {
            sheetId,
            startRowIndex: rows[0],
            endRowIndex: rows[1],
            startColumnIndex: columns[0],
            endColumnIndex: columns[1],
          },
          mergeType: "MERGE_ALL",
        },
      });
    }
    if (tab.filterHeaderRow !== undefined) {
      requests.push({
        setBasicFilter: {
          filter: { range: { ...whole, startRowIndex: tab.filterHeaderRow } },
        },
      });
    }
    if (!found || !protectedSheetIds.has(sheetId)) {
      requests.push({
        addProtectedRange: {
          protectedRange: {
            range: { sheetId },
            description: PROTECTION_DESCRIPTION,
            warningOnly: true,
          },
        },
      });
    }
    tab.columnWidths.forEach((pixelSize, index) => {
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: "COLUMNS", startIndex: index, endIndex: index + 1 },
          properties: { pixelSize },
          fields: "pixelSize",
        },
      });
    });
  }
  return requests;
}
