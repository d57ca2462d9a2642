/**
 * The province's own spreadsheet is read only when Drive shows it changed (docs/domain.md,
 * "What a run reads"). D1 keeps the cells of its own tabs as last read and its layout (tabs,
 * sheetIds, protections, charts) as the last spreadsheets.get or our last write left it.
 * Our write moves the file's modifiedTime too, and can hide an edit made during the run
 * behind it, so the cells are read again (one batchGet) after every write; the layout we
 * wrote ourselves is trusted while nothing newer than that write shows.
 */
import { isSheetsApiError, type SheetsClient, type SheetsRequest } from "../sheets/client.ts";
import type { BatchUpdateReply } from "../sheets/types.ts";
import type { ProvinceInputs } from "../storage/province-input-repository.ts";
import type { DriveListing } from "./changed-units.ts";
import { DRIVE_MARGIN_MS, MAX_UNREAD_MS } from "./drive-margin.ts";
import { PROTECTION_DESCRIPTION } from "./output/tab-plan.ts";
import { OutputRefusedError } from "./output/write-refusal.ts";
import {
  inputTitles,
  type ProvinceLayout,
  type ProvinceRead,
  type ProvinceValues,
  provinceRead,
  readProvinceInFull,
  readProvinceLayout,
  readProvinceValues,
} from "./read-province.ts";

/** Google stamps our write by its clock, layoutAt is ours once Google answered: a little
 * skew between the two must not make every run after a write list the tabs. */
const CLOCK_SKEW_MS = 2_000;

export interface ProvinceSource {
  readonly province: ProvinceRead;
  readonly values: ProvinceValues;
  readonly layout: ProvinceLayout;
  /** When this run read the cells (null: taken from D1). */
  readonly contentReadAt: string | null;
  /** When this run listed the tabs (null: the layout came from D1). */
  readonly layoutReadAt: string | null;
  /** Google calls the province cost this run (0, 1 or 2). */
  readonly calls: number;
}

/**
 * The province for this run: from D1 when Drive (`listing`, this run's one files.list) does
 * not show it modified since its cells were read (less Drive's margin); its cells alone in
 * ONE batchGet when the only change shown could be our own last write; in full (tab list +
 * batchGet) when something newer than our knowledge of its tabs shows, when D1 has
 * nothing, when Drive failed, once a day, or when a remembered title no longer exists.
 */
export async function loadProvince(
  client: SheetsClient,
  input: {
    readonly provinceId: string;
    readonly stored: ProvinceInputs | null;
    readonly listing: DriveListing | null;
    readonly now: () => number;
  },
): Promise<ProvinceSource> {
  const { provinceId, stored, listing } = input;
  const iso = () => new Date(input.now()).toISOString();
  const full = async (): Promise<ProvinceSource> => {
    const { layout, values } = await readProvinceInFull(client, provinceId);
    const at = iso();
    const province = provinceRead(layout, values);
    return { province, values, layout, contentReadAt: at, layoutReadAt: at, calls: 2 };
  };
  if (!listing?.ok || !stored) return full();
  const { content, contentReadAt, layout, layoutAt, layoutReadAt } = stored;
  if (!content || !contentReadAt || !layout || !layoutAt || !layoutReadAt) return full();
  if (input.now() - Date.parse(layoutReadAt) >= MAX_UNREAD_MS) return full();
  const modified = listing.files.get(provinceId);
  const modifiedAt = modified === undefined ? null : Date.parse(modified);
  const kept = { layout, layoutReadAt: null };
  if (modifiedAt === null || modifiedAt <= Date.parse(contentReadAt) - DRIVE_MARGIN_MS) {
    const province = provinceRead(layout, content);
    return { ...kept, province, values: content, contentReadAt: null, calls: 0 };
  }
  // Modified after the tabs were last known (a get, or our write): someone else's edit.
  if (modifiedAt > Date.parse(layoutAt) + CLOCK_SKEW_MS) return full();
  try {
    const values = await readProvinceValues(client, provinceId, inputTitles(layout));
    const province = provinceRead(layout, values);
    return { ...kept, province, values, contentReadAt: iso(), calls: 1 };
  } catch (error) {
    // A remembered tab renamed or removed: Google refuses the range.
    if (isSheetsApiError(error) && error.kind === "invalid-argument") return full();
    throw error;
  }
}

