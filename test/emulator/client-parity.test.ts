// Parity of the Worker's Sheets client with Google's official client (issue 3: "every call
// shape our client sends is also sent by a test through the official client, and both see
// the same answers"). The call shapes are not written out here: the Worker's own
// consolidation code (readProvince, readUnits, buildOutput, twice) drives our
// client against the emulator, every HTTP request it puts on the wire is recorded, and each
// one is then replayed through @googleapis/sheets against an equal copy ("twin") of the same
// spreadsheet. Both must send the same request, get the same answer (or the same error
// status, code and message) and leave the twins in the same state.

import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { createServiceAccountTokenProvider } from "../../worker/auth/token-provider.ts";
import { aggregateReport } from "../../worker/consolidation/aggregate-report.ts";
import { type RunRecord, zeroCounts } from "../../worker/consolidation/model.ts";
import {
  buildOutput,
  buildOutputRequests,
} from "../../worker/consolidation/output/build-output.ts";
import { CHARTS_TAB } from "../../worker/consolidation/output/charts-tab.ts";
import { readProvince } from "../../worker/consolidation/read-province.ts";
import { readUnitSheet } from "../../worker/consolidation/read-unit-sheet.ts";
import { readUnits } from "../../worker/consolidation/read-units.ts";
import { createDriveClient } from "../../worker/drive/drive-client.ts";
import {
  a1Range,
  createSheetsClient,
  isSheetsApiError,
  type SheetsClient,
} from "../../worker/sheets/client.ts";
import { type GridDataIn, rowsFromGrid } from "../../worker/sheets/grid-values.ts";
import { cleanUnitTabs, provinceSeed, type Seed, unitSeed } from "../worker/helpers/seeds.ts";
import {
  type OfficialRequest,
  officialDriveClient,
  officialSheetsClient,
} from "./official-client.ts";
import { type Emulator, startEmulator } from "./server.ts";

const PROVINCE = "par-prov";
const UNIT = "par-unit-a";
const NFD_UNIT = "par-unit-nfd";
const DENIED = "par-unit-denied";
const GONE = "par-unit-gone"; // registered, never seeded: 404
const ODD_TAB = "Ghi chú của Huyện's, 50/50!";

/** The official client works on the twin `off-<id>` of every spreadsheet ours touches. */
const twin = (id: string) => `off-${id}`;
/** Twin ids back to ours in an official answer, so answers compare as equal. */
const untwin = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replaceAll("off-par-", "par-")) as T;

/** Google picks protected-range and chart ids itself (so does the emulator): two
 * spreadsheets that went through the same requests agree on everything but those numbers. */
const opaqueIds = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replace(/"(protectedRangeId|chartId)":\d+/g, '"$1":0')) as T;

/** Explicit sheetIds, so a spreadsheet and its twin (different ids) agree on them. */
function withSheetIds(seed: Seed): Seed {
  return {
    ...seed,
    sheets: seed.sheets.map((sheet, i) => ({
      ...sheet,
      properties: { sheetId: i === 0 ? 0 : 1000 + i },
    })),
  } as Seed;
}

function seeds(): Seed[] {
  const province = provinceSeed(PROVINCE, [
    ["H01", "Huyện Một", UNIT, ""],
    ["H02", "Huyện Hai", NFD_UNIT, "tab gõ kiểu tổ hợp"],
    ["H03", "Huyện Ba", DENIED, "chưa chia sẻ"],
    ["H04", "Huyện Bốn", GONE, "bảng tính đã xoá"],
  ]);
  // An output tab left by an earlier run: the first write resizes it, the others are added.
  province.sheets.push({ title: "Tổng hợp", values: [["bảng cũ"], [1, 2, 3]] });
  const nfdTabs = cleanUnitTabs().map((tab, i) =>
    i % 2 === 0 ? { ...tab, title: tab.title.normalize("NFD") } : tab,
  );
  const list: Seed[] = [
    province,
    unitSeed(UNIT, "Huyện Một", [
      ...cleanUnitTabs(),
      {
        title: ODD_TAB,
        values: [
          ["a", "b"],
          [1, true],
        ],
      },
      { title: "Trống" },
    ]),
    unitSeed(NFD_UNIT, "Huyện Hai", nfdTabs),
    unitSeed(DENIED, "Huyện Ba", [{ title: "Kiểm tra, giám sát" }], { deny: true }),
  ];
  return list.flatMap((seed) => {
    const mine = withSheetIds(seed);
    return [mine, { ...mine, spreadsheetId: twin(mine.spreadsheetId) }];
  });
}

