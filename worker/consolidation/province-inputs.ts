import { vietnamDate } from "../../shared/cells/dates.ts";
import type { Period } from "../../shared/periods.ts";
import type { ProvinceInputs } from "../storage/province-input-repository.ts";
import { encodeSnapshot, sha256Hex } from "../storage/snapshot-codec.ts";
import type { UnitOutcome, UnitState } from "./model.ts";
import type { ProvinceSource } from "./province-source.ts";
import { QUIET_MAX_MS } from "./quiet-run.ts";
import { inputTitles, type ProvinceLayout, type ProvinceRead } from "./read-province.ts";

// Here too for the callers that knew them here; output/log-tab.ts imports quiet-run.ts,
// which the Node-side typecheck can follow without D1's types.
export { QUIET_MAX_MS, QUIET_MESSAGE } from "./quiet-run.ts";

/**
 * What to remember of the province after a run (null: nothing new, or no registry tab to
 * find next time). `written`: the run wrote the report tabs (or, quiet for an hour,
 * `Nhật ký` alone: the same day, so the report tabs stand), leaving the province's tabs as
 * `layout` at `at` (our clock once Google answered, so no later than Drive's modifiedTime
 * of a later edit). A quiet run without a write keeps the stored write and adds what it read.
 */
export async function provinceInputsAfter(input: {
  readonly stored: ProvinceInputs | null;
  readonly source: ProvinceSource;
  readonly written: {
    readonly province: ProvinceRead;
    readonly layout: ProvinceLayout;
    readonly period: Period;
    readonly at: number;
  } | null;
}): Promise<ProvinceInputs | null> {
  const { stored, source, written } = input;
  if (!written && (!stored || (source.contentReadAt === null && source.layoutReadAt === null))) {
    return null;
  }
  const layout = written?.layout ?? source.layout;
  const titles = inputTitles(layout);
  if (titles.registry === null) return null;
  const at = written ? new Date(written.at) : null;
  return {
    registryTitle: titles.registry,
    settingsTitle: titles.settings,
    wordingTitle: titles.wording,
    inputHash: await inputHash(written?.province ?? source.province),
    periodId: written?.period.id ?? stored?.periodId ?? "",
    writtenDay: at ? vietnamDate(at) : (stored?.writtenDay ?? ""),
    writtenAt: at ? at.toISOString() : (stored?.writtenAt ?? ""),
    content: source.values,
    contentReadAt: source.contentReadAt ?? stored?.contentReadAt ?? null,
    layout,
    layoutAt: at?.toISOString() ?? source.layoutReadAt ?? stored?.layoutAt ?? null,
    layoutReadAt: source.layoutReadAt ?? stored?.layoutReadAt ?? null,
  };
}

/**
 * What this run must write. `report` unless writing it would show what the sheet already
 * shows: the province's tabs say the same, the period and the Vietnam day are the same,
 * and no unit changed status or content. Then `log` when the last write is QUIET_MAX_MS
 * old or more (Nhật ký alone, the office's sign that runs go on), else `none`.
 */
export type WriteNeed = "report" | "log" | "none";

export async function writeNeeded(input: {
  readonly stored: ProvinceInputs | null;
  readonly province: ProvinceRead;
  readonly period: Period;
  readonly now: number;
  readonly outcomes: readonly UnitOutcome[];
  readonly known: ReadonlyMap<string, UnitState & { readonly snapshotHash: string | null }>;
}): Promise<WriteNeed> {
  const { stored, now } = input;
  if (!stored) return "report";
  if (stored.periodId !== input.period.id) return "report";
  if (stored.writtenDay !== vietnamDate(new Date(now))) return "report";
  if (stored.inputHash !== (await inputHash(input.province))) return "report";
  for (const { state, snapshot } of input.outcomes) {
    const before = input.known.get(state.code);
    const same =
      before !== undefined &&
      before.status === state.status &&
      before.error === state.error &&
      before.spreadsheetId === state.spreadsheetId &&
      before.position === state.position &&
      before.name === state.name;
    if (!same) return "report";
    if (before.readAt === state.readAt) continue;
    // Read again (an edit inside Drive's margin, or a save that changed nothing): the
    // sheet shows a fresh unit's figures, not its read time, so only the content counts.
    const unchanged =
      state.status === "fresh" &&
      snapshot !== null &&
      JSON.stringify(before.tabTitles) === JSON.stringify(state.tabTitles) &&
      JSON.stringify(before.tabSheetIds ?? null) === JSON.stringify(state.tabSheetIds ?? null) &&
      before.snapshotHash === (await sha256Hex(encodeSnapshot(snapshot)));
    if (!unchanged) return "report";
  }
  return now - Date.parse(stored.writtenAt) >= QUIET_MAX_MS ? "log" : "none";
}

/** What the province's own tabs said, as parsed (tab layout and order of the tabs aside). */
function inputHash(province: ProvinceRead): Promise<string> {
  return sha256Hex(
    JSON.stringify({
      registry: province.registry,
      settings: province.settings,
      wording: province.wording ?? null,
    }),
  );
}
