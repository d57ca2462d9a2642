/** A province of units under its own service account, for the incremental-run tests. */
import { env } from "cloudflare:workers";
import { resolvePeriod } from "../../../shared/periods.ts";
import { SUBMISSION_TAB } from "../../../shared/submission/submission-tab.ts";
import { createServiceAccountTokenProvider } from "../../../worker/auth/token-provider.ts";
import {
  type ConsolidationOptions,
  runConsolidation,
} from "../../../worker/consolidation/run-consolidation.ts";
import { computeTotals } from "../../../worker/consolidation/totals.ts";
import { createDriveClient } from "../../../worker/drive/drive-client.ts";
import { systemClock } from "../../../worker/time/clock.ts";
import {
  emulatorClient,
  emulatorStats,
  emulatorUrl,
  registerServiceAccount,
  spreadsheetState,
  tokenUrl,
  uniqueId,
} from "../sheets-emulator-control.ts";
import { putAll, putSpreadsheet } from "./emulator.ts";
import { cleanUnitTabs, provinceSeed, type Seed, serial, unitSeed } from "./seeds.ts";

const period = resolvePeriod("2026")!;
const HOUR_AGO = () => new Date(Date.now() - 3_600_000).toISOString();

/** A unit last edited an hour ago (outside Drive's safety margin), with `extra`
 * inspections by the province on top of the clean tabs, and an empty `Nộp báo cáo` as the
 * add-on's Tạo biểu mẫu makes it (`submissions: false`: a unit without it, which lists its
 * tabs at every read so that a tab added later is seen). */
export function unit(
  id: string,
  code: string,
  extra: number,
  modifiedTime = HOUR_AGO(),
  { submissions = true } = {},
): Seed {
  const tabs = cleanUnitTabs();
  const inspections = tabs[0]!;
  const added = Array.from({ length: extra }, (_, i) => [
    serial("2026-03-01"),
    "Ban Chỉ đạo cấp tỉnh",
    "Kiểm tra",
    "",
    `Thôn ${i + 1}`,
    "Khác",
    "",
    "",
    "",
    "",
  ]);
  const edited = {
    ...inspections,
    values: [...(inspections.values ?? []), ...added],
  } as typeof inspections;
  const submissionTab = {
    title: SUBMISSION_TAB.title,
    values: [SUBMISSION_TAB.columns.map((c) => c.header)],
  };
  const sheets = [edited, ...tabs.slice(1), ...(submissions ? [submissionTab] : [])];
  return { ...unitSeed(id, code, sheets), drive: { modifiedTime } };
}

/** A province of `n` units under its own service account, so every Google call counts. */
export async function province(
  n: number,
  quota?: { reads: number; writes: number; windowMs: number },
) {
  const P = uniqueId("incr");
  const ids = Array.from({ length: n }, (_, i) => `${P}-u${i}`);
  const registry = ids.map((id, i) => [`U${i}`, `Đơn vị ${i}`, id]);
  await putAll([provinceSeed(P, registry), ...ids.map((id, i) => unit(id, `U${i}`, 0))]);
  const account = await registerServiceAccount(quota ? { quota } : {});
  const run = (
    fetchDrive?: typeof fetch,
    more: { fetchSheets?: typeof fetch; options?: Partial<ConsolidationOptions> } = {},
  ) => {
    const tokenProvider = createServiceAccountTokenProvider({
      keyJson: account.keyJson,
      tokenUrl,
    });
    return runConsolidation(
      {
        client: emulatorClient(account.keyJson, {
          tokenProvider,
          ...(more.fetchSheets ? { fetch: more.fetchSheets } : {}),
        }),
        db: env.DB,
        clock: systemClock,
        drive: createDriveClient({
          baseUrl: emulatorUrl,
          tokenProvider,
          ...(fetchDrive ? { fetch: fetchDrive } : {}),
        }),
      },
      { provinceId: P, trigger: "api", ...more.options },
    );
  };
  /** Google calls of this province's account since `since`: unit reads by id, and totals. */
  const callsSince = async (since: number) => {
    const stats = await emulatorStats(account.clientEmail);
    const requests = stats.requests.filter((r) => r.at >= since);
    const unitReads = new Map<string, number>();
    for (const r of requests) {
      if (r.kind === "read" && r.spreadsheetId && r.spreadsheetId !== P) {
        unitReads.set(r.spreadsheetId, (unitReads.get(r.spreadsheetId) ?? 0) + 1);
      }
    }
    return {
      unitReads,
      /** Reads of the province's own spreadsheet (its tab list, its tabs' cells). */
      provinceReads: requests.filter((r) => r.kind === "read" && r.spreadsheetId === P).length,
      writes: requests.filter((r) => r.kind === "write").length,
      all: requests.length,
      drive: requests.filter((r) => r.kind === "drive").length,
    };
  };
  const totals = () => computeTotals(env.DB, P, period, new Date());
  return { P, ids, registry, run, callsSince, totals };
}

/**
 * Time passing without waiting: the spreadsheet as it is (tabs, sheetIds, protections,
 * charts), its Drive modifiedTime set `agoMs` back, after `edit` if given (an edit that
 * Drive's time would not show, as one made during a run and hidden behind its write).
 */
export async function backdate(
  id: string,
  agoMs: number,
  edit: (seed: Seed) => Seed = (seed) => seed,
): Promise<void> {
  const state = (await spreadsheetState(id)) as Seed;
  const modifiedTime = new Date(Date.now() - agoMs).toISOString();
  const { emulator: _faults, ...rest } = edit({ ...state, spreadsheetId: id });
  await putSpreadsheet({ ...rest, drive: { ...rest.drive, modifiedTime } });
}