interface WireRequest {
  readonly method: string;
  readonly url: URL;
  readonly body: unknown;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** One call of our client: what it was, what went on the wire, what it answered. */
interface Exchange {
  readonly op: keyof Omit<SheetsClient, "serviceAccountEmail">;
  readonly requests: WireRequest[];
  outcome?: Outcome;
}

let emu: Emulator;
let api: sheets_v4.Sheets;
const officialWire: OfficialRequest[] = [];
const exchanges: Exchange[] = [];
let current: Exchange | null = null;
const replays: {
  official: Awaited<ReturnType<typeof replay>> | null;
  wire: OfficialRequest[];
  /** Our request as replayed on the twin: the same, with chart ids mapped (onTwin). */
  sent: WireRequest | null;
}[] = [];
/** Our chart ids → the twin's counterparts, added by the same addChart: Google picks chart
 * ids itself, so a later request naming one of ours (deleteEmbeddedObject) must name the
 * twin's on the twin. */
const chartIdsOnTwin = new Map<number, number>();

/** Our client as the Worker builds it, minus retries (one call = one request here), with
 * every call and request recorded. Calls must not overlap (the drive below is sequential). */
function recordingClient(): SheetsClient {
  const key = emu.serviceAccountKey!;
  const client = createSheetsClient({
    baseUrl: emu.url,
    tokenProvider: createServiceAccountTokenProvider({
      keyJson: JSON.stringify(key),
      tokenUrl: key.token_uri,
    }),
    retry: { maxAttempts: 1 },
    fetch: (input, init) => {
      const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
      current?.requests.push({ method: init?.method ?? "GET", url: new URL(String(input)), body });
      return fetch(input, init);
    },
  });
  const wrap =
    <A extends unknown[], R>(op: Exchange["op"], fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (current) throw new Error("parity recording needs one call at a time");
      const exchange: Exchange = { op, requests: [] };
      exchanges.push(exchange);
      current = exchange;
      try {
        const value = await fn(...args);
        exchange.outcome = { ok: true, value };
        return value;
      } catch (error) {
        exchange.outcome = { ok: false, error };
        throw error;
      } finally {
        current = null;
      }
    };
  return {
    serviceAccountEmail: client.serviceAccountEmail,
    getSpreadsheet: wrap(
      "getSpreadsheet",
      client.getSpreadsheet as (...a: unknown[]) => Promise<unknown>,
    ) as SheetsClient["getSpreadsheet"],
    getSpreadsheetValues: wrap("getSpreadsheetValues", client.getSpreadsheetValues),
    batchGetValues: wrap("batchGetValues", client.batchGetValues),
    batchUpdate: wrap("batchUpdate", client.batchUpdate),
  };
}

/** What the Worker does in one consolidation, minus D1, plus the client's other calls. */
async function driveOurClient(client: SheetsClient): Promise<void> {
  const province = await readProvince(client, PROVINCE);
  const period = resolvePeriod(province.settings.periodId ?? "2026", province.settings.rule)!;
  const now = "2026-11-23T08:00:00.000Z";
  // The Worker's own read step, first run (no titles known), one unit at a time so the
  // recording sees one call at a time; nothing stored to fall back on.
  const outcomes = await readUnits(client, province.registry.units, new Map(), {
    concurrency: 1,
    now: () => now,
    period,
    loadStored: async () => null,
  });
  expect(outcomes.map((o) => o.state.status)).toEqual([
    "fresh",
    "fresh",
    "unreadable",
    "unreadable",
  ]);
  const learnt = outcomes.find((o) => o.state.spreadsheetId === NFD_UNIT)?.state.tabTitles;
  // A later run with the tab titles learnt (NFD bytes included): one batchGet.
  expect(learnt).toBeTruthy();
  await readUnitSheet(client, NFD_UNIT, learnt!);
  // A unit whose whole-spreadsheet answer is over the limit: its tab list, then a batchGet
  // (of NFD titles, as listed).
  await readUnitSheet(client, NFD_UNIT, null, undefined, {}, { maxGridBytes: 1 });
  // Apostrophe, comma and "!" in a title, and an empty tab (no `values` key).
  await client.batchGetValues(UNIT, [a1Range(ODD_TAB), a1Range("Trống", "A1:Z")]);

  // The Worker's own aggregate step.
  const withId = Object.assign({}, province, { spreadsheetId: PROVINCE });
  const report = aggregateReport(withId, outcomes, period, now);
  const run: RunRecord = {
    id: 1,
    provinceId: PROVINCE,
    trigger: "scheduled",
    status: "succeeded",
    startedAt: "2026-11-23T07:59:00.000Z",
    finishedAt: "2026-11-23T08:00:00.000Z",
    periodId: period.id,
    periodRule: period.rule,
    counts: zeroCounts(),
    message: null,
  };
  // First run: `Tổng hợp` exists (resized), the other output tabs are added.
  await client.batchUpdate(PROVINCE, buildOutputRequests(report, [run], province.sheets));
  // Second run, as the Worker makes it: every output tab exists now, and the first run's
  // charts (their ids from spreadsheets.get) are deleted before the new ones are added.
  const again = await readProvince(client, PROVINCE);
  expect(again.chartIds?.length).toBeGreaterThan(0);
  await client.batchUpdate(
    PROVINCE,
    buildOutput({
      report,
      runs: () => [run, { ...run, id: 2 }],
      existingSheets: again.sheets,
      protectedSheetIds: again.protectedSheetIds,
      existingChartIds: again.chartIds ?? [],
    }).requests,
  );
  // Errors: a batch Google refuses (duplicate tab), and writing to an unshared spreadsheet.
  await expect(
    client.batchUpdate(PROVINCE, [{ addSheet: { properties: { title: "Đơn vị" } } }]),
  ).rejects.toMatchObject({ httpStatus: 400 });
  await expect(
    client.batchUpdate(DENIED, [{ addSheet: { properties: { title: "X" } } }]),
  ).rejects.toMatchObject({ httpStatus: 403 });
}

/** The ids of the charts a batchUpdate answer says it added, in order. */
function addedChartIds(answer: unknown): number[] {
  const replies = (answer as { replies?: { addChart?: { chart: { chartId: number } } }[] })
    ?.replies;
  return (replies ?? []).flatMap((r) => (r.addChart ? [r.addChart.chart.chartId] : []));
}

/** Our request with every chart id of ours replaced by its twin's. */
function onTwin(request: WireRequest): WireRequest {
  if (request.body === undefined) return request;
  const body = JSON.stringify(request.body).replace(/"objectId":(\d+)/g, (_, id: string) => {
    const theirs = chartIdsOnTwin.get(Number(id));
    if (theirs === undefined) throw new Error(`chart ${id} was not added by a replayed call`);
    return `"objectId":${theirs}`;
  });
  return { ...request, body: JSON.parse(body) };
}

/** Sends one recorded request through the official client, on the twin spreadsheet. */
async function replay(
  request: WireRequest,
): Promise<{ ok: true; data: unknown } | { ok: false; status: number; error: unknown }> {
  const match = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(request.url.pathname);
  if (!match) throw new Error(`not a Sheets call: ${request.url.pathname}`);
  const spreadsheetId = twin(decodeURIComponent(match[1]!));
  const rest = decodeURIComponent(match[2]!);
  const q = request.url.searchParams;
  const known = (names: string[]) => {
    // A query parameter the replay would drop means a shape the test does not cover.
    expect([...new Set(q.keys())].filter((k) => !names.includes(k))).toEqual([]);
  };
  const body = request.body as Record<string, unknown> | undefined;
  const one = request.method === "GET" ? `GET ${rest}` : `POST ${rest}`;
  try {
    let data: unknown;
    if (one === "GET ") {
      known(["fields", "includeGridData", "prettyPrint"]);
      const flag = (name: string) => (q.has(name) ? { [name]: q.get(name) === "true" } : {});
      data = (
        await api.spreadsheets.get({
          spreadsheetId,
          fields: q.get("fields") ?? undefined,
          ...flag("includeGridData"),
          ...flag("prettyPrint"),
        })
      ).data;
    } else if (one === "GET /values:batchGet") {
      known(["ranges", "majorDimension", "valueRenderOption", "dateTimeRenderOption"]);
      data = (
        await api.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges: q.getAll("ranges"),
          majorDimension: q.get("majorDimension") ?? undefined,
          valueRenderOption: q.get("valueRenderOption") ?? undefined,
          dateTimeRenderOption: q.get("dateTimeRenderOption") ?? undefined,
        })
      ).data;
    } else if (one === "POST :batchUpdate") {
      known([]);
      data = (await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: body })).data;
    } else {
      throw new Error(`a call shape with no official counterpart in this test: ${one}`);
    }
    return { ok: true, data: untwin(data) };
  } catch (e) {
    const response = (e as { response?: { status: number; data: { error: unknown } } }).response;
    if (!response) throw e;
    return { ok: false, status: response.status, error: untwin(response.data.error) };
  }
}

