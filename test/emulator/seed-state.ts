// Converts between the seed format (data-dir JSON, control API) and the in-memory state.

import type { Cell, CellValue, JsonObject } from "./cell.ts";
import type { DriveMetadata } from "./drive-metadata.ts";
import { parseRfc3339, rfc3339 } from "./drive-metadata.ts";
import type { Seed, SeedSheet } from "./seed-format.ts";
import { checkSpreadsheetId } from "./seed-format.ts";
import type { SheetState, SpreadsheetState } from "./store.ts";
import { cellAt, derivedSheetId, emptySheet } from "./store.ts";

function laySeedGrid<T>(
  grid: (T | null)[][] | undefined,
  sheet: SheetState,
  set: (c: Cell, v: T) => void,
) {
  grid?.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== null && v !== undefined && v !== "") set(cellAt(sheet, i, j), v);
    });
  });
}

function sheetFromSeed(s: SeedSheet, index: number, sheetId: number): SheetState {
  const p = s.properties ?? {};
  const gp = p.gridProperties ?? {};
  const sheet = emptySheet({
    sheetId,
    title: s.title,
    index,
    sheetType: "GRID",
    gridProperties: { rowCount: 0, columnCount: 0 },
  });
  laySeedGrid<CellValue>(s.values, sheet, (c, v) => {
    c.value = v;
  });
  laySeedGrid<string>(s.formulas, sheet, (c, v) => {
    c.formula = v;
  });
  laySeedGrid<JsonObject>(s.formats, sheet, (c, v) => {
    c.format = v;
  });
  laySeedGrid<JsonObject>(s.dataValidations, sheet, (c, v) => {
    c.dataValidation = v;
  });
  laySeedGrid<string>(s.notes, sheet, (c, v) => {
    c.note = v;
  });
  laySeedGrid<JsonObject[]>(s.textFormatRuns, sheet, (c, v) => {
    if (v.length) c.textFormatRuns = v;
  });
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  sheet.properties.gridProperties = {
    ...gp,
    rowCount: Math.max(gp.rowCount ?? 1000, sheet.rows.length),
    columnCount: Math.max(gp.columnCount ?? 26, width),
  };
  for (const key of ["hidden", "tabColor", "tabColorStyle", "rightToLeft"] as const) {
    if (p[key] !== undefined) (sheet.properties as unknown as JsonObject)[key] = p[key];
  }
  sheet.merges = s.merges ?? [];
  sheet.protectedRanges = s.protectedRanges ?? [];
  if (s.basicFilter) sheet.basicFilter = s.basicFilter;
  sheet.charts = s.charts ?? [];
  sheet.conditionalFormats = s.conditionalFormats ?? [];
  sheet.rowMetadata = s.rowMetadata ?? {};
  sheet.columnMetadata = s.columnMetadata ?? {};
  return sheet;
}

