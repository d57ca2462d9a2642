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
 * find next time). `written`: the run wrote the report tabs, leaving the province's tabs as
 * `layout` at `at` (our clock once Google answered, so no later than Drive's modifiedTime
 * of a later edit). A quiet run keeps the stored write and adds what it read.
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
  return sha256Hex(
    JSON.stringify({
      registry: province.registry,
      settings: province.settings,
      wording: province.wording ?? null,
    }),
  );
}