/** Our parsed answer, rebuilt from the official client's raw one. */
function expectedFromOfficial(op: Exchange["op"], data: unknown): unknown {
  const d = data as Record<string, unknown>;
  switch (op) {
    case "getSpreadsheetValues": {
      // Google's grid data, turned into rows the way our client does.
      const sheets = d.sheets as {
        properties: { sheetId?: number; title: string };
        data?: GridDataIn[];
      }[];
      return {
        timeZone: (d.properties as { timeZone?: string } | undefined)?.timeZone,
        sheets: sheets.map((s) => ({
          sheetId: s.properties.sheetId ?? 0,
          title: s.properties.title,
          values: rowsFromGrid(s.data, Number.POSITIVE_INFINITY),
        })),
      };
    }
    case "batchGetValues":
      return {
        spreadsheetId: d.spreadsheetId,
        valueRanges: (d.valueRanges as { range: string; values?: unknown[][] }[]).map((r) => ({
          range: r.range,
          // Google leaves `values` out for an empty range; our client gives [].
          values: r.values ?? [],
        })),
      };
    case "batchUpdate":
      return {
        ...d,
        // Our client keeps only an added chart's id (all the Worker uses), not its spec.
        replies: (d.replies as Record<string, unknown>[] | undefined)?.map((r) =>
          r.addChart
            ? {
                ...r,
                addChart: {
                  chart: { chartId: (r.addChart as { chart: { chartId: number } }).chart.chartId },
                },
              }
            : r,
        ),
      };
    default:
      return d;
  }
}

