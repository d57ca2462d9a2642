// The wire surface with plain fetch: the token endpoint's checks, Google's refusals of bad
// parameters, response shapes the official-client test does not reach, and the control API.

import { importPKCS8, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server.ts";
import { startEmulator } from "./server.ts";
import type { ServiceAccountKey } from "./service-account-key.ts";
import { generateServiceAccountKey, publicKeyPem } from "./service-account-key.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests walk response JSON of several shapes
type Json = Record<string, any>;

let emu: Emulator;
let key: ServiceAccountKey;
let token: string;

const SCOPE = "https://www.googleapis.com/auth/spreadsheets";

async function assertion(
  k: ServiceAccountKey,
  claims: Record<string, unknown> = {},
  lifetime = 3600,
  aud = `${emu.url}/token`,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: SCOPE, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: k.private_key_id })
    .setIssuer(k.client_email)
    .setAudience(aud)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(await importPKCS8(k.private_key, "RS256"));
}

async function exchange(jwt: string, grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer") {
  const res = await fetch(`${emu.url}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: grantType, assertion: jwt }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function call(path: string, init: RequestInit = {}, bearer = token) {
  const res = await fetch(`${emu.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, ...init.headers },
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Json, text };
}

beforeAll(async () => {
  emu = await startEmulator({
    spreadsheets: [
      {
        spreadsheetId: "hs-1",
        properties: { locale: "en_US" },
        sheets: [{ title: "S", values: [["a", "b"], [1, 2], [3]] }, { title: "Log" }],
      },
      { spreadsheetId: "hs-slow", sheets: [{ title: "S" }], emulator: { latencyMs: 150 } },
    ],
    quota: { reads: 10_000, writes: 10_000 },
  });
  key = emu.serviceAccountKey!;
  const res = await exchange(await assertion(key));
  token = res.body.access_token as string;
});

afterAll(async () => {
  await emu.close();
});

