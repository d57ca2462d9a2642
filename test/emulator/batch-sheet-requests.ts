// batchUpdate requests on tabs: addSheet, deleteSheet, updateSheetProperties.

import type { JsonObject } from "./cell.ts";
import { invalidArgument } from "./google-error.ts";
import { intField, rectOfGridRange } from "./grid-range.ts";
import { mergeMasked, requestMask } from "./masked-merge.ts";
import { findSheetByTitle } from "./range-resolve.ts";
import { asObject } from "./request-checks.ts";
import { sheetPropertiesJson, sheetPropertiesSchema } from "./resources.ts";
import type { SheetProperties, SheetState, SpreadsheetState } from "./store.ts";
import { emptySheet, randomSheetId, truncateToGrid } from "./store.ts";

export type RequestHandler = (ss: SpreadsheetState, req: JsonObject) => JsonObject | undefined;

function reindex(ss: SpreadsheetState): void {
  ss.sheets.forEach((s, i) => {
    s.properties.index = i;
  });
}

function checkTitle(ss: SpreadsheetState, title: string, self?: SheetState): void {
  if (title.trim() === "") throw invalidArgument("Sheet name cannot be empty.");
  const clash = findSheetByTitle(ss, title);
  if (clash && clash !== self && clash.properties.title.toLowerCase() === title.toLowerCase()) {
    throw invalidArgument(
      `A sheet with the name "${title}" already exists. Please enter another name.`,
    );
  }
}

function defaultTitle(ss: SpreadsheetState): string {
  let n = ss.sheets.length + 1;
  while (findSheetByTitle(ss, `Sheet${n}`)) n += 1;
  return `Sheet${n}`;
}

function place(ss: SpreadsheetState, sheet: SheetState, index: number | undefined): void {
  const at =
    index === undefined ? ss.sheets.length : Math.max(0, Math.min(index, ss.sheets.length));
  ss.sheets.splice(at, 0, sheet);
  reindex(ss);
}

/** Checks grid sizes and frozen counts of (possibly edited) properties. */
function checkGrid(p: SheetProperties, merges: readonly JsonObject[] = []): void {
  const gp = p.gridProperties;
  if (!(gp.rowCount >= 1) || !(gp.columnCount >= 1))
    throw invalidArgument("The grid must have at least one row and one column.");
  if ((gp.frozenRowCount ?? 0) >= gp.rowCount)
    throw invalidArgument("You can't freeze all visible rows on the sheet.");
  if ((gp.frozenColumnCount ?? 0) >= gp.columnCount)
    throw invalidArgument("You can't freeze all visible columns on the sheet.");
  // Google keeps a merged cell wholly frozen or wholly not.
  for (const m of merges) {
    const r = rectOfGridRange(m);
    if (splits(gp.frozenRowCount, r.startRow, r.endRow))
      throw invalidArgument("You can't freeze rows which contain only part of a merged cell.");
    if (splits(gp.frozenColumnCount, r.startCol, r.endCol))
      throw invalidArgument("You can't freeze columns which contain only part of a merged cell.");
  }
}

/** True when a frozen count falls strictly inside [start, end). */
export function splits(frozen: number | undefined, start: number, end: number): boolean {
  return frozen !== undefined && frozen > start && frozen < end;
}

const addSheet: RequestHandler = (ss, req) => {
  const p = asObject(req.properties, "properties");
  if (p.sheetType !== undefined && p.sheetType !== "GRID")
    throw invalidArgument(`sheetType ${String(p.sheetType)} is not supported by the emulator`);
  const taken = new Set(ss.sheets.map((s) => s.properties.sheetId));
  const sheetId = p.sheetId === undefined ? randomSheetId(taken) : intField(p, "sheetId", 0);
  if (taken.has(sheetId)) throw invalidArgument(`Sheet with id ${sheetId} already exists.`);
  const title = typeof p.title === "string" && p.title !== "" ? p.title : defaultTitle(ss);
  checkTitle(ss, title);
  const gp = asObject(p.gridProperties, "properties.gridProperties");
  const props: SheetProperties = {
    sheetId,
    title,
    index: 0,
    sheetType: "GRID",
    gridProperties: {
      ...(gp as object),
      rowCount: intField(gp, "rowCount", 1000),
      columnCount: intField(gp, "columnCount", 26),
    },
  };
  for (const k of ["hidden", "tabColor", "tabColorStyle", "rightToLeft"]) {
    if (p[k] !== undefined) (props as unknown as JsonObject)[k] = structuredClone(p[k]);
  }
  checkGrid(props);
  const sheet = emptySheet(props);
  place(ss, sheet, p.index === undefined ? undefined : intField(p, "index", 0));
  return { addSheet: { properties: sheetPropertiesJson(sheet.properties) } };
};

function sheetById(ss: SpreadsheetState, id: number): SheetState {
  const sheet = ss.sheets.find((s) => s.properties.sheetId === id);
  if (!sheet) throw invalidArgument(`No sheet with id: ${id}`);
  return sheet;
}

const deleteSheet: RequestHandler = (ss, req) => {
  const sheet = sheetById(ss, intField(req, "sheetId", 0));
  if (ss.sheets.length === 1)
    throw invalidArgument("You can't remove all the sheets in a document.");
  ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
  reindex(ss);
  return undefined;
};

const updateSheetProperties: RequestHandler = (ss, req) => {
  const mask = requestMask(req.fields, sheetPropertiesSchema);
  if (typeof mask === "string") throw invalidArgument(mask);
  const p = asObject(req.properties, "properties");
  const sheet = sheetById(ss, intField(p, "sheetId", 0));
  const edited = structuredClone(sheet.properties) as unknown as JsonObject;
  mergeMasked(edited, p, mask);
  const before = sheet.properties;
  const gp = (edited.gridProperties ?? {}) as JsonObject;
  const next: SheetProperties = {
    ...(edited as unknown as SheetProperties),
    sheetId: before.sheetId,
    sheetType: "GRID",
    title: typeof edited.title === "string" ? edited.title : "",
    index: before.index,
    gridProperties: {
      ...(gp as object),
      rowCount: intField(gp, "rowCount", before.gridProperties.rowCount),
      columnCount: intField(gp, "columnCount", before.gridProperties.columnCount),
    },
  };
  if (edited.sheetId !== before.sheetId) throw invalidArgument("sheetId cannot be changed.");
  if (edited.sheetType !== undefined && edited.sheetType !== "GRID")
    throw invalidArgument("sheetType cannot be changed.");
  checkTitle(ss, next.title, sheet);
  checkGrid(next, sheet.merges);
  if (next.hidden && ss.sheets.every((s) => s === sheet || s.properties.hidden)) {
    throw invalidArgument("You can't hide all the sheets in a document.");
  }
  sheet.properties = next;
  truncateToGrid(sheet);
  if (mask.has("index") || mask.has("*")) {
    const target = intField(edited, "index", before.index);
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    // Google counts the target index "before the move".
    place(ss, sheet, target > before.index ? target - 1 : target);
  }
  return undefined;
};

export const sheetRequests: Record<string, { keys: string[]; run: RequestHandler }> = {
  addSheet: { keys: ["properties"], run: addSheet },
  deleteSheet: { keys: ["sheetId"], run: deleteSheet },
  updateSheetProperties: { keys: ["properties", "fields"], run: updateSheetProperties },
};
