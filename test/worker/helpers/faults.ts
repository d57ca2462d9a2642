import { env } from "cloudflare:workers";
import { putSpreadsheet, readSpreadsheet } from "./emulator.ts";
import type { Seed } from "./seeds.ts";

const base = () => String(env.SHEETS_API_BASE).replace(/\/+$/, "");

/** Switches the emulator's fault injection on for spreadsheet `id`, keeping its content. */
export async function setFaults(id: string, faults: Seed["emulator"]): Promise<void> {
  const state = (await readSpreadsheet(id)) as unknown as Seed;
  await putSpreadsheet({ ...state, emulator: faults });
}

/** A fetch for the Worker's client with which Google starts refusing the province's
 * writes (503) at the moment the run sends its output. */
export function failingAtTheWrite(provinceId: string): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (init?.method === "POST" && url.startsWith(`${base()}/v4/spreadsheets/${provinceId}:`)) {
      await setFaults(provinceId, { failFirst: 100, failStatus: 503 });
    }
    return fetch(input, init);
  };
}
