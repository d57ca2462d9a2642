// Drive API v3 files.list / files.get through Google's official client (@googleapis/drive):
// which spreadsheets changed since a time, as the Worker asks before reading units.

import type { drive_v3 } from "@googleapis/drive";
import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officialDriveClient, officialSheetsClient } from "./official-client.ts";
import type { Emulator } from "./server.ts";
import { startEmulator } from "./server.ts";

const RFC3339_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";

let emu: Emulator;
let drive: drive_v3.Drive;
let sheets: sheets_v4.Sheets;

const sheet = (spreadsheetId: string, extra: Record<string, unknown> = {}) => ({
  spreadsheetId,
  properties: { title: `Bảng ${spreadsheetId}` },
  sheets: [{ title: "A", values: [["x"]] }],
  ...extra,
});

beforeAll(async () => {
  emu = await startEmulator({
    spreadsheets: [
      sheet("dv-old", { drive: { modifiedTime: "2026-01-01T00:00:00.000Z", parents: ["tinh"] } }),
      sheet("dv-new", { drive: { parents: ["tinh"] } }),
      sheet("dv-other-folder"),
      sheet("dv-hidden", { emulator: { deny: true } }),
    ],
  });
  drive = officialDriveClient(emu.url, emu.serviceAccountKey!);
  sheets = officialSheetsClient(emu.url, emu.serviceAccountKey!);
});

afterAll(async () => {
  await emu.close();
});

async function modifiedTime(fileId: string): Promise<string> {
  const res = await drive.files.get({ fileId, fields: "id,modifiedTime" });
  expect(Object.keys(res.data).sort()).toEqual(["id", "modifiedTime"]);
  return res.data.modifiedTime!;
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const err = e as { response?: { status: number; data: { error: Record<string, unknown> } } };
    if (err.response) return { status: err.response.status, error: err.response.data.error };
    throw e;
  }
  throw new Error("expected the call to fail");
}

describe("files.get", () => {
  it("answers the fields asked for, times in RFC 3339 with milliseconds", async () => {
    expect(await modifiedTime("dv-old")).toBe("2026-01-01T00:00:00.000Z");
    expect(await modifiedTime("dv-new")).toMatch(RFC3339_MS);
    const all = await drive.files.get({ fileId: "dv-new" });
    expect(all.data).toEqual({
      kind: "drive#file",
      id: "dv-new",
      name: "Bảng dv-new",
      mimeType: "application/vnd.google-apps.spreadsheet",
    });
  });

  it("404 for a file the account cannot see, or that does not exist", async () => {
    for (const id of ["dv-hidden", "khong-co"]) {
      const { status, error } = await failure(drive.files.get({ fileId: id, fields: "id" }));
      expect(status).toBe(404);
      expect(error.message).toBe(`File not found: ${id}.`);
    }
  });
});

describe("modifiedTime", () => {
  it("moves on every write, never on a read or a refused write", async () => {
    const t0 = await modifiedTime("dv-new");
    await sheets.spreadsheets.values.get({ spreadsheetId: "dv-new", range: "A!A1" });
    expect(await modifiedTime("dv-new")).toBe(t0);
    const seen = [t0];
    for (let i = 0; i < 3; i++) {
      // Back to back, within one millisecond at times: each write still moves it.
      await sheets.spreadsheets.batchUpdate({
        spreadsheetId: "dv-new",
        requestBody: {
          requests: [
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
                rows: [{ values: [{ userEnteredValue: { numberValue: i } }] }],
                fields: "userEnteredValue",
              },
            },
          ],
        },
      });
      seen.push(await modifiedTime("dv-new"));
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    const before = await modifiedTime("dv-new");
    await failure(
      sheets.spreadsheets.values.update({
        spreadsheetId: "dv-new",
        range: "Không có!A1",
        valueInputOption: "RAW",
        requestBody: { values: [["y"]] },
      }),
    );
    expect(await modifiedTime("dv-new")).toBe(before);
  });

  it("moves when the control API replaces the spreadsheet", async () => {
    const before = await modifiedTime("dv-other-folder");
    const put = await fetch(`${emu.url}/__emulator/spreadsheets/dv-other-folder`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(sheet("dv-other-folder")),
    });
    expect(put.status).toBe(200);
    expect((await modifiedTime("dv-other-folder")) > before).toBe(true);
  });
});