/** The request as a comparable shape: decoded path (twin mapped), sorted query, body. */
function shape(r: { method: string; url: URL; body: unknown }) {
  return {
    method: r.method,
    path: decodeURIComponent(r.url.pathname).replace("/spreadsheets/off-", "/spreadsheets/"),
    // By name only: the order of repeated `ranges` is the order of the answers.
    query: [...r.url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b)),
    body: r.body ?? null,
  };
}

async function state(id: string): Promise<unknown> {
  const body = (await (await fetch(`${emu.url}/__emulator/spreadsheets/${id}`)).json()) as Record<
    string,
    unknown
  >;
  // Twins are written a moment apart: their Drive times differ, their versions must not.
  const drive = { ...(body.drive as object), createdTime: undefined, modifiedTime: undefined };
  return opaqueIds(untwin({ ...body, spreadsheetId: undefined, drive }));
}

beforeAll(async () => {
  emu = await startEmulator({ spreadsheets: seeds(), quota: { reads: 10_000, writes: 10_000 } });
  api = officialSheetsClient(emu.url, emu.serviceAccountKey!, undefined, {
    onRequest: (r) => officialWire.push(r),
  });
  await driveOurClient(recordingClient());
  // Replayed in the same order, so the twins go through the same sequence of states.
  for (const exchange of exchanges) {
    const wireBefore = officialWire.length;
    const sent = exchange.requests[0] ? onTwin(exchange.requests[0]) : null;
    const official = sent ? await replay(sent) : null;
    replays.push({ official, wire: officialWire.slice(wireBefore), sent });
    if (official?.ok && exchange.outcome?.ok) {
      const theirs = addedChartIds(official.data);
      addedChartIds(exchange.outcome.value).forEach((id, i) => {
        chartIdsOnTwin.set(id, theirs[i] ?? -1);
      });
    }
  }
});

