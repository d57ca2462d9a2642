/**
 * Benchmark: read a 200-unit province through the Worker's Sheets client against the
 * emulator, with the emulator enforcing the per-minute read quota, and print how many
 * requests a unit costs, the request rate achieved and how many 429s Google would have sent.
 *
 *   node --experimental-strip-types tools/bench/sheets-pacer.ts [--units 200]
 *     [--window-ms 6000] [--limit 60] [--latency-ms 20] [--concurrency 6] [--flaky 10]
 *     [--titles fetch|known]
 *
 * The quota is "limit per window": 60 per 60 000 ms is Google's; the default 60 per 6 000 ms
 * is the same minute scaled down ten times so the run takes seconds. `--flaky N` makes N
 * units answer 503 on their first call, to show retries staying inside the quota too.
 * `--titles fetch` (default) reads a unit as spreadsheets.get for the exact tab titles, then
 * one batchGet; `--titles known` skips the get, as if the titles were remembered from the
 * previous run (one request per unit).
 */
import { parseArgs } from "node:util";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { startEmulator } from "../../test/emulator/server.ts";
import { createServiceAccountTokenProvider } from "../../worker/auth/token-provider.ts";
import { a1Range, createSheetsClient } from "../../worker/sheets/client.ts";

const { values: args } = parseArgs({
  options: {
    units: { type: "string", default: "200" },
    "window-ms": { type: "string", default: "6000" },
    limit: { type: "string", default: "60" },
    "latency-ms": { type: "string", default: "20" },
    concurrency: { type: "string", default: "6" },
    flaky: { type: "string", default: "0" },
    titles: { type: "string", default: "fetch" },
  },
});
const units = Number(args.units);
const windowMs = Number(args["window-ms"]);
const limit = Number(args.limit);
const latencyMs = Number(args["latency-ms"]);
const concurrency = Number(args.concurrency);
const flaky = Number(args.flaky);
const knownTitles = args.titles === "known";

const TEMPLATE_TABS = ["Kiểm tra, giám sát", "Khen thưởng", "Đối thoại", "Tập huấn, hội nghị"];

function unitSeed(i: number) {
  const id = `bench-unit-${String(i + 1).padStart(3, "0")}`;
  return {
    spreadsheetId: id,
    properties: { title: `Đơn vị ${i + 1}`, locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
    sheets: [
      { title: "Hướng dẫn", values: [["Nhập số liệu vào các tab bên cạnh"]] },
      ...TEMPLATE_TABS.map((title, t) => ({
        // Some units typed their tab titles in decomposed form, as Windows keyboards do.
        title: i % 7 === 0 ? title.normalize("NFD") : title,
        values: [
          ["Ngày", "Nội dung"],
          ...Array.from({ length: 20 }, (_, r) => [46100 + r, `dòng ${t}-${r}`]),
        ],
      })),
    ],
    ...(i < flaky ? { emulator: { failFirst: 1, failStatus: 503 } } : {}),
  };
}

const emulator = await startEmulator({
  port: 0,
  latencyMs,
  spreadsheets: Array.from({ length: units }, (_, i) => unitSeed(i)),
});

try {
  // Our own account, so the emulator enforces exactly the quota this run is about.
  const pair = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const clientEmail = "bench@qcdc-bench.iam.gserviceaccount.com";
  const registered = await fetch(`${emulator.url}/__emulator/service-accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_email: clientEmail,
      public_key_pem: await exportSPKI(pair.publicKey),
      quota: { reads: limit, writes: limit, windowMs },
    }),
  });
  if (!registered.ok) throw new Error(`registering the bench account: ${registered.status}`);
  const keyJson = JSON.stringify({
    type: "service_account",
    project_id: "qcdc-bench",
    private_key_id: "bench",
    private_key: await exportPKCS8(pair.privateKey),
    client_email: clientEmail,
    token_uri: `${emulator.url}/token`,
  });

  const client = createSheetsClient({
    baseUrl: emulator.url,
    tokenProvider: createServiceAccountTokenProvider({
      keyJson,
      tokenUrl: `${emulator.url}/token`,
    }),
    concurrency,
    quota: { reads: { limit, windowMs }, writes: { limit, windowMs } },
  });

  // A unit read as consolidation does it: the tab titles (exact bytes, maybe NFD), then
  // every template tab in one batchGet.
  const readUnit = async (i: number) => {
    const id = unitSeed(i).spreadsheetId;
    const titles = knownTitles
      ? unitSeed(i)
          .sheets.slice(1)
          .map((s) => s.title)
      : (await client.getSpreadsheet(id, "sheets.properties(sheetId,title)")).sheets
          .map((s) => s.properties.title)
          .filter((t) => TEMPLATE_TABS.includes(t.normalize("NFC")));
    const values = await client.batchGetValues(
      id,
      titles.map((t) => a1Range(t)),
    );
    return values.valueRanges.reduce((rows, r) => rows + Math.max(0, r.values.length - 1), 0);
  };

  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: units }, (_, i) => readUnit(i)));
  const elapsedMs = performance.now() - started;

  const stats = (await (
    await fetch(`${emulator.url}/__emulator/stats?client_email=${encodeURIComponent(clientEmail)}`)
  ).json()) as { reads: number; writes: number; tokens: number; status429: number };
  const ok = outcomes.filter((o) => o.status === "fulfilled");
  const rows = ok.reduce((sum, o) => sum + (o as PromiseFulfilledResult<number>).value, 0);
  const failed = outcomes.length - ok.length;
  const perMinute = (stats.reads / elapsedMs) * 60_000;
  // The fastest any client could go without a 429: a sliding window lets `limit` requests
  // go at once, then `limit` more each time a window has passed.
  const fastestMs = Math.max(0, Math.ceil(stats.reads / limit) - 1) * windowMs;
  console.log(`units: ${units} (${ok.length} read, ${failed} failed), template rows read: ${rows}`);
  console.log(
    `quota: ${limit} reads per ${windowMs} ms; concurrency ${concurrency}; latency ${latencyMs} ms`,
  );
  console.log(
    `Sheets requests: ${stats.reads} reads, ${stats.writes} writes, ${stats.tokens} token(s)`,
  );
  console.log(`requests per unit read: ${(stats.reads / units).toFixed(2)}`);
  console.log(`elapsed: ${(elapsedMs / 1000).toFixed(1)} s`);
  console.log(
    `reads per minute achieved: ${perMinute.toFixed(0)} (quota ${((limit * 60_000) / windowMs).toFixed(0)}/min)`,
  );
  console.log(
    `fastest possible without a 429 at this quota: ${(fastestMs / 1000).toFixed(1)} s (achieved ${((fastestMs / elapsedMs) * 100).toFixed(0)}% of that speed)`,
  );
  // At the real quota the same reads take reads / 60 minutes, pacing being at quota speed.
  console.log(`at Google's 60 reads/min this province needs ${(stats.reads / 60).toFixed(1)} min`);
  console.log(`429s seen: ${stats.status429}`);
  if (failed > 0) {
    const first = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    console.log(`first failure: ${String(first.reason)}`);
  }
  process.exitCode = failed > 0 || stats.status429 > 0 ? 1 : 0;
} finally {
  await emulator.close();
}
