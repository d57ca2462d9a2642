// Drive API v3 `files.list` and `files.get` for the spreadsheets the emulator holds, so the
// Worker can ask which unit spreadsheets changed since its last read. Same tokens as the
// Sheets endpoints; a Drive scope is needed (drive.metadata.readonly is enough, a Sheets
// scope is not). A spreadsheet not shared with the account (`deny`) does not exist for it:
// files.list leaves it out, files.get answers 404, as Drive does.

import type { AccountRegistry } from "./accounts.ts";
import { isDriveScope } from "./accounts.ts";
import { rfc3339, SPREADSHEET_MIME_TYPE } from "./drive-metadata.ts";
import { InvalidQuery, parseFileQuery } from "./drive-query.ts";
import type { MaskTree, Schema } from "./field-mask.ts";
import { applyMask, parseMask, validateMask } from "./field-mask.ts";
import { GoogleError, insufficientScopes, notFound } from "./google-error.ts";
import type { SheetsCall, SheetsOutcome } from "./sheets-api.ts";
import type { SpreadsheetState, Store } from "./store.ts";

export interface DriveDeps {
  store: Store;
  accounts: AccountRegistry;
  now: () => number;
}

/** Drive's own error shape: no `status`, the offending parameter named in `errors[]`. */
class DriveError extends Error {
  readonly headers: Record<string, string> = {};
  readonly code: number;
  readonly reason: string;
  readonly location: string;

  constructor(code: number, message: string, reason: string, location: string) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.location = location;
  }

  body() {
    const item = {
      message: this.message,
      domain: "global",
      reason: this.reason,
      location: this.location,
      locationType: "parameter",
    };
    return { error: { code: this.code, message: this.message, errors: [item] } };
  }
}

const invalidValue = (location: string, message = "Invalid Value") =>
  new DriveError(400, message, "invalid", location);

// Every field of Drive's File resource, so asking for a real one is never refused.
const FILE_FIELDS =
  "kind id name mimeType description starred trashed explicitlyTrashed parents properties appProperties spaces version webContentLink webViewLink iconLink hasThumbnail thumbnailLink thumbnailVersion viewedByMe viewedByMeTime createdTime modifiedTime modifiedByMeTime modifiedByMe sharedWithMeTime sharingUser owners driveId teamDriveId lastModifyingUser shared ownedByMe capabilities viewersCanCopyContent copyRequiresWriterPermission writersCanShare permissions permissionIds hasAugmentedPermissions folderColorRgb originalFilename fullFileExtension fileExtension md5Checksum sha1Checksum sha256Checksum size quotaBytesUsed headRevisionId contentHints imageMediaMetadata videoMediaMetadata isAppAuthorized exportLinks shortcutDetails contentRestrictions resourceKey linkShareMetadata labelInfo trashingUser trashedTime inheritedPermissionsDisabled downloadRestrictions";
const fileSchema: Schema = Object.fromEntries(FILE_FIELDS.split(" ").map((f) => [f, "any"]));
const listSchema: Schema = {
  kind: "leaf",
  nextPageToken: "leaf",
  incompleteSearch: "leaf",
  files: fileSchema,
};
// What Drive returns without `fields`.
const DEFAULT_FILE = "kind,id,name,mimeType";
const DEFAULT_LIST = `kind,nextPageToken,incompleteSearch,files(${DEFAULT_FILE})`;

function fieldMask(fields: string | null, fallback: string, schema: Schema): MaskTree {
  const tree = parseMask(fields === null || fields === "" ? fallback : fields);
  if (!(tree instanceof Map)) throw invalidValue("fields", `Invalid field selection ${fields}`);
  const bad = validateMask(tree, schema);
  if (bad)
    throw new DriveError(400, `Invalid field selection ${bad}`, "invalidParameter", "fields");
  return tree;
}

function fileJson(ss: SpreadsheetState): Record<string, unknown> {
  const d = ss.drive;
  const out: Record<string, unknown> = {
    kind: "drive#file",
    id: ss.spreadsheetId,
    name: ss.properties.title,
    mimeType: SPREADSHEET_MIME_TYPE,
    starred: false,
    trashed: false,
    explicitlyTrashed: false,
    version: String(d.version),
    webViewLink: `https://docs.google.com/spreadsheets/d/${ss.spreadsheetId}/edit?usp=drivesdk`,
    createdTime: rfc3339(d.createdTime),
    modifiedTime: rfc3339(d.modifiedTime),
  };
  if (d.parents.length) out.parents = [...d.parents];
  return out;
}

function visible(store: Store): SpreadsheetState[] {
  return store.ids().flatMap((id) => {
    const ss = store.get(id);
    return ss && !ss.faults.deny ? [ss] : [];
  });
}