/**
 * Runs `write` (the one output batchUpdate, through the client given to it) and says what
 * the province's tabs are after it, from the requests and Google's replies. If Google
 * refuses a write planned on a remembered layout (a tab or chart removed meanwhile), the
 * tabs are listed and the write made once more.
 */
export async function writeProvince<T>(
  client: SheetsClient,
  provinceId: string,
  source: ProvinceSource,
  write: (client: SheetsClient, province: ProvinceRead) => Promise<T>,
): Promise<{
  readonly result: T;
  readonly province: ProvinceRead;
  readonly layout: ProvinceLayout;
}> {
  let written: { requests: readonly SheetsRequest[]; replies: readonly BatchUpdateReply[] } | null =
    null;
  const recording: SheetsClient = {
    serviceAccountEmail: client.serviceAccountEmail,
    getSpreadsheet: client.getSpreadsheet.bind(client) as SheetsClient["getSpreadsheet"],
    getSpreadsheetValues: (id, options) => client.getSpreadsheetValues(id, options),
    batchGetValues: (id, ranges, options) => client.batchGetValues(id, ranges, options),
    batchUpdate: async (id, requests, options) => {
      const reply = await client.batchUpdate(id, requests, options);
      if (id === provinceId) written = { requests, replies: reply.replies };
      return reply;
    },
  };
  let layout = source.layout;
  let province = source.province;
  let result: T;
  try {
    result = await write(recording, province);
  } catch (error) {
    if (!(error instanceof OutputRefusedError) || source.layoutReadAt !== null) throw error;
    layout = await readProvinceLayout(client, provinceId);
    province = provinceRead(layout, source.values);
    result = await write(recording, province);
  }
  const done = written as {
    requests: readonly SheetsRequest[];
    replies: readonly BatchUpdateReply[];
  } | null;
  return {
    result,
    province,
    layout: done ? layoutAfterWrite(layout, done.requests, done.replies) : layout,
  };
}

/** The province's tabs once `requests` are applied: tabs added (sheetIds from the replies),
 * renamed or deleted, protections added, charts deleted and added (ids from the replies). */
export function layoutAfterWrite(
  before: ProvinceLayout,
  requests: readonly SheetsRequest[],
  replies: readonly BatchUpdateReply[],
): ProvinceLayout {
  const sheets = new Map(before.sheets.map((s) => [s.sheetId, s.title]));
  const protectedIds = new Set(before.protectedSheetIds);
  const charts = new Set(before.chartIds);
  requests.forEach((request, i) => {
    const reply = replies[i];
    if ("addSheet" in request) {
      const added = reply?.addSheet?.properties ?? request.addSheet.properties;
      if (added.sheetId !== undefined && added.title !== undefined) {
        sheets.set(added.sheetId, added.title);
      }
    } else if ("updateSheetProperties" in request) {
      const { properties, fields } = request.updateSheetProperties;
      if (properties.title !== undefined && fields.split(",").includes("title")) {
        sheets.set(properties.sheetId, properties.title);
      }
    } else if ("addProtectedRange" in request) {
      const { range, warningOnly, description } = request.addProtectedRange.protectedRange;
      if (warningOnly && description === PROTECTION_DESCRIPTION) protectedIds.add(range.sheetId);
    } else if ("deleteEmbeddedObject" in request) {
      charts.delete(request.deleteEmbeddedObject.objectId);
    }
    if (reply?.addChart) charts.add(reply.addChart.chart.chartId);
  });
  return {
    title: before.title,
    sheets: [...sheets].map(([sheetId, title]) => ({ sheetId, title })),
    protectedSheetIds: [...protectedIds],
    chartIds: [...charts],
  };
}
