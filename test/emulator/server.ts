// The emulator's HTTP server on 127.0.0.1: Google's surface (Sheets `/v4/...`, Drive
// `/drive/v3/files`, `POST /token`) and the control API (`/__emulator/...`). See README.md
// beside this file for the contract other code relies on.

import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { AccountOptions } from "./accounts.ts";
import { AccountRegistry } from "./accounts.ts";
import { handleControl } from "./control-api.ts";
import { dumpCsv } from "./csv-dump.ts";
import { loadDataDir, seedToState } from "./data-dir.ts";
import { handleDriveCall } from "./drive-api.ts";
import type { QuotaLimits } from "./quota.ts";
import { QuotaTracker } from "./quota.ts";
import { parseSeed } from "./seed-format.ts";
import type { ServiceAccountKey } from "./service-account-key.ts";
import { generateServiceAccountKey, publicKeyPem } from "./service-account-key.ts";
import { handleSheetsCall } from "./sheets-api.ts";
import { Stats } from "./stats.ts";
import { Store } from "./store.ts";
import { exchangeToken, GOOGLE_TOKEN_URL, parseTokenBody } from "./token-endpoint.ts";

export { dumpCsv } from "./csv-dump.ts";
export type { ServiceAccountKey } from "./service-account-key.ts";
export { Store } from "./store.ts";

/** A trusted account: a Google JSON key (its private key gives the public one) or a public key. */
export type TrustedAccount =
  | (Partial<ServiceAccountKey> & {
      client_email: string;
      private_key: string;
      quota?: Partial<QuotaLimits>;
      tokenLifetimeSeconds?: number;
    })
  | AccountOptions;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir?: string;
  /** Seeds in the data-dir JSON format; an id comes from `spreadsheetId`. */
  spreadsheets?: unknown[];
  serviceAccounts?: TrustedAccount[];
  /** Quota and token lifetime of the generated account (when no serviceAccounts are given). */
  quota?: Partial<QuotaLimits>;
  tokenLifetimeSeconds?: number;
  /** Delay added to every Google call (Sheets and token). */
  latencyMs?: number;
  /** The folder `POST /__emulator/dump` writes under; without it that endpoint is refused. */
  dumpDir?: string;
}

export interface Emulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The generated key (Google JSON format, token_uri = `${url}/token`), when one was generated. */
  serviceAccountKey: ServiceAccountKey | undefined;
  store: Store;
  dumpCsv(dir: string): Promise<string[]>;
}

const MAX_BODY = 64 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  pretty: boolean,
) {
  const text = body === undefined ? "" : `${JSON.stringify(body, null, pretty ? 2 : undefined)}\n`;
  res.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const store = new Store();
  const accounts = new AccountRegistry();
  const quota = new QuotaTracker();
  const stats = new Stats();
  const latencyMs = opts.latencyMs ?? 0;
  if (opts.dataDir) for (const s of await loadDataDir(opts.dataDir)) store.put(s);
  (opts.spreadsheets ?? []).forEach((raw, i) => {
    const seed = parseSeed(raw, `spreadsheets[${i}]`);
    if (!seed.spreadsheetId) throw new Error(`spreadsheets[${i}]: spreadsheetId is required`);
    store.put(seedToState(seed, seed.spreadsheetId, `spreadsheets[${i}]`));
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error("emulator: request failed", e);
      if (!res.headersSent)
        send(
          res,
          500,
          { error: { code: 500, message: "Internal error encountered.", status: "INTERNAL" } },
          {},
          true,
        );
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q < 0 ? "" : rawUrl.slice(q + 1));
    const bodyText = await readBody(req);
    const pretty = query.get("prettyPrint") !== "false";
    const at = Date.now();
    if (rawPath.startsWith("/__emulator/") || rawPath === "/__emulator") {
      const r = await handleControl(
        method,
        rawPath,
        query,
        bodyText,
        {
          store,
          accounts,
          quota,
          stats,
          dumpDir: opts.dumpDir,
          port,
        },
        req.headers,
      );
      send(res, r.status, r.body, {}, true);
      return;
    }
    if (rawPath === "/token" && method === "POST") {
      const host = req.headers.host ?? `127.0.0.1:${port}`;
      const audiences = [
        `http://${host}/token`,
        `${url}/token`,
        `http://localhost:${port}/token`,
        GOOGLE_TOKEN_URL,
        "https://www.googleapis.com/oauth2/v4/token",
      ];
      const r = await exchangeToken(
        parseTokenBody(bodyText, req.headers["content-type"]),
        accounts,
        audiences,
        Date.now(),
      );
      stats.record({
        at,
        method,
        path: rawPath,
        spreadsheetId: null,
        kind: "token",
        status: r.status,
        clientEmail: r.email ?? null,
        requestBytes: Buffer.byteLength(bodyText),
      });
      if (latencyMs) await sleep(latencyMs);
      send(
        res,
        r.status,
        r.body,
        { "cache-control": "no-cache, no-store, max-age=0, must-revalidate" },
        true,
      );
      return;
    }
    const call = { method, rawPath, query, authorization: req.headers.authorization, bodyText };
    const out = rawPath.startsWith("/drive/")
      ? handleDriveCall(call, { store, accounts, now: Date.now })
      : handleSheetsCall(call, { store, accounts, quota, now: Date.now });
    stats.record({
      at,
      method,
      path: rawPath,
      spreadsheetId: out.spreadsheetId,
      kind: out.kind,
      status: out.status,
      clientEmail: out.clientEmail,
      requestBytes: Buffer.byteLength(bodyText),
    });
    const delay = latencyMs + out.extraLatencyMs;
    if (delay) await sleep(delay);
    send(res, out.status, out.body, out.headers, pretty);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  let serviceAccountKey: ServiceAccountKey | undefined;
  if (!opts.serviceAccounts?.length) {
    serviceAccountKey = generateServiceAccountKey(`${url}/token`);
    await accounts.trust({
      client_email: serviceAccountKey.client_email,
      public_key_pem: publicKeyPem(serviceAccountKey.private_key),
      quota: opts.quota,
      tokenLifetimeSeconds: opts.tokenLifetimeSeconds,
    });
  }
  for (const a of opts.serviceAccounts ?? []) {
    const pem =
      "public_key_pem" in a && a.public_key_pem
        ? a.public_key_pem
        : publicKeyPem((a as { private_key: string }).private_key);
    await accounts.trust({
      client_email: a.client_email,
      public_key_pem: pem,
      quota: a.quota,
      tokenLifetimeSeconds: a.tokenLifetimeSeconds,
    });
  }

  return {
    url,
    port,
    serviceAccountKey,
    store,
    dumpCsv: (dir) => dumpCsv(store, dir),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
