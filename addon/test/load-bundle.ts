import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import {
  createFakeAppsScript,
  type FakeAppsScript,
  type FakeOptions,
} from "./fake-spreadsheet-app.ts";

export const ADDON = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(ADDON, "dist");
const SOURCES = [
  join(ADDON, "src"),
  join(ADDON, "..", "shared"),
  join(ADDON, "build.mjs"),
  join(ADDON, "appsscript.json"),
];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith(".test.ts") ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Fails clearly when addon/dist is missing or older than its sources (npm test builds first). */
export function assertBuilt(): void {
  const code = join(DIST, "Code.js");
  if (!existsSync(code))
    throw new Error("addon/dist/Code.js is missing: run `npm run build:addon` first.");
  if (newest(code) < Math.max(...SOURCES.map(newest))) {
    throw new Error(
      "addon/dist is older than addon/src or shared/: run `npm run build:addon` again.",
    );
  }
}

export function distHtml(name: string): string | undefined {
  const path = join(DIST, `${name}.html`);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/**
 * Runs the built Code.js as Apps Script does: one classic script in a fresh global scope
 * whose only globals are the (fake) Apps Script services. Returns that global scope.
 */
export function loadBundle(options: FakeOptions = {}): {
  fake: FakeAppsScript;
  scope: Record<string, unknown>;
  code: string;
} {
  assertBuilt();
  const fake = createFakeAppsScript({ htmlFile: distHtml, ...options });
  const code = readFileSync(join(DIST, "Code.js"), "utf8");
  const scope = vm.createContext({ ...fake.globals });
  new vm.Script(code, { filename: "Code.js" }).runInContext(scope);
  return { fake, scope: scope as Record<string, unknown>, code };
}

/** Calls a top-level function of the loaded script, as a trigger or google.script.run would. */
export function callGlobal(
  scope: Record<string, unknown>,
  name: string,
  ...args: unknown[]
): unknown {
  const fn = scope[name];
  if (typeof fn !== "function") throw new Error(`${name} is not a global function of Code.js`);
  return fn(...args);
}
