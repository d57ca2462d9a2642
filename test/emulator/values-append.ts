// spreadsheets.values.append, simplified: the "table" is every row at or below the range's
// first row that holds a value in the range's columns; new rows go right after its last row.

import type { CellValue, JsonObject } from "./cell.ts";
import type { BoundedRect } from "./range-resolve.ts";
import { a1Of, clipToGrid, resolveRange } from "./range-resolve.ts";
import { asObject, checkQuery, enumValue } from "./request-checks.ts";
import type { SpreadsheetState } from "./store.ts";
import type { EndpointResult } from "./values-endpoints.ts";
import { writeOptionsFromQuery, writeRange } from "./values-endpoints.ts";

/** The last row holding a value in the columns of a range, at or below its first row. */
function tableEnd(
  ss: SpreadsheetState,
  rangeText: string,
): { start: number; end: number; rect: BoundedRect } {
  const target = resolveRange(ss, rangeText);
  const rect = clipToGrid(target.sheet, target.rect, rangeText);
  let end = -1;
  let start = -1;
  for (let r = rect.startRow; r < Math.min(rect.endRow, target.sheet.rows.length); r++) {
    const row = target.sheet.rows[r] ?? [];
    for (let c = rect.startCol; c < Math.min(rect.endCol, row.length); c++) {
      const cell = row[c];
      if (cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ""))) {
        if (start < 0) start = r;
        end = r;
        break;
      }
    }
  }
  return { start, end, rect };
}

/** values.append, simplified: the table is every row with a value in the range's columns. */
export function valuesAppend(
  ss: SpreadsheetState,
  rangeText: string,
  q: URLSearchParams,
  body: unknown,
): EndpointResult {
  checkQuery(q, [
    "valueInputOption",
    "insertDataOption",
    "includeValuesInResponse",
    "responseValueRenderOption",
    "responseDateTimeRenderOption",
  ]);
  const o = writeOptionsFromQuery(ss, q);
  const insert = enumValue(
    q.get("insertDataOption"),
    "insertDataOption",
    "InsertDataOption",
    ["OVERWRITE", "INSERT_ROWS"] as const,
    "OVERWRITE",
  );
  const vr = asObject(body, "");
  const next = structuredClone(ss);
  const target = resolveRange(next, rangeText);
  const { start, end, rect } = tableEnd(next, rangeText);
  const at = end < 0 ? rect.startRow : end + 1;
  const values = Array.isArray(vr.values) ? (vr.values as CellValue[][]) : [];
  const sheet = target.sheet;
  if (insert === "INSERT_ROWS" && at < sheet.rows.length) {
    sheet.rows.splice(at, 0, ...values.map(() => []));
    sheet.properties.gridProperties.rowCount += values.length;
  }
  const gp = sheet.properties.gridProperties;
  gp.rowCount = Math.max(gp.rowCount, at + 1);
  const origin = a1Of(sheet, {
    startRow: at,
    startCol: rect.startCol,
    endRow: at + 1,
    endCol: rect.startCol + 1,
  });
  const updates = writeRange(next, origin, vr, o);
  const body2: JsonObject = { spreadsheetId: ss.spreadsheetId, updates };
  if (start >= 0)
    body2.tableRange = a1Of(sheet, {
      startRow: start,
      startCol: rect.startCol,
      endRow: end + 1,
      endCol: rect.endCol,
    });
  return { body: body2, next };
}
