/**
 * Test helpers for the Sheets client tests: drive the emulator's control API (seed
 * spreadsheets, register service accounts, read stats). Not a test file itself.
 */
import { env } from "cloudflare:workers";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { createServiceAccountTokenProvider } from "../../worker/auth/token-provider.ts";
import {
  createSheetsClient,
  isSheetsApiError,
  type SheetsApiError,
  type SheetsClient,
  type SheetsClientOptions,
} from "../../worker/sheets/client.ts";
import { putSeed } from "../emulator/seed-client.ts";
import type { SeedSheet } from "../emulator/seed-format.ts";
import type { Seed } from "./helpers/seeds.ts";

export const emulatorUrl = env.SHEETS_API_BASE as string;
export const tokenUrl = env.TOKEN_URL as string;

export function uniqueId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${emulatorUrl}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return response;
}

export async function seedSpreadsheet(seed: Seed): Promise<string> {
  return putSeed(emulatorUrl, seed);
}

export async function spreadsheetState(
  id: string,
): Promise<Seed & { sheets: (SeedSheet & { properties?: { sheetId: number } })[] }> {
  return (await control("GET", `/spreadsheets/${encodeURIComponent(id)}`)).json();
}

export interface EmulatorStats {
  reads: number;
  writes: number;
  tokens: number;
  status429: number;
  byStatus: Record<string, number>;
  requests: {
    at: number;
    method: string;
    path: string;
    spreadsheetId?: string;
    kind: string;
    status: number;
    requestBytes: number;
  }[];
}

/** Counts for one account (by its token's client_email), or for every request. */
export async function emulatorStats(clientEmail?: string): Promise<EmulatorStats> {
  const query = clientEmail === undefined ? "" : `?client_email=${encodeURIComponent(clientEmail)}`;
  return (await control("GET", `/stats${query}`)).json();
}

export interface TestServiceAccount {
  clientEmail: string;
  keyJson: string;
}

/** A fresh key pair trusted by the emulator, so quota and token counts are this test's own. */
export async function registerServiceAccount(
  options: {
    quota?: { reads: number; writes: number; windowMs: number };
    tokenLifetimeSeconds?: number;
  } = {},
): Promise<TestServiceAccount> {
  const pair = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const clientEmail = `${uniqueId("test")}@qcdc-test.iam.gserviceaccount.com`;
  await control("POST", "/service-accounts", {
    client_email: clientEmail,
    public_key_pem: await exportSPKI(pair.publicKey),
    ...options,
  });
  const keyJson = JSON.stringify({
    type: "service_account",
    project_id: "qcdc-test",
    private_key_id: uniqueId("kid"),
    private_key: await exportPKCS8(pair.privateKey),
    client_email: clientEmail,
    client_id: "1",
    token_uri: tokenUrl,
  });
  return { clientEmail, keyJson };
}

/** A client against the emulator; fast retries unless the test says otherwise. */
export function emulatorClient(
  keyJson: string,
  overrides: Partial<SheetsClientOptions> = {},
): SheetsClient {
  return createSheetsClient({
    baseUrl: emulatorUrl,
    tokenProvider: createServiceAccountTokenProvider({ keyJson, tokenUrl }),
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 4, totalBudgetMs: 10_000 },
    quota: {
      reads: { limit: 1000, windowMs: 60_000 },
      writes: { limit: 1000, windowMs: 60_000 },
    },
    ...overrides,
  });
}

/** The SheetsApiError a call failed with; anything else (or success) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<SheetsApiError> {
  try {
    await promise;
  } catch (error) {
    if (isSheetsApiError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** Requests the emulator saw for one spreadsheet. */
export function requestsFor(stats: EmulatorStats, spreadsheetId: string) {
  return stats.requests.filter((r) => r.spreadsheetId === spreadsheetId);
}
