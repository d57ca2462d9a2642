// The test-only control API under `/__emulator/` (not part of Google's surface): seed and read
// spreadsheets, trust more service accounts, read and reset call statistics.

import type { AccountRegistry } from "./accounts.ts";
import { dumpCsv } from "./csv-dump.ts";
import { seedToState } from "./data-dir.ts";
import type { QuotaTracker } from "./quota.ts";
import { parseSeed } from "./seed-format.ts";
import { stateToSeed } from "./seed-state.ts";
import type { Stats } from "./stats.ts";
import type { Store } from "./store.ts";

export interface ControlDeps {
  store: Store;
  accounts: AccountRegistry;
  quota: QuotaTracker;
  stats: Stats;
}

export interface ControlResult {
  status: number;
  body: unknown;
}

const bad = (message: string, status = 400): ControlResult => ({
  status,
  body: { error: message },
});

function json(text: string): unknown {
  return text.trim() === "" ? {} : JSON.parse(text);
}

export async function handleControl(
  method: string,
  path: string,
  query: URLSearchParams,
  bodyText: string,
  deps: ControlDeps,
): Promise<ControlResult> {
  let body: unknown;
  try {
    body = method === "GET" || method === "DELETE" ? undefined : json(bodyText);
  } catch (e) {
    return bad(`body is not JSON: ${(e as Error).message}`);
  }
  const sheetMatch = /^\/__emulator\/spreadsheets\/([^/]+)$/.exec(path);
  if (sheetMatch) {
    const id = decodeURIComponent(sheetMatch[1] as string);
    if (method === "PUT") {
      try {
        const seed = parseSeed(body, `PUT ${path}`);
        if (seed.spreadsheetId !== undefined && seed.spreadsheetId !== id) {
          return bad(
            `spreadsheetId "${seed.spreadsheetId}" in the body differs from "${id}" in the path`,
          );
        }
        const state = seedToState(seed, id, `PUT ${path}`);
        const existed = deps.store.get(id) !== undefined;
        deps.store.put(state);
        return { status: existed ? 200 : 201, body: stateToSeed(state) };
      } catch (e) {
        return bad((e as Error).message);
      }
    }
    const ss = deps.store.get(id);
    if (method === "GET")
      return ss ? { status: 200, body: stateToSeed(ss) } : bad(`no spreadsheet "${id}"`, 404);
    if (method === "DELETE")
      return deps.store.delete(id)
        ? { status: 204, body: undefined }
        : bad(`no spreadsheet "${id}"`, 404);
    return bad("method not allowed", 405);
  }
  if (path === "/__emulator/spreadsheets" && method === "GET") {
    return { status: 200, body: { spreadsheetIds: deps.store.ids() } };
  }
  if (path === "/__emulator/service-accounts" && method === "POST") {
    const o = (body ?? {}) as Record<string, unknown>;
    try {
      const account = await deps.accounts.trust({
        client_email: String(o.client_email ?? ""),
        public_key_pem: String(o.public_key_pem ?? ""),
        quota: o.quota as Record<string, number> | undefined,
        tokenLifetimeSeconds: o.tokenLifetimeSeconds as number | undefined,
      });
      deps.quota.reset(account.email);
      return {
        status: 201,
        body: {
          client_email: account.email,
          quota: account.quota,
          tokenLifetimeSeconds: account.tokenLifetimeSeconds,
        },
      };
    } catch (e) {
      return bad((e as Error).message);
    }
  }
  const email = query.get("client_email") ?? undefined;
  if (path === "/__emulator/stats" && method === "GET")
    return { status: 200, body: deps.stats.summary(email) };
  if (path === "/__emulator/stats/reset" && method === "POST") {
    deps.stats.reset(email);
    return { status: 200, body: {} };
  }
  if (path === "/__emulator/quota/reset" && method === "POST") {
    deps.quota.reset(email);
    return { status: 200, body: {} };
  }
  if (path === "/__emulator/dump" && method === "POST") {
    const dir = (body as { dir?: unknown } | undefined)?.dir;
    if (typeof dir !== "string" || dir === "") return bad("body must be { dir: string }");
    return { status: 200, body: { files: await dumpCsv(deps.store, dir) } };
  }
  return bad(`no control endpoint ${method} ${path}`, 404);
}
