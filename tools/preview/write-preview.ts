// Fetches a spreadsheet with its grid data through the Sheets API (the emulator's, or
// Google's) and writes the preview page. Credentials are an access token, or a service-account
// key that signs the same JWT grant Google's clients use at the key's token_uri.

import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { sheets_v4 } from "@googleapis/sheets";
import { importPKCS8, SignJWT } from "jose";
import { clientBundleAsync } from "./client-bundle.ts";
import { renderPreview } from "./render-preview.ts";

export interface ServiceAccountKeyLike {
  readonly client_email: string;
  readonly private_key: string;
  readonly token_uri: string;
}

const READ_SCOPE = "https://www.googleapis.com/auth/spreadsheets.readonly";

// Bundling takes about a second: start when the local run loads this module, while the run
// itself goes on, and wait for it only when the page is written.
const script = clientBundleAsync();
script.catch(() => {
  // Reported when writePreview awaits it.
});

/** The credentials as an access token: a token as it is, a key through its token_uri. */
export async function accessToken(credentials: string | ServiceAccountKeyLike): Promise<string> {
  if (typeof credentials === "string") return credentials;
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ scope: READ_SCOPE })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(credentials.client_email)
    .setAudience(credentials.token_uri)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(await importPKCS8(credentials.private_key, "RS256"));
  const response = await fetch(credentials.token_uri, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion,
    }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`token: ${response.status} ${body.error_description ?? ""}`.trim());
  return body.access_token;
}

/** spreadsheets.get with includeGridData=true; `apiBaseUrl` is the Sheets API root. */
export async function fetchSpreadsheet(
  apiBaseUrl: string,
  credentials: string | ServiceAccountKeyLike,
  spreadsheetId: string,
): Promise<sheets_v4.Schema$Spreadsheet> {
  const token = await accessToken(credentials);
  const url = `${apiBaseUrl.replace(/\/$/, "")}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}?includeGridData=true`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as sheets_v4.Schema$Spreadsheet & {
    error?: { message?: string };
  };
  if (!response.ok)
    throw new Error(
      `spreadsheets.get ${spreadsheetId}: ${response.status} ${body.error?.message ?? ""}`,
    );
  return body;
}

/** Writes the preview of `spreadsheetId` to `outFile`; returns the page's size in bytes. */
export async function writePreview(
  apiBaseUrl: string,
  credentials: string | ServiceAccountKeyLike,
  spreadsheetId: string,
  outFile: string,
): Promise<number> {
  const spreadsheet = await fetchSpreadsheet(apiBaseUrl, credentials, spreadsheetId);
  const html = renderPreview(spreadsheet, { script: await script });
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, html);
  return Buffer.byteLength(html);
}