/** `now` is the time of seeding: the file's created and modified time unless `drive` gives them. */
export function stateFromSeed(
  seed: Seed,
  spreadsheetId: string,
  now: number = Date.now(),
): SpreadsheetState {
  checkSpreadsheetId(spreadsheetId);
  const taken = new Set<number>();
  const titles = new Set<string>();
  const ordered = seed.sheets
    .map((s, i) => ({ s, order: s.properties?.index ?? i, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  const sheets = ordered.map(({ s }, index) => {
    if (titles.has(s.title.toLowerCase())) throw new Error(`duplicate tab title "${s.title}"`);
    titles.add(s.title.toLowerCase());
    let id = s.properties?.sheetId;
    if (id === undefined)
      id = index === 0 && !taken.has(0) ? 0 : derivedSheetId(spreadsheetId, s.title, taken);
    if (taken.has(id)) throw new Error(`duplicate sheetId ${id}`);
    taken.add(id);
    return sheetFromSeed(s, index, id);
  });
  const e = seed.emulator ?? {};
  return {
    spreadsheetId,
    properties: {
      title: seed.properties?.title ?? spreadsheetId,
      locale: seed.properties?.locale ?? "en_US",
      timeZone: seed.properties?.timeZone ?? "Etc/GMT",
      autoRecalc: seed.properties?.autoRecalc ?? "ON_CHANGE",
    },
    sheets,
    faults: {
      deny: e.deny ?? false,
      failFirst: e.failFirst ?? 0,
      failStatus: e.failStatus ?? 503,
      latencyMs: e.latencyMs ?? 0,
    },
    drive: driveFromSeed(seed.drive, now),
  };
}

function driveFromSeed(d: Seed["drive"], now: number): DriveMetadata {
  const modifiedTime = d?.modifiedTime === undefined ? now : parseRfc3339(d.modifiedTime);
  const createdTime = d?.createdTime === undefined ? modifiedTime : parseRfc3339(d.createdTime);
  return { createdTime, modifiedTime, version: d?.version ?? 1, parents: [...(d?.parents ?? [])] };
}

function trimmedGrid<T>(
  sheet: SheetState,
  pick: (c: Cell) => T | undefined,
): (T | null)[][] | undefined {
  const out: (T | null)[][] = [];
  let lastRow = -1;
  sheet.rows.forEach((r, i) => {
    const row: (T | null)[] = [];
    let last = -1;
    r.forEach((c, j) => {
      const v = c ? pick(c) : undefined;
      if (v !== undefined) last = j;
      row[j] = v ?? null;
    });
    row.length = last + 1;
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
    out[i] = row;
    if (last >= 0) lastRow = i;
  });
  out.length = lastRow + 1;
  for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = [];
  return lastRow < 0 ? undefined : out;
}

/** The state in seed format, so a test can read it back or PUT it again. */
export function stateToSeed(state: SpreadsheetState): JsonObject {
  const sheets = state.sheets.map((sheet) => {
    const out: JsonObject = {
      title: sheet.properties.title,
      values: trimmedGrid<CellValue>(sheet, (c) => (c.value === "" ? undefined : c.value)) ?? [],
      properties: structuredClone(sheet.properties),
    };
    const extras: [string, ((c: Cell) => unknown) | undefined][] = [
      ["formulas", (c) => c.formula],
      ["formats", (c) => c.format],
      ["dataValidations", (c) => c.dataValidation],
      ["notes", (c) => c.note],
      ["textFormatRuns", (c) => c.textFormatRuns],
    ];
    for (const [key, pick] of extras) {
      const grid = pick ? trimmedGrid(sheet, pick) : undefined;
      if (grid) out[key] = grid;
    }
    if (sheet.merges.length) out.merges = structuredClone(sheet.merges);
    if (sheet.protectedRanges.length) out.protectedRanges = structuredClone(sheet.protectedRanges);
    if (sheet.basicFilter) out.basicFilter = structuredClone(sheet.basicFilter);
    if (sheet.charts.length) out.charts = structuredClone(sheet.charts);
    if (sheet.conditionalFormats.length)
      out.conditionalFormats = structuredClone(sheet.conditionalFormats);
    if (Object.keys(sheet.rowMetadata).length) out.rowMetadata = structuredClone(sheet.rowMetadata);
    if (Object.keys(sheet.columnMetadata).length)
      out.columnMetadata = structuredClone(sheet.columnMetadata);
    return out;
  });
  const { deny, failFirst, failStatus, latencyMs } = state.faults;
  const { createdTime, modifiedTime, version, parents } = state.drive;
  return {
    spreadsheetId: state.spreadsheetId,
    properties: { ...state.properties },
    sheets,
    emulator: { deny, failFirst, failStatus, latencyMs },
    drive: {
      createdTime: rfc3339(createdTime),
      modifiedTime: rfc3339(modifiedTime),
      version,
      parents: [...parents],
    },
  };
}