afterAll(async () => {
  await emu.close();
});

describe("our client and the official client, call for call", () => {
  it("the Worker's consolidation exercised every call shape and error class", () => {
    const ops = exchanges.map((e) => e.op);
    expect(new Set(ops)).toEqual(
      new Set(["getSpreadsheet", "getSpreadsheetValues", "batchGetValues", "batchUpdate"]),
    );
    // Both field masks the Worker uses (province: default; a unit too big to read whole).
    const masks = new Set(
      exchanges
        .filter((e) => e.op === "getSpreadsheet")
        .map((e) => e.requests[0]?.url.searchParams.get("fields")),
    );
    expect(masks.size).toBe(2);
    const statuses = exchanges.map((e) =>
      e.outcome?.ok ? 200 : isSheetsApiError(e.outcome?.error) ? e.outcome.error.httpStatus : -1,
    );
    // 200 twice over: answers taken, and the one abandoned for its size.
    expect(new Set(statuses)).toEqual(new Set([200, 400, 403, 404]));
    expect(
      exchanges.some(
        (e) =>
          e.outcome?.ok === false && (e.outcome.error as { kind?: string }).kind === "too-large",
      ),
    ).toBe(true);
    const requestTypes = exchanges
      .filter((e) => e.op === "batchUpdate" && e.outcome?.ok)
      .flatMap((e) => (e.requests[0]?.body as { requests?: object[] } | undefined)?.requests ?? [])
      .map((r) => Object.keys(r)[0]);
    expect(new Set(requestTypes)).toEqual(
      new Set([
        "addSheet",
        "updateSheetProperties",
        "updateCells",
        "updateDimensionProperties",
        "repeatCell",
        "mergeCells",
        "unmergeCells",
        "setBasicFilter",
        "addProtectedRange",
        "addChart",
        "deleteEmbeddedObject",
      ]),
    );
    // NFD titles went on the wire as NFD, next to NFC ones.
    const ranges = exchanges.flatMap((e) =>
      e.requests.flatMap((r) => r.url.searchParams.getAll("ranges")),
    );
    expect(ranges.some((r) => r !== r.normalize("NFC"))).toBe(true);
    expect(ranges).toContain(`'Ghi chú của Huyện''s, 50/50!'`);
  });

  it("sends the same requests and sees the same answers, errors included", async () => {
    for (const [i, exchange] of exchanges.entries()) {
      // Retries are off, so every call of ours is exactly one request.
      expect(exchange.requests).toHaveLength(1);
      const ours = exchange.requests[0]!;
      const { official, wire, sent } = replays[i]!;
      const label = `${exchange.op} ${decodeURIComponent(ours.url.pathname)}${ours.url.search}`;
      expect(wire.map(shape), label).toEqual([shape(sent ?? ours)]);
      if (!official) throw new Error(`not replayed: ${label}`);

      const outcome = exchange.outcome!;
      const tooLarge = !outcome.ok && (outcome.error as { kind?: string }).kind === "too-large";
      if (tooLarge) {
        // Ours gave up on a 200 answer past its limit; Google's client read it all.
        expect(official.ok, label).toBe(true);
        continue;
      }
      if (official.ok) {
        expect(outcome, label).toMatchObject({ ok: true });
        const value = (outcome as { value: unknown }).value;
        expect(opaqueIds(value), label).toEqual(
          opaqueIds(expectedFromOfficial(exchange.op, official.data)),
        );
      } else {
        expect(outcome.ok, label).toBe(false);
        const error = (outcome as { error: unknown }).error;
        expect(isSheetsApiError(error), label).toBe(true);
        const google = official.error as { code: number; status: string; message: string };
        expect(
          {
            httpStatus: (error as { httpStatus: number }).httpStatus,
            code: (error as { code: number }).code,
            status: (error as { status: string }).status,
            message: (error as Error).message,
          },
          label,
        ).toEqual({
          httpStatus: official.status,
          code: google.code,
          status: google.status,
          message: google.message,
        });
      }
    }
  });

  it("leaves every spreadsheet and its twin in the same state", async () => {
    for (const id of [PROVINCE, UNIT, NFD_UNIT, DENIED]) {
      expect(await state(twin(id)), id).toEqual(await state(id));
    }
    // And the writes did land (the comparison is not between two untouched copies).
    const province = (await state(PROVINCE)) as {
      sheets: { title: string; charts?: unknown[] }[];
    };
    expect(province.sheets.map((s) => s.title)).toContain("Lỗi dữ liệu");
    // The second run replaced the first run's charts rather than piling them up.
    const added = exchanges
      .filter((e) => e.op === "batchUpdate" && e.outcome?.ok)
      .map(
        (e) =>
          ((e.requests[0]?.body as { requests?: object[] } | undefined)?.requests ?? []).filter(
            (r) => "addChart" in r,
          ).length,
      );
    expect(added).toHaveLength(2);
    expect(added[1]).toBe(added[0]);
    const charts = province.sheets.find((s) => s.title === CHARTS_TAB)?.charts ?? [];
    expect(charts).toHaveLength(added[1]!);
  });
});

describe("our Drive query and the official Drive client", () => {
  it("send the same files.list and list the same spreadsheets with the same times", async () => {
    const key = emu.serviceAccountKey!;
    const wire: URL[] = [];
    const ours = createDriveClient({
      baseUrl: emu.url,
      tokenProvider: createServiceAccountTokenProvider({
        keyJson: JSON.stringify(key),
        tokenUrl: key.token_uri,
      }),
      fetch: (input, init) => {
        wire.push(new URL(String(input)));
        return fetch(input, init);
      },
    });
    const listed = await ours.listModifiedSince("2000-01-01T00:00:00.000Z");
    if (!listed.ok) throw new Error(listed.reason);
    expect(wire).toHaveLength(1);
    const params = Object.fromEntries(wire[0]!.searchParams);
    const { data } = await officialDriveClient(emu.url, key).files.list(params);
    const official = new Map((data.files ?? []).map((f) => [f.id!, f.modifiedTime!]));
    expect(new Map(listed.files)).toEqual(official);
    // Every spreadsheet the account can see, and not the one never shared with it.
    expect(listed.files.has(PROVINCE)).toBe(true);
    expect(listed.files.has(DENIED)).toBe(false);
  });
});
