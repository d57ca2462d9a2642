/**
 * The real Worker (workerd) against the emulator over a benchmark province, quota scaled:
 * runs fired as the cron fires them and measured by what the emulator saw, and unit edits
 * made the way a unit's staff make them, through the Sheets API with an account of their
 * own (whose calls are not the Worker's and are not counted).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { officialSheetsClient } from "../../test/emulator/official-client.ts";
import type { Seed } from "../../test/emulator/seed-format.ts";
import { startEmulator } from "../../test/emulator/server.ts";
import {
  generateServiceAccountKey,
  publicKeyPem,
} from "../../test/emulator/service-account-key.ts";
import { isForcedMessage, isResumingMessage } from "../../worker/consolidation/cycle-messages.ts";
import { type LocalWorker, startLocalWorker } from "../local-run/start-worker.ts";
import { buildProvince, type ProvinceOptions } from "./province.ts";

/** Google's per-minute quota, reads and writes alike, per service account. */
export const QUOTA_PER_WINDOW = 60;

/** A run's read deadline in production (DEFAULT_DEADLINE_MS in run-read.ts), scaled with the window. */
const RUN_DEADLINE_MS = 12 * 60_000;
/** A cycle is bounded by the Worker (MAX_CYCLE_RUNS = 16); this only stops a broken bench. */
const MAX_SYNC_RUNS = 30;

export interface SessionOptions extends ProvinceOptions {
  /** Google's 60 000 ms quota window, scaled down (Worker and emulator alike). */
  readonly windowMs: number;
  readonly latencyMs: number;
}

/** One run as issue 14's `runs` entries give it. */
export interface RunFigures {
  readonly units: number;
  readonly changed: number;
  readonly googleCalls: number;
  readonly writes: number;
  readonly status429: number;
  readonly wallS: number;
  readonly quotaBoundS: number;
}

export interface RunDetail {
  readonly figures: RunFigures;
  readonly status: string;
  readonly reads: number;
  readonly drive: number;
  readonly tokens: number;
  readonly writeKiB: number;
}

interface Stats {
  reads: number;
  writes: number;
  drive: number;
  tokens: number;
  status429: number;
  requests: { kind: string; requestBytes?: number }[];
}

interface LatestRun {
  run?: { id?: unknown; status: string; message?: string | null } | null;
}

/**
 * A read cycle taken to its end: the cron fired again after each run that stopped at its
 * (scaled) deadline, as the 5-minute cron does, until a run writes the sheet.
 */
export interface SyncDetail extends RunDetail {
  /** Runs the cycle took (1: done in one run). */
  readonly invocations: number;
  /** Every run's wall time added up: the time the quota was in use. */
  readonly readingS: number;
  /** The least that time can be for `units` reads at 60 a window: units ÷ 60 reads/min. */
  readonly unitBoundS: number;
  /** True when the last run wrote the sheet with every unit in (not cut by MAX_SYNC_RUNS). */
  readonly completed: boolean;
}

const GOOGLE_KINDS = new Set(["read", "write", "drive", "token"]);
const repoRoot = resolve(import.meta.dirname, "../..");

/** The least time `reads` can take: the first window's worth at once, then one per window. */
export function quotaBoundSeconds(reads: number, windowMs: number): number {
  return (Math.max(0, Math.ceil(reads / QUOTA_PER_WINDOW) - 1) * windowMs) / 1000;
}

