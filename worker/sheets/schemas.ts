/**
 * Response bodies parsed at the boundary: only the fields the Worker uses; zod drops the
 * rest. A 2xx body that does not match is reported as an invalid response, never guessed at.
 */
import { z } from "zod";

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const gridProperties = z
  .object({
    rowCount: z.number().int().optional(),
    columnCount: z.number().int().optional(),
    frozenRowCount: z.number().int().optional(),
    frozenColumnCount: z.number().int().optional(),
  })
  .optional();

const sheetProperties = z.object({
  // Only for masks that ask for sheetId: proto3 JSON may omit a zero (the first sheet's
  // id is often 0), so there an absent id can only be 0.
  sheetId: z.number().int().default(0),
  title: z.string(),
  index: z.number().int().optional(),
  sheetType: z.string().optional(),
  gridProperties,
});

// A mask without sheetId: an absent id means "not asked for", never 0. Defaulting it here
// would hand callers a made-up id that addresses the first tab.
const maskedSheetProperties = sheetProperties.extend({ sheetId: z.number().int().optional() });

const charts = z.array(z.object({ chartId: z.number().int() })).optional();
const protectedRanges = z
  .array(z.object({ description: z.string().optional(), warningOnly: z.boolean().optional() }))
  .optional();

const spreadsheetProperties = z
  .object({
    title: z.string().optional(),
    locale: z.string().optional(),
    timeZone: z.string().optional(),
  })
  .optional();

export const spreadsheetSchema = z.object({
  spreadsheetId: z.string().optional(),
  properties: spreadsheetProperties,
  sheets: z.array(z.object({ properties: sheetProperties, charts, protectedRanges })).default([]),
});

export const maskedSpreadsheetSchema = z.object({
  spreadsheetId: z.string().optional(),
  properties: spreadsheetProperties,
  sheets: z
    .array(z.object({ properties: maskedSheetProperties, charts, protectedRanges }))
    .default([]),
});

export const batchGetSchema = z.object({
  spreadsheetId: z.string(),
  valueRanges: z
    .array(
      z.object({
        range: z.string(),
        // An empty range has no `values` key at all.
        values: z.array(z.array(cellValue)).default([]),
      }),
    )
    .default([]),
});

export const batchUpdateSchema = z.object({
  spreadsheetId: z.string(),
  replies: z
    .array(
      z.looseObject({
        addSheet: z.object({ properties: sheetProperties }).optional(),
        addChart: z.object({ chart: z.object({ chartId: z.number().int() }) }).optional(),
      }),
    )
    .default([]),
});

const effectiveValue = z
  .object({
    numberValue: z.number().optional(),
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    errorValue: z.object({ type: z.string().optional() }).optional(),
  })
  .optional();

/** spreadsheets.get masked to GRID_VALUES_FIELDS (grid-values.ts). */
export const gridValuesSchema = z.object({
  properties: spreadsheetProperties,
  sheets: z
    .array(
      z.object({
        properties: sheetProperties,
        data: z
          .array(
            z.object({
              startRow: z.number().int().optional(),
              startColumn: z.number().int().optional(),
              rowData: z
                .array(z.object({ values: z.array(z.object({ effectiveValue })).optional() }))
                .optional(),
            }),
          )
          .optional(),
      }),
    )
    .default([]),
});
