// The emulator runs on users' machines (`npm start`, `npm run emulator`): a web page they
// visit, a hostile data directory or a unit's text must not make it write where it should not,
// and its CSV files must not turn a unit's text into a live formula in a spreadsheet program.

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server.ts";
import { startEmulator } from "./server.ts";
import { generateServiceAccountKey, publicKeyPem } from "./service-account-key.ts";

let dir: string;
let emu: Emulator;
const dumpRoot = () => join(dir, "dumps");

const seed = {
  spreadsheetId: "safe-1",
  sheets: [{ title: "A", values: [["x"]] }],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qcdc-emu-safety-"));
  await mkdir(dumpRoot());
  emu = await startEmulator({ spreadsheets: [seed], dumpDir: dumpRoot() });
});

afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

async function exists(path: string): Promise<boolean> {
  return readdir(path).then(
    () => true,
    () => false,
  );
}

const controlHeaders = { "content-type": "application/json", "x-emulator-control": "1" };

describe("POST /__emulator/dump", () => {
  it("writes nothing on a request a web page can send without asking (text/plain, no header)", async () => {
    const target = join(dir, "cross-site");
    // What a cross-site <form> or no-cors fetch can send: a simple request, no preflight.
    const res = await fetch(`${emu.url}/__emulator/dump`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ dir: target }),
    });
    expect(res.status).toBe(403);
    expect(await exists(target)).toBe(false);
  });

  it("writes nothing with a JSON body but without the control header", async () => {
    const target = join(dumpRoot(), "no-header");
    const res = await fetch(`${emu.url}/__emulator/dump`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ dir: target }),
    });
    expect(res.status).toBe(403);
    expect(await exists(target)).toBe(false);
  });

  it("refuses a folder outside the one given at start, however it is spelt", async () => {
    for (const target of [join(dir, "outside"), join(dumpRoot(), "..", "outside"), "/tmp"]) {
      const res = await fetch(`${emu.url}/__emulator/dump`, {
        method: "POST",
        headers: controlHeaders,
        body: JSON.stringify({ dir: target }),
      });
      expect(res.status, target).toBe(400);
    }
    expect(await exists(join(dir, "outside"))).toBe(false);
  });

  it("writes inside the folder given at start, a relative dir meaning a folder under it", async () => {
    const res = await fetch(`${emu.url}/__emulator/dump`, {
      method: "POST",
      headers: controlHeaders,
      body: JSON.stringify({ dir: "run-1" }),
    });
    expect(res.status).toBe(200);
    expect(await readFile(join(dumpRoot(), "run-1", "safe-1", "A.csv"), "utf8")).toBe("x");
  });

  it("is refused when the emulator was started without a dump folder", async () => {
    const plain = await startEmulator({ spreadsheets: [seed] });
    try {
      const res = await fetch(`${plain.url}/__emulator/dump`, {
        method: "POST",
        headers: controlHeaders,
        body: JSON.stringify({ dir: join(dir, "anywhere") }),
      });
      expect(res.status).toBe(403);
      expect(await exists(join(dir, "anywhere"))).toBe(false);
    } finally {
      await plain.close();
    }
  });
});

describe("the control API and web pages", () => {
  /** A raw request, so the test can send the Host a DNS-rebinding page would. */
  function raw(path: string, method: string, headers: Record<string, string>, body = "") {
    return new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}${path}`, { method, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  // A real key pair: before the check, the emulator trusted it and answered 201.
  const evil = generateServiceAccountKey("http://127.0.0.1/token", "evil");
  const trust = JSON.stringify({
    client_email: evil.client_email,
    public_key_pem: publicKeyPem(evil.private_key),
  });

  it("refuses a text/plain body (what a cross-site form can post)", async () => {
    expect(
      await raw("/__emulator/service-accounts", "POST", { "content-type": "text/plain" }, trust),
    ).toBe(403);
  });

  it("refuses a call from another origin, or to another host name", async () => {
    const json = { "content-type": "application/json" };
    expect(
      await raw(
        "/__emulator/service-accounts",
        "POST",
        { ...json, origin: "https://evil.example" },
        trust,
      ),
    ).toBe(403);
    const port = new URL(emu.url).port;
    expect(await raw("/__emulator/spreadsheets", "GET", { host: `evil.example:${port}` })).toBe(
      403,
    );
    // The emulator's own origin and plain tool calls still work.
    expect(await raw("/__emulator/spreadsheets", "GET", { origin: emu.url })).toBe(200);
    expect(await raw("/__emulator/spreadsheets", "GET", { host: `localhost:${port}` })).toBe(200);
  });
});

describe("spreadsheet ids", () => {
  const hostile = ["../escaped", "..", "a/b", "a\\b", "x/../../y", "id with space", "ä"];

  it("a data directory with a path in spreadsheetId is refused before anything is written", async () => {
    for (const id of hostile) {
      const data = await mkdtemp(join(dir, "data-"));
      await writeFile(join(data, "x.json"), JSON.stringify({ ...seed, spreadsheetId: id }));
      await expect(startEmulator({ dataDir: data }), id).rejects.toThrow(/spreadsheetId/);
    }
  });

  it("the control API refuses such an id in the body or the path", async () => {
    for (const id of hostile) {
      const inPath = await fetch(`${emu.url}/__emulator/spreadsheets/${encodeURIComponent(id)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sheets: seed.sheets }),
      });
      // `..` is resolved away by the URL itself and reaches no spreadsheet route (404).
      expect([400, 404], id).toContain(inPath.status);
      const inBody = await fetch(`${emu.url}/__emulator/spreadsheets/ok-id`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ spreadsheetId: id, sheets: seed.sheets }),
      });
      expect(inBody.status, id).toBe(400);
    }
    expect(emu.store.ids()).toEqual(["safe-1"]);
  });

  it("the CSV dump stays inside its folder whatever the store holds", async () => {
    const out = join(dir, "out-guard");
    const state = structuredClone(emu.store.get("safe-1")!);
    state.spreadsheetId = "../escaped-dump";
    const other = await startEmulator();
    try {
      other.store.put(state);
      await expect(other.dumpCsv(out)).rejects.toThrow(/spreadsheet id/);
      expect(await exists(join(dir, "escaped-dump"))).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe("CSV export", () => {
  it("prefixes a quote to text a spreadsheet program would run (OWASP CSV injection)", async () => {
    const risky = [
      '=HYPERLINK("http://x","y")',
      "+1+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(A1)",
      "\tTab",
      "\rCR",
    ];
    const local = await startEmulator({
      spreadsheets: [
        {
          spreadsheetId: "csv-1",
          sheets: [{ title: "T", values: [risky, ["ok", -5, "a=b", "-"]] }],
        },
      ],
    });
    const out = join(dir, "csv");
    try {
      await local.dumpCsv(out);
      const lines = (await readFile(join(out, "csv-1", "T.csv"), "utf8")).split("\r\n");
      expect(lines[0]).toBe(
        [
          '"\'=HYPERLINK(""http://x"",""y"")"',
          "'+1+cmd|' /C calc'!A0",
          "'-2+3",
          "'@SUM(A1)",
          "'\tTab",
          '"\'\rCR"',
        ].join(","),
      );
      // A number stays a number; text with the character further in, or a lone "-", is inert.
      expect(lines[1]).toBe("ok,-5,a=b,-,,");
    } finally {
      await local.close();
    }
  });
});
