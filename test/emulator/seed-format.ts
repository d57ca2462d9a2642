// The data-directory / control-API seed format (docs/local-run.md): one JSON per spreadsheet.
// Strict at the levels people type by hand, so a typo in a fixture fails loudly. The one
// `Seed` type every test, fixture generator and helper builds seeds with.

import { z } from "zod";
import { parseRfc3339 } from "./drive-metadata.ts";

/**
 * Google's spreadsheet ids are letters, digits, `-` and `_`. The emulator keeps to that
 * alphabet because an id becomes a folder name in the CSV dump: `../` must never reach it.
 */
export const SPREADSHEET_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const SPREADSHEET_ID_RULE = "spreadsheetId may hold only letters A-Z a-z, digits, - and _";

/** Throws unless `id` is in Google's id alphabet. */
export function checkSpreadsheetId(id: string): void {
  if (!SPREADSHEET_ID_PATTERN.test(id)) throw new Error(`${SPREADSHEET_ID_RULE}, got "${id}"`);
}

const cellValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const json = z.record(z.string(), z.unknown());

export const gridPropertiesSchema = z.strictObject({
  rowCount: z.number().int().positive().optional(),
  columnCount: z.number().int().positive().optional(),
  frozenRowCount: z.number().int().nonnegative().optional(),
  frozenColumnCount: z.number().int().nonnegative().optional(),
  hideGridlines: z.boolean().optional(),
  rowGroupControlAfter: z.boolean().optional(),
  columnGroupControlAfter: z.boolean().optional(),
});

const sheetPropertiesSchema = z.strictObject({
  sheetId: z.number().int().nonnegative().optional(),
  title: z.string().optional(),
  index: z.number().int().nonnegative().optional(),
  sheetType: z.literal("GRID").optional(),
  gridProperties: gridPropertiesSchema.optional(),
  hidden: z.boolean().optional(),
  tabColor: json.optional(),
  tabColorStyle: json.optional(),
  rightToLeft: z.boolean().optional(),
});

export const seedSheetSchema = z.strictObject({
  title: z.string().min(1),
  values: z.array(z.array(cellValue)).optional(),
  /** Optional formulas grid (`=…` or null), laid over `values`. */
  formulas: z.array(z.array(z.string().nullable())).optional(),
  /** Optional userEnteredFormat grid (objects or null). */
  formats: z.array(z.array(json.nullable())).optional(),
  dataValidations: z.array(z.array(json.nullable())).optional(),
  notes: z.array(z.array(z.string().nullable())).optional(),
  /** Rich-text runs of string cells (`[{ startIndex?, format: { link?: { uri } } }]` or null). */
  textFormatRuns: z.array(z.array(z.array(json).nullable())).optional(),
  properties: sheetPropertiesSchema.optional(),
  merges: z.array(json).optional(),
  protectedRanges: z.array(json).optional(),
  basicFilter: json.optional(),
  charts: z.array(json).optional(),
  conditionalFormats: z.array(json).optional(),
  rowMetadata: z.record(z.string(), json).optional(),
  columnMetadata: z.record(z.string(), json).optional(),
});

export const faultsSchema = z.strictObject({
  deny: z.boolean().optional(),
  failFirst: z.number().int().nonnegative().optional(),
  failStatus: z
    .union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)])
    .optional(),
  /** Extra delay for every call on this spreadsheet, added to the server-wide latency. */
  latencyMs: z.number().nonnegative().optional(),
});

const rfc3339 = z
  .string()
  .refine(
    (t) => !Number.isNaN(parseRfc3339(t)),
    "must be an RFC 3339 time, e.g. 2026-06-01T08:00:00.000Z",
  );

/** The file's Drive metadata; omitted times are the time of seeding. */
export const driveSchema = z.strictObject({
  createdTime: rfc3339.optional(),
  modifiedTime: rfc3339.optional(),
  version: z.number().int().positive().optional(),
  /** Folder ids, for `'<folder>' in parents` in a files.list query. */
  parents: z.array(z.string().min(1)).optional(),
});

export const seedSchema = z.strictObject({
  spreadsheetId: z.string().regex(SPREADSHEET_ID_PATTERN, SPREADSHEET_ID_RULE).optional(),
  properties: z
    .strictObject({
      title: z.string().optional(),
      locale: z.string().optional(),
      timeZone: z.string().optional(),
      autoRecalc: z.string().optional(),
    })
    .optional(),
  sheets: z.array(seedSheetSchema).min(1),
  emulator: faultsSchema.optional(),
  drive: driveSchema.optional(),
});

/** A spreadsheet seed as written (a data-directory file, a control-API body, a test's seed). */
export type Seed = z.input<typeof seedSchema>;
export type SeedSheet = z.input<typeof seedSheetSchema>;
/** One cell of `values`: what the API returns with UNFORMATTED_VALUE and SERIAL_NUMBER. */
export type SeedCell = z.input<typeof cellValue>;

/** Parses a seed, throwing an Error whose message names the offending path. */
export function parseSeed(input: unknown, where: string): Seed {
  const result = seedSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new Error(`${where}: invalid spreadsheet seed: ${issues}`);
  }
  return result.data;
}