describe("files.list", () => {
  const ids = (files: drive_v3.Schema$File[] | undefined) => (files ?? []).map((f) => f.id).sort();

  it("lists the spreadsheets the account can see, with Drive's default fields", async () => {
    const res = await drive.files.list({});
    expect(res.data.kind).toBe("drive#fileList");
    expect(res.data.incompleteSearch).toBe(false);
    expect(ids(res.data.files)).toEqual(["dv-new", "dv-old", "dv-other-folder"]);
    expect(Object.keys(res.data.files![0]!).sort()).toEqual(["id", "kind", "mimeType", "name"]);
  });

  it("finds what changed since a time, in a folder, of a type", async () => {
    // The Worker's "last good read": the newest modifiedTime it has seen.
    const latest = await drive.files.list({
      orderBy: "modifiedTime desc",
      pageSize: 1,
      fields: "files(modifiedTime)",
    });
    const since = latest.data.files![0]!.modifiedTime!;
    await sheets.spreadsheets.values.update({
      spreadsheetId: "dv-old",
      range: "A!B1",
      valueInputOption: "RAW",
      requestBody: { values: [["sửa"]] },
    });
    const changed = await drive.files.list({
      q: `modifiedTime > '${since}' and mimeType = 'application/vnd.google-apps.spreadsheet' and trashed = false`,
      fields: "nextPageToken,files(id,modifiedTime)",
      pageSize: 1000,
    });
    expect(changed.data.files).toEqual([
      { id: "dv-old", modifiedTime: await modifiedTime("dv-old") },
    ]);
    const inFolder = await drive.files.list({
      q: "'tinh' in parents",
      fields: "files(id,parents)",
    });
    expect(inFolder.data.files).toEqual([
      { id: "dv-new", parents: ["tinh"] },
      { id: "dv-old", parents: ["tinh"] },
    ]);
    const notInFolder = await drive.files.list({
      q: "not 'tinh' in parents and (name contains 'Bảng' or name = 'x')",
      fields: "files(id)",
    });
    expect(ids(notInFolder.data.files)).toEqual(["dv-other-folder"]);
  });

  it("orders by modifiedTime when asked", async () => {
    const res = await drive.files.list({
      orderBy: "modifiedTime desc",
      fields: "files(modifiedTime)",
    });
    const times = res.data.files!.map((f) => f.modifiedTime!);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("refuses a query, a page size or a field Drive would refuse", async () => {
    for (const q of ["modifiedTime > 'hôm qua'", "size > 5", "name = 'a' and", "modifiedTime >"]) {
      const { status, error } = await failure(drive.files.list({ q }));
      expect(status, q).toBe(400);
      expect(error.errors).toEqual([
        expect.objectContaining({ reason: "invalid", location: "q", locationType: "parameter" }),
      ]);
    }
    for (const pageSize of [0, 1001]) {
      expect((await failure(drive.files.list({ pageSize }))).status).toBe(400);
    }
    expect((await failure(drive.files.list({ fields: "files(khong)" }))).status).toBe(400);
    expect((await failure(drive.files.list({ pageToken: "not-ours" }))).status).toBe(400);
  });

  it("pages through up to 1,000 files a call, each file once", async () => {
    const many = await startEmulator({
      spreadsheets: Array.from({ length: 2_345 }, (_, i) =>
        sheet(`f-${String(i).padStart(4, "0")}`),
      ),
    });
    try {
      const client = officialDriveClient(many.url, many.serviceAccountKey!);
      const seen: string[] = [];
      const sizes: number[] = [];
      let pageToken: string | undefined;
      for (let calls = 0; calls < 10; calls++) {
        const res = await client.files.list({
          pageSize: 1000,
          fields: "nextPageToken,files(id)",
          ...(pageToken ? { pageToken } : {}),
        });
        sizes.push(res.data.files!.length);
        seen.push(...res.data.files!.map((f) => f.id!));
        pageToken = res.data.nextPageToken ?? undefined;
        if (!pageToken) break;
      }
      expect(sizes).toEqual([1000, 1000, 345]);
      expect(new Set(seen).size).toBe(2_345);
    } finally {
      await many.close();
    }
  }, 60_000);
});

describe("auth, as for the Sheets endpoints", () => {
  it("401 without a token, 403 with only a Sheets scope; a Drive scope does not read Sheets", async () => {
    const anonymous = await fetch(`${emu.url}/drive/v3/files`);
    expect(anonymous.status).toBe(401);
    const sheetsOnly = officialDriveClient(emu.url, emu.serviceAccountKey!, [SHEETS_SCOPE]);
    const denied = await failure(sheetsOnly.files.list({}));
    expect(denied.status).toBe(403);
    expect(denied.error.message).toBe("Request had insufficient authentication scopes.");
    const driveOnly = officialSheetsClient(emu.url, emu.serviceAccountKey!, [
      "https://www.googleapis.com/auth/drive.metadata.readonly",
    ]);
    expect((await failure(driveOnly.spreadsheets.get({ spreadsheetId: "dv-new" }))).status).toBe(
      403,
    );
  });

  it("counts Drive calls apart from Sheets reads", async () => {
    await fetch(`${emu.url}/__emulator/stats/reset`, { method: "POST" });
    await drive.files.list({ fields: "files(id)" });
    const stats = (await (await fetch(`${emu.url}/__emulator/stats`)).json()) as {
      reads: number;
      drive: number;
    };
    expect(stats).toMatchObject({ reads: 0, drive: 1 });
  });
});
