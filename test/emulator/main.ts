// `npm run emulator -- --data DIR --port N [--service-account FILE] [--latency-ms N] [--dump-dir DIR]`
// The emulator alone, in the foreground, until Ctrl-C.

import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { TrustedAccount } from "./server.ts";
import { startEmulator } from "./server.ts";

const USAGE = `usage: npm run emulator -- [--data DIR] [--port N] [--service-account FILE] [--latency-ms N]
  --data DIR              seed from every *.json file in DIR (one spreadsheet each)
  --port N                port on 127.0.0.1 (default 8790; 0 picks a free one)
  --service-account FILE  trust this Google JSON key; without it a key is generated
  --latency-ms N          delay every Google call by N ms
  --reads N --writes N    quota per minute for the account (default 60 each)
  --dump-dir DIR          let POST /__emulator/dump write CSV files under DIR (refused without)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      port: { type: "string", default: "8790" },
      "service-account": { type: "string" },
      "latency-ms": { type: "string", default: "0" },
      reads: { type: "string" },
      writes: { type: "string" },
      "dump-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
    return n;
  };
  const quota = { reads: num("reads", values.reads), writes: num("writes", values.writes) };
  const cleanQuota = Object.fromEntries(Object.entries(quota).filter(([, v]) => v !== undefined));
  let serviceAccounts: TrustedAccount[] | undefined;
  if (values["service-account"]) {
    const key = JSON.parse(await readFile(values["service-account"], "utf8")) as {
      client_email?: string;
      private_key?: string;
    };
    if (!key.client_email || !key.private_key)
      throw new Error(
        `${values["service-account"]}: not a service-account key (needs client_email and private_key)`,
      );
    serviceAccounts = [
      { client_email: key.client_email, private_key: key.private_key, quota: cleanQuota },
    ];
  }
  const emulator = await startEmulator({
    port: num("port", values.port),
    dataDir: values.data,
    serviceAccounts,
    quota: cleanQuota,
    latencyMs: num("latency-ms", values["latency-ms"]),
    ...(values["dump-dir"] ? { dumpDir: values["dump-dir"] } : {}),
  });
  console.log(`Sheets and Drive API emulator listening on ${emulator.url}`);
  console.log(`  SHEETS_API_BASE=${emulator.url}`);
  console.log(`  TOKEN_URL=${emulator.url}/token`);
  console.log(`  Drive API v3: ${emulator.url}/drive/v3/files`);
  console.log(`  control API: ${emulator.url}/__emulator/spreadsheets`);
  console.log(`  spreadsheets: ${emulator.store.ids().join(", ") || "(none)"}`);
  if (emulator.serviceAccountKey) {
    const file = join(tmpdir(), `qcdc-emulator-key-${emulator.port}.json`);
    await writeFile(file, JSON.stringify(emulator.serviceAccountKey, null, 2), { mode: 0o600 });
    console.log(`  service-account key (generated): ${file}`);
  }
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`emulator: ${(e as Error).message}`);
  console.error(USAGE);
  process.exit(1);
});
