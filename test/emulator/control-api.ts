// The test-only control API under `/__emulator/` (not part of Google's surface): seed and read
// spreadsheets, trust more service accounts, read and reset call statistics.

import { isAbsolute, relative, resolve } from "node:path";
import type { AccountRegistry } from "./accounts.ts";
import { dumpCsv } from "./csv-dump.ts";
import { seedToState } from "./data-dir.ts";
import { touch } from "./drive-metadata.ts";
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
  /** The only folder `POST /__emulator/dump` may write into; without it the dump is refused. */
  dumpDir?: string | undefined;
  /** The emulator's port: a control call must name this host, from no other origin. */
  port?: number | undefined;
}

/** Request headers as Node gives them (lower-case names). */
export type ControlHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * A header no web page can send cross-site without the browser asking first (a CORS
 * preflight, which the emulator never answers), so a visited page cannot make the emulator
 * write files.
 */
export const CONTROL_HEADER = "x-emulator-control";

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
  headers: ControlHeaders = {},
): Promise<ControlResult> {
  const forged = forgeryRefusal(method, bodyText, deps.port, headers);
  if (forged) return bad(forged, 403);
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
        const before = deps.store.get(id);
        const existed = before !== undefined;
        // Replacing a spreadsheet is a write to the same Drive file: its times move on.
        if (before && seed.drive?.modifiedTime === undefined) {
          state.drive = { ...before.drive, parents: state.drive.parents };
          touch(state.drive, Date.now());
        }
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
  if (path === "/__emulator/dump" && method === "POST") return dump(body, deps, headers);
  return bad(`no control endpoint ${method} ${path}`, 404);
}

const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/**
 * Why a control call looks like one a web page made, or undefined. A browser names the page
 * in `Origin` and the site in `Host` (a DNS-rebinding page too); a page cannot send a JSON
 * body cross-site without asking first. Tests and tools send none of these signs.
 */
function forgeryRefusal(
  method: string,
  bodyText: string,
  port: number | undefined,
  headers: ControlHeaders,
): string | undefined {
  const own = (host: string) =>
    port === undefined || LOOPBACK_HOSTS.some((h) => host === `${h}:${port}`);
  const host = header(headers, "host");
  if (host !== "" && !own(host)) return `control calls must be addressed to 127.0.0.1:${port}`;
  const origin = header(headers, "origin");
  if (origin !== "" && !own(origin.replace(/^https?:\/\//, "")))
    return "control calls are refused from a web page";
  const hasBody = method !== "GET" && method !== "DELETE" && bodyText.trim() !== "";
  if (hasBody && !/^application\/json\s*(;|$)/i.test(header(headers, "content-type")))
    return "a control call's body must be sent as Content-Type: application/json";
  return undefined;
}

function header(headers: ControlHeaders, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** Writes the CSV dump into a folder under `deps.dumpDir`, and only for a deliberate caller. */
async function dump(body: unknown, deps: ControlDeps, headers: ControlHeaders) {
  const json = /^application\/json\s*(;|$)/i.test(header(headers, "content-type"));
  if (!json || header(headers, CONTROL_HEADER) !== "1") {
    return bad(`the dump needs Content-Type: application/json and ${CONTROL_HEADER}: 1`, 403);
  }
  if (!deps.dumpDir) return bad("the emulator was started without a dump folder (--dump-dir)", 403);
  const dir = (body as { dir?: unknown } | undefined)?.dir;
  if (typeof dir !== "string" || dir === "") return bad("body must be { dir: string }");
  const root = resolve(deps.dumpDir);
  const target = resolve(root, dir);
  const inside = relative(root, target);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    return bad(`dir must be inside the dump folder ${root}`);
  }
  return { status: 200, body: { files: await dumpCsv(deps.store, target) } };
}
