import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_PROVINCE, npmStart } from "./npm-start-run.ts";

// Issue 9 point 3: a registry that cannot be read fails the run, and `npm start` exits
// non-zero with the reason (docs/faults.md; docs/local-run.md for the data directory).

const temps: string[] = [];

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

interface SeedSheet {
  title: string;
  values: unknown[][];
}

/** A copy of the example province whose provincial spreadsheet `breakIt` has changed. */
async function brokenExample(breakIt: (sheets: SeedSheet[]) => SeedSheet[]) {
  const dir = await mkdtemp(join(tmpdir(), "qcdc-registry-exit-"));
  temps.push(dir);
  const data = join(dir, "data");
  await cp(EXAMPLE_PROVINCE, data, { recursive: true });
  const file = join(data, "tinh-mau.json");
  const seed = JSON.parse(await readFile(file, "utf8")) as { sheets: SeedSheet[] };
  await writeFile(file, JSON.stringify({ ...seed, sheets: breakIt(seed.sheets) }));
  return { data, out: join(dir, "out") };
}

describe("npm start on a province whose registry cannot be read", () => {
  it("exits non-zero and says why when the tab Đơn vị was renamed", async () => {
    const { data, out } = await brokenExample((sheets) =>
      sheets.map((s) => (s.title === "Đơn vị" ? { ...s, title: "Danh sách cũ" } : s)),
    );
    const { code, stdout, stderr } = await npmStart(["--data", data, "--out", out]);
    expect(code, stdout).not.toBe(0);
    expect(`${stdout}\n${stderr}`).toContain('không có tệp nào có trang "Đơn vị"');
  }, 130_000);

  it("exits non-zero with the Worker's reason when a registry header was renamed", async () => {
    const { data, out } = await brokenExample((sheets) =>
      sheets.map((s) =>
        s.title === "Đơn vị"
          ? { ...s, values: s.values.map((r, i) => (i === 1 ? ["Mã ĐV", ...r.slice(1)] : r)) }
          : s,
      ),
    );
    const { code, stdout, stderr } = await npmStart(["--data", data, "--out", out]);
    expect(code, stdout).not.toBe(0);
    const said = `${stdout}\n${stderr}`;
    expect(said).toContain("Lượt tổng hợp failed");
    expect(said).toContain("không có dòng tiêu đề");
    // Nothing was published: no totals table, no files.
    expect(said).not.toContain("Tổng hợp kỳ");
  }, 130_000);
});