export interface BenchSession {
  readonly units: number;
  readonly worker: LocalWorker;
  /** Fires the cron once and waits (bounded by `timeoutMs`) for the run to end. */
  run(changed: number, timeoutMs?: number): Promise<RunDetail>;
  /** Fires the cron until the read cycle is complete (a first sync of a large province
   * takes several runs); Google calls and wall time summed over the runs. */
  sync(changed: number, timeoutMs?: number): Promise<SyncDetail>;
  /** Edits one figure in each of `count` healthy units, through the Sheets API. */
  editUnits(count: number): Promise<void>;
  /** As if `ms` passed since the last edits: the Drive `modifiedTime` of every spreadsheet
   * edited so far (the units, and the province by the Worker's writes) moved `ms` back. */
  letTimePass(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchSession(options: SessionOptions): Promise<BenchSession> {
  const { units, windowMs, latencyMs } = options;
  const dir = await mkdtemp(join(tmpdir(), "qcdc-bench-"));
  const province = await buildProvince(dir, options);
  const emulator = await startEmulator({
    dataDir: dir,
    latencyMs,
    quota: { reads: QUOTA_PER_WINDOW, writes: QUOTA_PER_WINDOW, windowMs },
  });
  const workerKey = emulator.serviceAccountKey;
  if (!workerKey) throw new Error("the emulator generated no service account key");
  const email = encodeURIComponent(workerKey.client_email);
  const control = (path: string, method = "GET", body?: unknown) =>
    fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const editorKey = generateServiceAccountKey(`${emulator.url}/token`, "qcdc-bench-editor");
  const trusted = await control("service-accounts", "POST", {
    client_email: editorKey.client_email,
    public_key_pem: publicKeyPem(editorKey.private_key),
  });
  if (!trusted.ok) throw new Error(`trusting the editor account: ${await trusted.text()}`);
  const editor = officialSheetsClient(emulator.url, editorKey);
  let worker: LocalWorker;
  try {
    worker = await startLocalWorker({
      repoRoot,
      provinceId: province.provinceId,
      emulatorUrl: emulator.url,
      serviceAccountJson: JSON.stringify(workerKey),
      apiToken: randomBytes(16).toString("hex"),
      vars: {
        SHEETS_READS_PER_MINUTE: `${QUOTA_PER_WINDOW}/${windowMs}`,
        SHEETS_WRITES_PER_MINUTE: `${QUOTA_PER_WINDOW}/${windowMs}`,
        // Scaled like the quota, so a province too large for one run's quota is read over
        // several runs here as it is at Google's real quota.
        RUN_DEADLINE_MS: String(Math.round((RUN_DEADLINE_MS * windowMs) / 60_000)),
      },
    });
  } catch (e) {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const latest = async (): Promise<LatestRun["run"]> => {
    const res = await worker.api("/api/runs/latest");
    return res.ok ? ((await res.json()) as LatestRun).run : null;
  };
  let edits = 0;
  const edited = new Set<string>();
  let lastMessage: string | null = null;

  const session: BenchSession = {
    units,
    worker,
    async sync(changed, timeoutMs = 60 * 60_000) {
      const started = performance.now();
      const runs: RunDetail[] = [];
      // Bounded by MAX_SYNC_RUNS (the Worker's own bound is lower) and by `timeoutMs`.
      while (runs.length < MAX_SYNC_RUNS && performance.now() - started < timeoutMs) {
        runs.push(await session.run(changed, timeoutMs));
        if ((runs.at(-1) as RunDetail).status !== "succeeded") break;
        if (!isResumingMessage(lastMessage)) break;
      }
      const sum = (f: (r: RunDetail) => number) => runs.reduce((n, r) => n + f(r), 0);
      const last = runs.at(-1) as RunDetail;
      const readingS = Math.round(sum((r) => r.figures.wallS) * 10) / 10;
      return {
        figures: {
          units,
          changed,
          googleCalls: sum((r) => r.figures.googleCalls),
          writes: sum((r) => r.figures.writes),
          status429: sum((r) => r.figures.status429),
          wallS: readingS,
          quotaBoundS: quotaBoundSeconds(
            sum((r) => r.reads),
            windowMs,
          ),
        },
        status: last.status,
        reads: sum((r) => r.reads),
        drive: sum((r) => r.drive),
        tokens: sum((r) => r.tokens),
        writeKiB: sum((r) => r.writeKiB),
        invocations: runs.length,
        readingS,
        unitBoundS: (units / QUOTA_PER_WINDOW) * (windowMs / 1000),
        // Written with every unit read: not still resuming, nor cut by the cycle's bound.
        completed:
          last.status === "succeeded" &&
          !isResumingMessage(lastMessage) &&
          !isForcedMessage(lastMessage),
      };
    },
    async run(changed, timeoutMs = 30 * 60_000) {
      // The previous run's window is over, as it is for the next cron.
      await control(`quota/reset?client_email=${email}`, "POST", {});
      await control(`stats/reset?client_email=${email}`, "POST", {});
      const before = await latest();
      const started = performance.now();
      await worker.fireScheduled();
      let status = "unknown";
      while (performance.now() - started < timeoutMs) {
        const run = await latest();
        if (run && run.id !== before?.id && run.status !== "running") {
          status = run.status;
          lastMessage = run.message ?? null;
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const wallS = (performance.now() - started) / 1000;
      const s = (await (await control(`stats?client_email=${email}`)).json()) as Stats;
      const writeBytes = s.requests
        .filter((r) => r.kind === "write")
        .reduce((n, r) => n + (r.requestBytes ?? 0), 0);
      return {
        figures: {
          units,
          changed,
          googleCalls: s.requests.filter((r) => GOOGLE_KINDS.has(r.kind)).length,
          writes: s.writes,
          status429: s.status429,
          wallS: Math.round(wallS * 10) / 10,
          quotaBoundS: quotaBoundSeconds(s.reads, windowMs),
        },
        status,
        reads: s.reads,
        drive: s.drive,
        tokens: s.tokens,
        writeKiB: Math.round(writeBytes / 1024),
      };
    },
    async editUnits(count) {
      let left = count;
      // Bounded by the province: units without an inspection row are passed over.
      for (const spreadsheetId of province.healthyUnitIds) {
        if (left === 0) break;
        const title = "Kiểm tra, giám sát";
        // A unit without the tab (the example province has one) is passed over too.
        const got = await editor.spreadsheets.values
          .get({ spreadsheetId, range: `'${title}'` })
          .catch(() => null);
        const values = (got?.data.values ?? []) as unknown[][];
        // A figure a unit would correct: the recommendations of the first inspection, up by
        // one (it stays at least the number remedied, so the row stays valid).
        const header = values.findIndex((row) => row.includes("Số kiến nghị"));
        const column = header >= 0 ? (values[header] as unknown[]).indexOf("Số kiến nghị") : -1;
        const first = values[header + 1];
        if (header < 0 || !first) continue;
        const cell = `${String.fromCharCode(65 + column)}${header + 2}`;
        edits++;
        edited.add(spreadsheetId);
        await editor.spreadsheets.values.update({
          spreadsheetId,
          range: `'${title}'!${cell}`,
          valueInputOption: "RAW",
          requestBody: { values: [[(Number(first[column]) || 0) + edits]] },
        });
        left--;
      }
      if (left > 0) throw new Error(`only ${count - left} of ${count} units could be edited`);
    },
    async letTimePass(ms) {
      const modifiedTime = new Date(Date.now() - ms).toISOString();
      for (const id of [...edited, province.provinceId]) {
        const path = `spreadsheets/${encodeURIComponent(id)}`;
        const got = await control(path);
        if (!got.ok) throw new Error(`reading ${id} back: ${await got.text()}`);
        const { emulator: _faults, ...state } = (await got.json()) as Seed;
        const put = await control(path, "PUT", {
          ...state,
          spreadsheetId: id,
          drive: { ...state.drive, modifiedTime },
        });
        if (!put.ok) throw new Error(`ageing ${id}: ${await put.text()}`);
      }
    },
    async close() {
      await worker.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return session;
}

/** One line on a read cycle: its runs, the time the quota was in use against the least
 * the units allow (units ÷ 60 reads a minute), both also at Google's real minute. */
export function describeSync(sync: SyncDetail, windowMs: number): string {
  const realMin = (s: number) => ((s * 60_000) / windowMs / 60).toFixed(1);
  const ratio = sync.unitBoundS > 0 ? (sync.readingS / sync.unitBoundS).toFixed(2) : "n/a";
  return `${sync.figures.units} units, ${sync.completed ? "completed" : "NOT completed"} in ${sync.invocations} run(s): reading ${sync.readingS} s (${realMin(sync.readingS)} min at Google's quota) against the bound ${sync.unitBoundS} s (${sync.figures.units} units ÷ ${QUOTA_PER_WINDOW} reads/min = ${realMin(sync.unitBoundS)} min): ${ratio}× the bound; ${sync.reads} reads, ${sync.figures.googleCalls} Google calls, ${sync.figures.writes} write(s), ${sync.figures.status429} 429s`;
}
