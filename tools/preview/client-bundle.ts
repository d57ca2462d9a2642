// The page's script (client/main.ts with Chart.js) bundled by esbuild into one IIFE, once per
// process: the page must work from a file with no network.

import { type BuildOptions, build, buildSync } from "esbuild";

const OPTIONS = {
  entryPoints: [new URL("./client/main.ts", import.meta.url).pathname],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  // Chart.js's licence notice stays in the page.
  legalComments: "inline",
  write: false,
  logLevel: "silent",
} satisfies BuildOptions;

// Inside <script>, only `</script` could end the element early.
const safe = (text: string) => text.replace(/<\/(script)/gi, "<\\/$1");

let cached: string | undefined;
let pending: Promise<string> | undefined;

export function clientBundle(): string {
  cached ??= safe(buildSync(OPTIONS).outputFiles[0]?.text ?? "");
  return cached;
}

/** The same bundle built off the main thread, so a caller can start it early and await it late. */
export function clientBundleAsync(): Promise<string> {
  if (cached !== undefined) return Promise.resolve(cached);
  pending ??= build(OPTIONS).then((r) => {
    cached = safe(r.outputFiles[0]?.text ?? "");
    return cached;
  });
  return pending;
}
