// Builds the Apps Script project in addon/dist (the clasp rootDir):
//   Code.js          one global-scope script: the server bundle as an iife named QCDC, then
//                    a top-level `function name() {}` stub per exported entry point, since
//                    Apps Script only calls top-level function declarations
//   <Page>.html      each page of src/pages.ts with its CSS and client bundle inlined
//   appsscript.json  copied from addon/appsscript.json
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";
import { PAGES } from "./src/pages.ts";

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, "src");
const dist = join(root, "dist");
const GLOBAL_NAME = "QCDC";

async function bundle(entry, options) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    logLevel: "warning",
    ...options,
  });
  return result.outputFiles[0].text;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The names of the functions the iife exports, read by running it bare. */
function exportedFunctions(code) {
  const exports = vm.runInNewContext(`${code}\n${GLOBAL_NAME};`, {}, { timeout: 5000 });
  return Object.keys(exports)
    .filter((name) => typeof exports[name] === "function")
    .sort()
    .map((name) => {
      if (!IDENTIFIER.test(name) || name === GLOBAL_NAME) {
        throw new Error(`cannot expose ${name} as a top-level Apps Script function`);
      }
      return name;
    });
}

/**
 * Apps Script passes trigger events and google.script.run arguments positionally, so the
 * stub forwards `arguments` as they come: it needs no parameter names, which minifiers and
 * default values would make unreliable to read back from the function's source.
 */
function stub(name) {
  return `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}`;
}

async function buildServer() {
  const code = await bundle(join(src, "main.ts"), {
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    // Smaller, but names are kept: Apps Script's execution log shows them in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  const functions = exportedFunctions(code);
  const script = `${code}\n// Entry points Apps Script can call (menu, triggers, google.script.run).\n${functions.map(stub).join("\n")}\n`;
  // Fails on any import/export left over: a classic script must compile.
  new vm.Script(script, { filename: "Code.js" });
  await writeFile(join(dist, "Code.js"), script);
  return { names: functions, bytes: Buffer.byteLength(script) };
}

/** Inline-safe: "</script" would end the element early; "<!--" starts an HTML comment state. */
function inlineScript(js) {
  const safe = js.replace(/<\/(script)/gi, "<\\/$1");
  if (/<!--/.test(safe)) throw new Error("client bundle contains <!--, which breaks inlining");
  return safe;
}

/**
 * Fills layout.html's markers: "/* @KEY *\/" in CSS and JS, "<!-- @KEY -->" in HTML, and
 * a bare "@KEY" in attributes and the title; all of them keep the layout valid HTML.
 */
function fill(layout, values) {
  return layout.replace(/\/\* @([A-Z_]+) \*\/|<!-- @([A-Z_]+) -->|@([A-Z_]+)\b/g, (_, a, b, c) => {
    const key = a ?? b ?? c;
    if (!(key in values)) throw new Error(`layout marker @${key} has no value`);
    return values[key];
  });
}

async function buildPages() {
  const layout = await readFile(join(src, "html", "layout.html"), "utf8");
  const style = await readFile(join(src, "html", "styles.css"), "utf8");
  const sizes = {};
  for (const page of Object.values(PAGES)) {
    const body = await readFile(join(src, "html", page.body), "utf8");
    const js = await bundle(join(src, "client", page.script), {
      format: "iife",
      platform: "browser",
      minify: true,
    });
    const html = fill(layout, {
      TITLE: page.title,
      STYLE: style.trim(),
      BODY: body.trim(),
      BODY_CLASS: page.kind,
      SCRIPT: inlineScript(js).trim(),
    });
    await writeFile(join(dist, `${page.file}.html`), html);
    sizes[`${page.file}.html`] = Buffer.byteLength(html);
  }
  return sizes;
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const server = await buildServer();
const pages = await buildPages();
await writeFile(
  join(dist, "appsscript.json"),
  await readFile(join(root, "appsscript.json"), "utf8"),
);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`addon/dist/Code.js ${kb(server.bytes)}, entry points: ${server.names.join(", ")}`);
for (const [file, bytes] of Object.entries(pages)) console.log(`addon/dist/${file} ${kb(bytes)}`);
