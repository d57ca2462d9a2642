/**
 * The one Drive API v3 call the Worker makes: which spreadsheets the service account can
 * see changed since an instant (`files.list` on `modifiedTime`), so a run reads only those.
 * Drive's quota is its own, far above Sheets' 60 reads a minute. Failures are values: the
 * caller then reads every unit, so a Drive outage never hides an edit.
 */
import { z } from "zod";
import type { AccessTokenProvider } from "../auth/token-provider.ts";
import { DEFAULT_SHEETS_API_BASE } from "../sheets/client.ts";

export const DRIVE_API_BASE = "https://www.googleapis.com";
const SPREADSHEET_MIME_TYPE = "application/vnd.google-apps.spreadsheet";
/** Drive's largest page. */
const PAGE_SIZE = 1000;
/** Pages one listing may take (10,000 files): past that, reading everything is cheaper
 * to reason about than a listing of unknown length. */
const MAX_PAGES = 10;
const REQUEST_TIMEOUT_MS = 20_000;

export type ChangedFiles =
  /** Every spreadsheet modified after the instant, by id, with its modifiedTime. */
  | { readonly ok: true; readonly files: ReadonlyMap<string, string>; readonly calls: number }
  | { readonly ok: false; readonly reason: string; readonly calls: number };

export interface DriveClient {
  /** Spreadsheets modified strictly after `sinceIso` (RFC 3339, UTC). Never rejects. */
  listModifiedSince(sinceIso: string, signal?: AbortSignal): Promise<ChangedFiles>;
}

export interface DriveClientOptions {
  /** Drive's base URL; the emulator serves Drive and Sheets at one base. */
  readonly baseUrl: string;
  /** Must grant a Drive scope (`drive.metadata.readonly` is enough). */
  readonly tokenProvider: AccessTokenProvider;
  readonly fetch?: typeof fetch;
}

/** Google serves Drive at www.googleapis.com, not at the Sheets host; any other base (the
 * emulator, a proxy) serves both. */
export function driveBaseFor(sheetsBase: string): string {
  const trimmed = sheetsBase.replace(/\/+$/, "");
  return trimmed === DEFAULT_SHEETS_API_BASE ? DRIVE_API_BASE : trimmed;
}

const listSchema = z.object({
  nextPageToken: z.string().optional(),
  incompleteSearch: z.boolean().optional(),
  files: z.array(z.object({ id: z.string(), modifiedTime: z.string() })).default([]),
});

export function createDriveClient(options: DriveClientOptions): DriveClient {
  // Workers forbid calling fetch detached from globalThis ("Illegal invocation").
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, "");

  return {
    async listModifiedSince(sinceIso, signal) {
      const files = new Map<string, string>();
      let pageToken: string | undefined;
      let calls = 0;
      try {
        for (let page = 0; page < MAX_PAGES; page++) {
          const url = new URL(`${base}/drive/v3/files`);
          url.searchParams.set(
            "q",
            `mimeType = '${SPREADSHEET_MIME_TYPE}' and modifiedTime > '${sinceIso}'`,
          );
          url.searchParams.set("fields", "nextPageToken,incompleteSearch,files(id,modifiedTime)");
          url.searchParams.set("pageSize", String(PAGE_SIZE));
          // Unit spreadsheets may live in shared drives.
          url.searchParams.set("includeItemsFromAllDrives", "true");
          url.searchParams.set("supportsAllDrives", "true");
          if (pageToken) url.searchParams.set("pageToken", pageToken);
          const token = await options.tokenProvider.getAccessToken();
          calls++;
          const response = await doFetch(url.toString(), {
            headers: { authorization: `Bearer ${token}` },
            signal: signal
              ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
              : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          if (!response.ok) {
            const text = await response.text();
            return { ok: false, reason: `Drive ${response.status}: ${text.slice(0, 300)}`, calls };
          }
          const body = listSchema.parse(await response.json());
          // An incomplete search may leave out a changed file: not good enough to skip on.
          if (body.incompleteSearch) return { ok: false, reason: "Drive: incompleteSearch", calls };
          for (const f of body.files) files.set(f.id, f.modifiedTime);
          pageToken = body.nextPageToken;
          if (!pageToken) return { ok: true, files, calls };
        }
        return { ok: false, reason: `Drive: more than ${MAX_PAGES} pages changed`, calls };
      } catch (error) {
        return { ok: false, reason: `Drive: ${String(error)}`, calls };
      }
    },
  };
}
