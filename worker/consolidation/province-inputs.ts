import { vietnamDate } from "../../shared/cells/dates.ts";
import type { Period } from "../../shared/periods.ts";
import { readProvinceSettings, SETTINGS_TAB } from "../../shared/province-settings.ts";
import { readWordingRows, WORDING_TAB } from "../../shared/report-text/compose-report.ts";
import { foldKey } from "../../shared/text/fold.ts";
import {
  a1Range,
  isSheetsApiError,
  type SheetsClient,
  type Spreadsheet,
} from "../sheets/client.ts";
import type { ProvinceInputs } from "../storage/province-input-repository.ts";
import { encodeSnapshot, sha256Hex } from "../storage/snapshot-codec.ts";
import type { UnitOutcome, UnitState } from "./model.ts";
import {
  outputCharts,
  outputProtected,
  PROVINCE_FIELDS,
  type ProvinceRead,
} from "./read-province.ts";
import { REGISTRY_TAB, readRegistry } from "./registry.ts";

/** A run that changes nothing still rewrites the sheet this often, so the time the sheet
 * says it was put together is never older than this. */
export const QUIET_MAX_MS = 60 * 60_000;

/** Said in D1 and /api/runs/latest by a run that found nothing to write. */
export const QUIET_MESSAGE =
  "Không có thay đổi nào kể từ lần ghi trước: bảng tính của tỉnh không cần ghi lại.";

/**
 * The province's `Đơn vị` and `Cấu hình` in ONE batchGet of the titles the last written run
 * found, instead of spreadsheets.get then batchGet. The tabs' list, title and protections
 * (what the output needs) are left empty: `completeProvince` fetches them before a write.
 * Null when there is no stored title to ask for, or a tab was renamed or removed since
 * (Google refuses the range): the caller then reads the province in full. A province
 * without `Cấu hình` is always read in full, so a `Cấu hình` added later is seen.
 */
export async function readProvinceCheaply(
  client: SheetsClient,
  provinceId: string,
  stored: ProvinceInputs | null,
): Promise<ProvinceRead | null> {
  if (!stored || stored.settingsTitle === null) return null;
  try {
    const { valueRanges } = await client.batchGetValues(provinceId, [
      a1Range(stored.registryTitle, "A1:Z"),
      a1Range(stored.settingsTitle, "A1:Z"),
    ]);
    const values = (at: number) => (valueRanges[at]?.values ?? []).map((row) => [...row]);
    return {
      title: provinceId,
      sheets: [],
      protectedSheetIds: new Set(),
      registry: readRegistry(values(0)),
      settings: readProvinceSettings(values(1)),
    };
  } catch (error) {
    if (isSheetsApiError(error) && error.kind === "invalid-argument") return null;
    throw error;
  }
}

/** The parts of a cheaply read province the output needs: title, tabs, protections, the
 * charts to replace, and the province's own report wording if it has a `Mẫu báo cáo`
 * (one more read, only for such a province and only on a run that writes). */
export async function completeProvince(
  client: SheetsClient,
  provinceId: string,
  partial: ProvinceRead,
): Promise<ProvinceRead> {
  const spreadsheet = (await client.getSpreadsheet(provinceId, PROVINCE_FIELDS)) as Spreadsheet;
  const wordingTitle = spreadsheet.sheets.find(
    (s) => foldKey(s.properties.title) === foldKey(WORDING_TAB),
  )?.properties.title;
  const wording =
    wordingTitle === undefined
      ? null
      : readWordingRows(
          (await client.batchGetValues(provinceId, [a1Range(wordingTitle, "A1:A")])).valueRanges[0]
            ?.values ?? [],
        );
  return {
    ...partial,
    wording,
    chartIds: outputCharts(spreadsheet),
    title: spreadsheet.properties?.title ?? provinceId,
    sheets: spreadsheet.sheets.map((s) => s.properties),
    protectedSheetIds: outputProtected(spreadsheet),
  };
}

/** What to remember of a province whose report tabs were just written (null: its
 * registry tab was not found, so there is no title to ask for next time). */
export async function writtenInputs(
  province: ProvinceRead,
  period: Period,
  now: number,
): Promise<ProvinceInputs | null> {
  const byTitle = (wanted: string) =>
    province.sheets.find((s) => foldKey(s.title) === foldKey(wanted))?.title ?? null;
  const registryTitle = byTitle(REGISTRY_TAB);
  if (registryTitle === null) return null;
  return {
    registryTitle,
    settingsTitle: byTitle(SETTINGS_TAB),
    inputHash: await inputHash(province),
    periodId: period.id,
    writtenDay: vietnamDate(new Date(now)),
    writtenAt: new Date(now).toISOString(),
  };
}

/**
 * True when writing the report now would show what the sheet already shows: the
 * province's tabs say the same, the period and the Vietnam day are the same, the last
 * write is under QUIET_MAX_MS old, and no unit changed status or content.
 */
export async function nothingToWrite(input: {
  readonly stored: ProvinceInputs | null;
  readonly province: ProvinceRead;
  readonly period: Period;
  readonly now: number;
  readonly outcomes: readonly UnitOutcome[];
  readonly known: ReadonlyMap<string, UnitState & { readonly snapshotHash: string | null }>;
}): Promise<boolean> {
  const { stored, now } = input;
  if (!stored) return false;
  if (stored.periodId !== input.period.id) return false;
  if (stored.writtenDay !== vietnamDate(new Date(now))) return false;
  if (now - Date.parse(stored.writtenAt) >= QUIET_MAX_MS) return false;
  if (stored.inputHash !== (await inputHash(input.province))) return false;
  for (const { state, snapshot } of input.outcomes) {
    const before = input.known.get(state.code);
    const same =
      before !== undefined &&
      before.status === state.status &&
      before.error === state.error &&
      before.spreadsheetId === state.spreadsheetId &&
      before.position === state.position &&
      before.name === state.name;
    if (!same) return false;
    if (before.readAt === state.readAt) continue;
    // Read again (an edit inside Drive's margin, or a save that changed nothing): the
    // sheet shows a fresh unit's figures, not its read time, so only the content counts.
    const unchanged =
      state.status === "fresh" &&
      snapshot !== null &&
      JSON.stringify(before.tabTitles) === JSON.stringify(state.tabTitles) &&
      JSON.stringify(before.tabSheetIds ?? null) === JSON.stringify(state.tabSheetIds ?? null) &&
      before.snapshotHash === (await sha256Hex(encodeSnapshot(snapshot)));
    if (!unchanged) return false;
  }
  return true;
}

/** What the province's own tabs said, as parsed (tab layout and order of the tabs aside). */
function inputHash(province: ProvinceRead): Promise<string> {
  return sha256Hex(JSON.stringify({ registry: province.registry, settings: province.settings }));
}
