// The one way a test seeds the emulator over HTTP: PUT the seed to the control API. Only
// `fetch`, so it runs in Node and in workerd alike.

import type { Seed } from "./seed-format.ts";

/** Creates or replaces spreadsheet `seed.spreadsheetId`; throws with the emulator's answer. */
export async function putSeed(emulatorUrl: string, seed: Seed): Promise<string> {
  const id = seed.spreadsheetId;
  if (!id) throw new Error("a seed sent to the control API needs its spreadsheetId");
  const response = await fetch(
    `${emulatorUrl.replace(/\/+$/, "")}/__emulator/spreadsheets/${encodeURIComponent(id)}`,
    {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(seed),
    },
  );
  if (!response.ok) throw new Error(`seeding ${id}: ${response.status} ${await response.text()}`);
  await response.body?.cancel();
  return id;
}
