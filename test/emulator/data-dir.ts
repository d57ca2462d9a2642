// Seeds from a data directory: every `*.json` file in it is one spreadsheet (docs/local-run.md).

import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Seed } from "./seed-format.ts";
import { parseSeed } from "./seed-format.ts";
import { stateFromSeed } from "./seed-state.ts";
import type { SpreadsheetState } from "./store.ts";

/** A seed's id: its `spreadsheetId`, else the file name without `.json`. */
export function seedToState(seed: Seed, fallbackId: string, where: string): SpreadsheetState {
  const id = seed.spreadsheetId ?? fallbackId;
  try {
    return stateFromSeed(seed, id);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
}

export async function loadDataDir(dir: string): Promise<SpreadsheetState[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const states: SpreadsheetState[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = join(dir, file);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, "utf8"));
    } catch (e) {
      throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
    }
    const state = seedToState(parseSeed(raw, path), basename(file, ".json"), path);
    const other = seen.get(state.spreadsheetId);
    if (other)
      throw new Error(`${path}: spreadsheetId "${state.spreadsheetId}" is also used by ${other}`);
    seen.set(state.spreadsheetId, path);
    states.push(state);
  }
  return states;
}
