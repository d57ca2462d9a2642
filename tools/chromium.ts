// Debian's Chromium for the browser tests and the preview's screenshot tool. The flags keep
// it off the network: without them Chromium keeps dialling Google's hosts, which this
// offline machine refuses (see README, "Commands").

import { execFileSync } from "node:child_process";

export const CHROMIUM_HINT =
  "Debian's chromium is not installed: run `sudo apt-get install -y chromium` (.ci/run does this in CI).";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
] as const;

/** Debian's chromium binary, or null. */
export function findChromium(): string | null {
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const path = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (path) return path;
    } catch {
      // not on PATH under this name
    }
  }
  return null;
}
