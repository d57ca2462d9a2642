// The page's script (client/main.ts with Chart.js) bundled by esbuild into one IIFE, once per
// process: the page must work from a file with no network.

import { buildSync } from "esbuild";

let cached: string | undefined;

export function clientBundle(): string {
  if (cached !== undefined) return cached;
  const result = buildSync({
    entryPoints: [new URL("./client/main.ts", import.meta.url).pathname],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "inline",
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.text ?? "";
  // Inside <script>, only `</script` could end the element early.
  cached = text.replace(/<\/(script)/gi, "<\\/$1");
  return cached;
}
