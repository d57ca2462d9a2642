/**
 * `npm start`: one consolidation end to end on the bundled example province (or --data),
 * with the Sheets emulator standing in for Google and the real Worker in workerd.
 * The contract (options, data directory, outputs) is docs/local-run.md.
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePeriodId } from "../../shared/periods.ts";
import { startEmulator } from "../../test/emulator/server.ts";
import { isResumingMessage } from "../../worker/consolidation/cycle-messages.ts";
import { writePreview } from "../preview/write-preview.ts";
import { parseLocalRunArgs, USAGE, UsageError } from "./args.ts";
import { summarizeDataDir } from "./find-province.ts";
import { progressLine, totalsTable, type UnitProgressLine } from "./print.ts";
import { reportTable } from "./report-table.ts";
import { startLocalWorker } from "./start-worker.ts";
import { submissionsTable } from "./submissions-table.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// Bounded wait for the run: a large province at 60 reads a minute takes a few minutes.
const RUN_TIMEOUT_MS = 15 * 60_000;

async function main(): Promise<number> {
  let args: ReturnType<typeof parseLocalRunArgs>;
  try {
    args = parseLocalRunArgs(process.argv.slice(2), repoRoot);
  } catch (error) {
    const message = error instanceof UsageError ? "" : `${(error as Error).message}\n\n`;
    console.error(`${message}${USAGE}`);
    return error instanceof UsageError && error.message === "" ? 0 : 2;
  }
  if (args.period !== null && parsePeriodId(args.period) === null) {
    console.error(
      `--period ${args.period}: not a period id (2026, 2026-Q1…Q4, 2026-H1, 2026-H2, 2026-9M)`,
    );
    return 2;
  }
  const data = await summarizeDataDir(resolve(args.dataDir));
  const emulator = await startEmulator({ port: 0, dataDir: resolve(args.dataDir) });
  const apiToken = randomBytes(24).toString("base64url");
  let worker: Awaited<ReturnType<typeof startLocalWorker>> | undefined;
  try {
    console.log(
      `Emulator Google Sheets: ${emulator.url} (tỉnh: ${data.provinceId}, ${data.spreadsheetIds.length} bảng tính)`,
    );
    worker = await startLocalWorker({
      repoRoot,
      provinceId: data.provinceId,
      emulatorUrl: emulator.url,
      // A throwaway key pair the emulator generated and trusts; nothing leaves this machine.
      serviceAccountJson: JSON.stringify(emulator.serviceAccountKey),
      apiToken,
    });
    console.log(`Worker (workerd): ${worker.url}`);
    console.log("Chạy tổng hợp (scheduled)…");
    let run = await runOnce(worker);
    // A province too large for one run is read over several (each stops at its deadline):
    // fire again as the cron would. Bounded: the Worker writes by the cycle's 16th run
    // (MAX_CYCLE_RUNS in read-cycle.ts).
    for (let again = 1; again < 20 && isResumingMessage(run.message); again++) {
      console.log(`${run.message}\nChạy tiếp (scheduled)…`);
      run = await runOnce(worker);
    }
    if (run.status !== "succeeded") {
      console.error(`Lượt tổng hợp ${run.status}: ${run.message ?? ""}`);
      return 1;
    }
    const query = args.period ? `?period=${encodeURIComponent(args.period)}` : "";
    const totalsResponse = await worker.api(`/api/totals${query}`);
    const totals = await totalsResponse.json();
    if (!totalsResponse.ok) {
      console.error(`GET /api/totals: ${JSON.stringify(totals)}`);
      return 1;
    }
    console.log(
      `\nTổng hợp kỳ ${totals.period.id} (${totals.period.rule}, ${totals.period.from} → ${totals.period.to}):\n`,
    );
    console.log(reportTable(totals));
    console.log("\nTheo đơn vị:\n");
    console.log(totalsTable(totals));
    console.log("\nTình hình nộp báo cáo:\n");
    console.log(submissionsTable(totals));
    const outDir = resolve(args.outDir);
    await mkdir(outDir, { recursive: true });
    // The emulator writes what Sheets' CSV export would: DIR/<spreadsheetId>/<tab>.csv.
    const files = (await emulator.dumpCsv(outDir)).length;
    await writeFile(join(outDir, "totals.json"), `${JSON.stringify(totals, null, 2)}\n`);
    // The provincial spreadsheet as the office would see it, charts included (docs/local-run.md).
    if (emulator.serviceAccountKey)
      await writePreview(
        emulator.url,
        emulator.serviceAccountKey,
        data.provinceId,
        join(outDir, "index.html"),
      );
    console.log(
      `\nĐã ghi ${files} tệp CSV, totals.json và index.html (bản xem trước) vào ${outDir}`,
    );
    if (args.serve) {
      console.log(`\nĐang phục vụ (Ctrl+C để dừng):
  Emulator: ${emulator.url}
  Worker:   ${worker.url}
  API_TOKEN=${apiToken}
  curl -H "Authorization: Bearer ${apiToken}" ${worker.url}/api/totals?period=2026-H1`);
      await new Promise<void>((done) => {
        process.once("SIGINT", () => done());
        process.once("SIGTERM", () => done());
      });
    }
    return 0;
  } finally {
    await worker?.close();
    await emulator.close();
  }
}

interface RunSummary {
  readonly status: string;
  readonly message: string | null;
}

/** Fires the cron handler, prints each unit as the Worker reports it, waits for the run. */
async function runOnce(worker: Awaited<ReturnType<typeof startLocalWorker>>): Promise<RunSummary> {
  let done = 0;
  const printProgress = () => {
    for (const message of worker.takeLogs()) {
      const progress = parseProgress(message);
      if (progress) console.log(progressLine(progress, ++done));
    }
  };
  const poller = setInterval(printProgress, 200);
  try {
    await worker.fireScheduled();
    return await worker.settledRun(RUN_TIMEOUT_MS);
  } finally {
    clearInterval(poller);
    printProgress();
  }
}

function parseProgress(message: string): UnitProgressLine | null {
  if (!message.startsWith('{"event":"unit"')) return null;
  try {
    return JSON.parse(message) as UnitProgressLine;
  } catch {
    return null;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
