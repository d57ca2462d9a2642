import { it } from "vitest";
import { CHROMIUM_HINT, findChromium } from "../../tools/chromium.ts";

/**
 * Call inside a describe: the chromium to test with, or null after registering a test that
 * is skipped with the install hint on a developer machine and fails with it under CI=true
 * (CI installs Chromium itself, so a missing one there is a broken setup, not a skip).
 */
export function chromiumOrSkip(what: string): string | null {
  const executable = findChromium();
  if (executable) return executable;
  const inCi = process.env.CI === "true";
  if (!inCi) console.warn(`Skipping ${what}. ${CHROMIUM_HINT}`);
  it.skipIf(!inCi)("needs Debian's chromium", () => {
    throw new Error(CHROMIUM_HINT);
  });
  return null;
}
