import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../..");
const fixture = join(repoRoot, "test/fixtures/example-province");
let out = "";

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

it("npm start -- --serve keeps the emulator and the Worker up until Ctrl+C", async () => {
  out = await mkdtemp(join(tmpdir(), "qcdc-serve-"));
  // Its own process group, so Ctrl+C (SIGINT) reaches npm and the node under it, as in a terminal.
  const child = spawn("npm", ["start", "--", "--data", fixture, "--out", out, "--serve"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.on("exit", (code, signal) => done({ code, signal })),
  );
  let stdout = "";
  let worker: string | undefined;
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
  });
  try {
    const deadline = Date.now() + 90_000;
    while (!/API_TOKEN=\S+/.test(stdout) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    worker = /Worker:\s+(http:\/\/\S+)/.exec(stdout)?.[1];
    const emulator = /Emulator:\s+(http:\/\/\S+)/.exec(stdout)?.[1];
    const token = /API_TOKEN=(\S+)/.exec(stdout)?.[1];
    expect(worker && emulator && token, stdout).toBeTruthy();

    expect((await fetch(`${worker}/health`)).status).toBe(200);
    expect((await fetch(`${worker}/api/units`)).status).toBe(401);
    const units = await fetch(`${worker}/api/units`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(units.status).toBe(200);
    const body = (await units.json()) as { units: { code: string; status: string }[] };
    expect(body.units.map((u) => u.code)).toEqual(["H01", "H02", "H03", "H04", "H05", "H06"]);
    const half = await fetch(`${worker}/api/totals?period=2026-H1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await half.json()) as { period: { id: string } }).period.id).toBe("2026-H1");
    // The emulator still serves the province with the output tabs the run wrote.
    const province = (await (
      await fetch(`${emulator}/__emulator/spreadsheets/tinh-mau`)
    ).json()) as {
      sheets: { title: string }[];
    };
    expect(province.sheets.map((s) => s.title)).toContain("Tổng hợp");
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGINT");
  }
  // npm passes Ctrl+C on and ends by it; what matters is that everything stops cleanly.
  const { code, signal } = await exited;
  expect(code === 0 || signal === "SIGINT", `code ${code}, signal ${signal}`).toBe(true);
  await new Promise((r) => setTimeout(r, 500));
  await expect(fetch(`${worker}/health`)).rejects.toThrow();
}, 120_000);