describe("token endpoint", () => {
  it("issues an opaque bearer token for a valid RS256 assertion", async () => {
    const res = await exchange(await assertion(key));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^ya29\./),
      expires_in: 3599,
      token_type: "Bearer",
    });
  });

  it("accepts Google's own token URL as audience, as the official libraries sign it", async () => {
    const res = await exchange(
      await assertion(key, {}, 3600, "https://oauth2.googleapis.com/token"),
    );
    expect(res.status).toBe(200);
  });

  it("refuses forged, long-lived, misaddressed and unscoped assertions", async () => {
    const other = generateServiceAccountKey(`${emu.url}/token`, "other");
    const forged = await assertion({ ...other, client_email: key.client_email });
    expect(await exchange(forged)).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "Invalid JWT Signature." },
    });
    const long = await exchange(await assertion(key, {}, 7200));
    expect(long.body.error_description).toMatch(/^Invalid JWT: Token must be a short-lived token/);
    const aud = await exchange(await assertion(key, {}, 3600, "https://example.com/token"));
    expect(aud.body.error).toBe("invalid_grant");
    const scope = await exchange(
      await assertion(key, { scope: "https://www.googleapis.com/auth/gmail.readonly" }),
    );
    expect(scope.body).toEqual({
      error: "invalid_scope",
      error_description: "Invalid OAuth scope or ID token audience provided.",
    });
    const grant = await exchange(await assertion(key), "client_credentials");
    expect(grant.body.error).toBe("unsupported_grant_type");
  });

  it("a read-only token may read but not write", async () => {
    const ro = (await exchange(await assertion(key, { scope: `${SCOPE}.readonly` }))).body
      .access_token as string;
    expect((await call("/v4/spreadsheets/hs-1?fields=spreadsheetId", {}, ro)).status).toBe(200);
    const write = await call(
      "/v4/spreadsheets/hs-1/values/S!A1:clear",
      { method: "POST", body: "{}" },
      ro,
    );
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe("Request had insufficient authentication scopes.");
  });

  it("tokens expire", async () => {
    const k = generateServiceAccountKey(`${emu.url}/token`, "short-lived");
    await fetch(`${emu.url}/__emulator/service-accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_email: k.client_email,
        public_key_pem: publicKeyPem(k.private_key),
        tokenLifetimeSeconds: 0.2,
      }),
    });
    const short = (await exchange(await assertion(k))).body.access_token as string;
    expect((await call("/v4/spreadsheets/hs-1?fields=spreadsheetId", {}, short)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 250));
    const expired = await call("/v4/spreadsheets/hs-1?fields=spreadsheetId", {}, short);
    expect(expired.status).toBe(401);
    expect(expired.body.error.errors[0]).toMatchObject({
      reason: "authError",
      location: "Authorization",
    });
  });

  it("a call without credentials is 401 UNAUTHENTICATED", async () => {
    const res = await fetch(`${emu.url}/v4/spreadsheets/hs-1`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    const body = (await res.json()) as { error: { message: string; status: string } };
    expect(body.error.status).toBe("UNAUTHENTICATED");
    expect(body.error.message).toMatch(/^Request is missing required authentication credential/);
  });
});

describe("Google's refusals of malformed calls", () => {
  it("an unknown fields path", async () => {
    const res = await call("/v4/spreadsheets/hs-1?fields=sheets.propertes");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Request contains an invalid argument.");
    expect(res.body.error.details[0].fieldViolations[0].description).toBe(
      "Error expanding 'fields' parameter. Cannot find matching fields for path 'sheets.propertes'.",
    );
  });

  it("an unknown query parameter and an unknown enum value", async () => {
    const param = await call("/v4/spreadsheets/hs-1/values/S?valueRenderOptions=FORMULA");
    expect(param.body.error.message).toContain('Unknown name "valueRenderOptions"');
    const value = await call("/v4/spreadsheets/hs-1/values/S?valueRenderOption=RAW");
    expect(value.status).toBe(400);
    expect(value.body.error.message).toBe(
      `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "RAW"`,
    );
  });

  it("malformed JSON and unknown body fields", async () => {
    const bad = await call("/v4/spreadsheets/hs-1:batchUpdate", { method: "POST", body: "{nope" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid JSON payload received\./);
    const field = await call("/v4/spreadsheets/hs-1/values:batchUpdate", {
      method: "POST",
      body: JSON.stringify({ valueInputOption: "RAW", data: [{ range: "S!A1", value: [[1]] }] }),
    });
    expect(field.body.error.message).toBe(
      `Invalid JSON payload received. Unknown name "value" at 'data[0]': Cannot find field.`,
    );
    const empty = await call("/v4/spreadsheets/hs-1:batchUpdate", {
      method: "POST",
      body: JSON.stringify({ requests: [] }),
    });
    expect(empty.body.error.message).toBe("Must specify at least one request.");
  });

  it("refuses a body over Google's 10 MiB limit and leaves the spreadsheet unchanged", async () => {
    const before = await (await fetch(`${emu.url}/__emulator/spreadsheets/hs-1`)).json();
    const long = "x".repeat(1024);
    const rows = Array.from({ length: 10_300 }, () => ({
      values: [{ userEnteredValue: { stringValue: long } }],
    }));
    const body = JSON.stringify({
      requests: [
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
            rows,
            fields: "userEnteredValue",
          },
        },
      ],
    });
    expect(body.length).toBeGreaterThan(10_485_760);
    const big = await call("/v4/spreadsheets/hs-1:batchUpdate", { method: "POST", body });
    expect(big.status).toBe(400);
    expect(big.body.error).toMatchObject({
      status: "INVALID_ARGUMENT",
      message: "Request payload size exceeds the limit: 10485760 bytes.",
    });
    expect(await (await fetch(`${emu.url}/__emulator/spreadsheets/hs-1`)).json()).toEqual(before);
  });

  it("an unknown path is 404", async () => {
    expect((await call("/v4/spreadsheets/hs-1/nothing")).status).toBe(404);
    expect((await call("/v4/spreadsheets/hs-1:batchUpdate")).status).toBe(404);
  });
});

describe("response shapes", () => {
  it("answers pretty-printed JSON unless prettyPrint=false", async () => {
    expect((await call("/v4/spreadsheets/hs-1?fields=spreadsheetId")).text).toBe(
      '{\n  "spreadsheetId": "hs-1"\n}\n',
    );
    expect((await call("/v4/spreadsheets/hs-1?fields=spreadsheetId&prettyPrint=false")).text).toBe(
      '{"spreadsheetId":"hs-1"}\n',
    );
  });

  it("reads by columns and masks values responses", async () => {
    const res = await call(
      "/v4/spreadsheets/hs-1/values:batchGet?ranges=S!A1:B3&majorDimension=COLUMNS&valueRenderOption=UNFORMATTED_VALUE&fields=valueRanges(values)",
    );
    expect(res.body).toEqual({
      valueRanges: [
        {
          values: [
            ["a", 1, 3],
            ["b", 2],
          ],
        },
      ],
    });
  });

  it("values.batchGet without ranges answers only the id", async () => {
    expect((await call("/v4/spreadsheets/hs-1/values:batchGet")).body).toEqual({
      spreadsheetId: "hs-1",
    });
  });

  it("appends after the table and echoes written values when asked", async () => {
    const res = await call(
      "/v4/spreadsheets/hs-1/values/S!A:B:append?valueInputOption=USER_ENTERED&includeValuesInResponse=true",
      {
        method: "POST",
        body: JSON.stringify({ values: [["x", "1,234.5"]] }),
      },
    );
    expect(res.body).toEqual({
      spreadsheetId: "hs-1",
      tableRange: "S!A1:B3",
      updates: {
        spreadsheetId: "hs-1",
        updatedRange: "S!A4:B4",
        updatedRows: 1,
        updatedColumns: 2,
        updatedCells: 2,
        updatedData: { range: "S!A4:B4", majorDimension: "ROWS", values: [["x", "1234.5"]] },
      },
    });
  });

  it("delays calls by the spreadsheet's latency", async () => {
    const t0 = performance.now();
    await call("/v4/spreadsheets/hs-slow?fields=spreadsheetId");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });
});

describe("control API", () => {
  const seed = {
    properties: { title: "Tỉnh Mẫu", locale: "vi_VN" },
    sheets: [
      {
        title: "Đơn vị",
        values: [
          ["Mã đơn vị", "Tên đơn vị"],
          ["H01", "Huyện A"],
        ],
      },
    ],
    emulator: { failFirst: 1, failStatus: 429 },
  };

  it("creates, reads back, replaces and deletes a spreadsheet", async () => {
    const put = await fetch(`${emu.url}/__emulator/spreadsheets/ctl-1`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(seed),
    });
    expect(put.status).toBe(201);
    const first = await call("/v4/spreadsheets/ctl-1?fields=spreadsheetId");
    expect(first.status).toBe(429);
    expect(first.body.error.status).toBe("RESOURCE_EXHAUSTED");
    const got = (await (await fetch(`${emu.url}/__emulator/spreadsheets/ctl-1`)).json()) as Json;
    expect(got).toEqual({
      spreadsheetId: "ctl-1",
      properties: {
        title: "Tỉnh Mẫu",
        locale: "vi_VN",
        timeZone: "Etc/GMT",
        autoRecalc: "ON_CHANGE",
      },
      sheets: [
        {
          title: "Đơn vị",
          values: [
            ["Mã đơn vị", "Tên đơn vị"],
            ["H01", "Huyện A"],
          ],
          properties: {
            sheetId: 0,
            title: "Đơn vị",
            index: 0,
            sheetType: "GRID",
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      ],
      emulator: { deny: false, failFirst: 0, failStatus: 429, latencyMs: 0 },
      // Seeded now: created and last modified at the time of the PUT, as Drive would say.
      drive: {
        createdTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        modifiedTime: (got.drive as { createdTime: string }).createdTime,
        version: 1,
        parents: [],
      },
    });
    const again = await fetch(`${emu.url}/__emulator/spreadsheets/ctl-1`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(got),
    });
    expect(again.status).toBe(200);
    const list = (await (await fetch(`${emu.url}/__emulator/spreadsheets`)).json()) as {
      spreadsheetIds: string[];
    };
    expect(list.spreadsheetIds).toContain("ctl-1");
    expect(
      (await fetch(`${emu.url}/__emulator/spreadsheets/ctl-1`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await call("/v4/spreadsheets/ctl-1")).status).toBe(404);
  });

  it("refuses a malformed seed with the path of the mistake", async () => {
    const res = await fetch(`${emu.url}/__emulator/spreadsheets/ctl-2`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sheets: [{ titel: "x" }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("sheets.0");
  });

  it("counts calls per account and resets", async () => {
    await fetch(`${emu.url}/__emulator/stats/reset`, { method: "POST" });
    await call("/v4/spreadsheets/hs-1?fields=spreadsheetId");
    await call("/v4/spreadsheets/hs-1/values/S!A1:clear", { method: "POST", body: "{}" });
    const stats = (await (
      await fetch(
        `${emu.url}/__emulator/stats?client_email=${encodeURIComponent(key.client_email)}`,
      )
    ).json()) as Json;
    expect(stats).toMatchObject({
      reads: 1,
      writes: 1,
      tokens: 0,
      status429: 0,
      byStatus: { "200": 2 },
    });
    expect(
      stats.requests.map((r: { kind: string; spreadsheetId: string; status: number }) => [
        r.kind,
        r.spreadsheetId,
        r.status,
      ]),
    ).toEqual([
      ["read", "hs-1", 200],
      ["write", "hs-1", 200],
    ]);
  });
});
