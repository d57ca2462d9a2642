import type { TestProject } from "vitest/node";
import type { Emulator } from "./server.ts";
import { startEmulator } from "./server.ts";

// One emulator for the whole workers project. Its account's quota is high because every test
// file shares it; tests of pacing or token expiry trust their own account through the control
// API. Tests use unique spreadsheet ids.
let emulator: Emulator | undefined;

export default async function setup(project: TestProject) {
  emulator = await startEmulator({
    port: 0,
    quota: { reads: 100_000, writes: 100_000, windowMs: 60_000 },
  });
  project.provide("emulatorUrl", emulator.url);
  project.provide("serviceAccountJson", JSON.stringify(emulator.serviceAccountKey));
  return async () => {
    await emulator?.close();
    emulator = undefined;
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    serviceAccountJson: string;
  }
}