const ORDER_KEYS = ["createdTime", "modifiedTime", "name"] as const;

function ordering(orderBy: string | null) {
  const keys = (orderBy ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => {
      const [name, dir, ...rest] = k.split(/\s+/);
      const key = ORDER_KEYS.find((o) => o === name);
      if (!key || rest.length || (dir !== undefined && dir !== "desc"))
        throw invalidValue("orderBy");
      return { key, desc: dir === "desc" };
    });
  return (a: SpreadsheetState, b: SpreadsheetState): number => {
    for (const { key, desc } of keys) {
      const va = key === "name" ? a.properties.title : a.drive[key];
      const vb = key === "name" ? b.properties.title : b.drive[key];
      if (va !== vb) return (va < vb ? -1 : 1) * (desc ? -1 : 1);
    }
    // A stable last key, so pages never repeat or skip a file that did not change.
    return a.spreadsheetId < b.spreadsheetId ? -1 : 1;
  };
}

interface PageToken {
  offset: number;
  /** The query the token belongs to: Drive refuses a token with other parameters. */
  query: string;
}

function readPageToken(token: string | null, query: string): number {
  if (token === null || token === "") return 0;
  try {
    const t = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as PageToken;
    if (t.query === query && Number.isInteger(t.offset) && t.offset >= 0) return t.offset;
  } catch {
    // falls through to Drive's answer for a token it did not issue
  }
  throw invalidValue("pageToken");
}

function filesList(store: Store, q: URLSearchParams): unknown {
  const rawSize = q.get("pageSize");
  const pageSize = rawSize === null ? 100 : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw invalidValue(
      "pageSize",
      `Invalid value '${rawSize}'. Values must be within the range: [1, 1000]`,
    );
  }
  const mask = fieldMask(q.get("fields"), DEFAULT_LIST, listSchema);
  let matches: ReturnType<typeof parseFileQuery>;
  try {
    matches = parseFileQuery(q.get("q") ?? "");
  } catch (e) {
    if (e instanceof InvalidQuery) throw invalidValue("q");
    throw e;
  }
  const key = JSON.stringify([q.get("q") ?? "", q.get("orderBy") ?? ""]);
  const offset = readPageToken(q.get("pageToken"), key);
  const all = visible(store)
    .filter((ss) =>
      matches({
        name: ss.properties.title,
        mimeType: SPREADSHEET_MIME_TYPE,
        modifiedTime: ss.drive.modifiedTime,
        createdTime: ss.drive.createdTime,
        parents: ss.drive.parents,
      }),
    )
    .sort(ordering(q.get("orderBy")));
  const page = all.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = { kind: "drive#fileList" };
  if (offset + pageSize < all.length) {
    const token: PageToken = { offset: offset + pageSize, query: key };
    body.nextPageToken = Buffer.from(JSON.stringify(token)).toString("base64url");
  }
  body.incompleteSearch = false;
  body.files = page.map(fileJson);
  return applyMask(body, mask);
}

function filesGet(store: Store, id: string, q: URLSearchParams): unknown {
  const mask = fieldMask(q.get("fields"), DEFAULT_FILE, fileSchema);
  const ss = store.get(id);
  if (!ss || ss.faults.deny)
    throw new DriveError(404, `File not found: ${id}.`, "notFound", "fileId");
  return applyMask(fileJson(ss), mask);
}

/** Answers `/drive/v3/files[/{id}]`; anything else under `/drive/` is Google's 404. */
export function handleDriveCall(call: SheetsCall, deps: DriveDeps): SheetsOutcome {
  const out: SheetsOutcome = {
    status: 200,
    body: {},
    headers: {},
    spreadsheetId: null,
    kind: "drive",
    clientEmail: null,
    extraLatencyMs: 0,
  };
  try {
    const m = /^\/drive\/v3\/files(?:\/([^/]+))?$/.exec(call.rawPath);
    if (!m || call.method !== "GET") throw notFound();
    const token = deps.accounts.authenticate(
      call.authorization,
      call.query.get("access_token"),
      deps.now(),
    );
    out.clientEmail = token.email;
    if (!token.scopes.some(isDriveScope)) throw insufficientScopes();
    if (m[1] === undefined) out.body = filesList(deps.store, call.query);
    else {
      let id = m[1];
      try {
        id = decodeURIComponent(id);
      } catch {
        // a malformed escape names no file: the 404 below
      }
      out.spreadsheetId = id;
      out.body = filesGet(deps.store, id, call.query);
    }
  } catch (e) {
    if (!(e instanceof GoogleError) && !(e instanceof DriveError)) throw e;
    out.status = e.code;
    out.body = e.body();
    out.headers = e.headers;
  }
  return out;
}
