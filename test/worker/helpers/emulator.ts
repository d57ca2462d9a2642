import { env } from "cloudflare:workers";
import { putSeed } from "../../emulator/seed-client.ts";
import { emulatorStats, requestsFor } from "../sheets-emulator-control.ts";
import type { Seed } from "./seeds.ts";

/** The emulator's control API (documented in test/emulator/README.md), for seeding and reading back. */

const base = () => String(env.SHEETS_API_BASE).replace(/\/+$/, "");

export async function putSpreadsheet(seed: Seed): Promise<void> {
  await putSeed(base(), seed);
}

export async function putAll(seeds: readonly Seed[]): Promise<void> {
  for (const seed of seeds) await putSpreadsheet(seed);
}

export interface SheetState {
  title: string;
  values: unknown[][];
  formulas?: (string | null)[][];
  formats?: (Record<string, unknown> | null)[][];
  notes?: (string | null)[][];
  columnMetadata?: Record<string, { pixelSize?: number }>;
  properties: {
    sheetId: number;
    index: number;
    gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number };
  };
}

export async function readSpreadsheet(id: string): Promise<{ sheets: SheetState[] }> {
  const response = await fetch(`${base()}/__emulator/spreadsheets/${encodeURIComponent(id)}`);
  if (!response.ok) throw new Error(`reading ${id}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function readTabValues(id: string, title: string): Promise<unknown[][]> {
  const sheet = (await readSpreadsheet(id)).sheets.find((s) => s.title === title);
  if (!sheet) throw new Error(`${id} has no tab ${title}`);
  return sheet.values;
}

/** Writes to spreadsheet `id` since `since` (epoch ms), from the emulator's request log. */
export async function writesTo(id: string, since: number) {
  const email = JSON.parse(String(env.GOOGLE_SERVICE_ACCOUNT_JSON)).client_email as string;
  const stats = await emulatorStats(email);
  return requestsFor(stats, id).filter((r) => r.kind === "write" && r.at >= since);
}
