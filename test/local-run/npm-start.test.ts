import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { METRIC_IDS, METRICS } from "../../shared/metrics.ts";
import { parseCsv, tableUnder } from "./csv.ts";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const fixture = join(repoRoot, "test/fixtures/example-province");
const temps: string[] = [];

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "qcdc-npm-start-"));
  temps.push(dir);
  return dir;
}

/** `npm start -- ...args` exactly as a user types it; resolves with exit code and output. */
async function npmStart(args: string[]) {
  try {
    const { stdout, stderr } = await run("npm", ["start", "--", ...args], {
      cwd: repoRoot,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

// A whole run (emulator, workerd, wrangler's bundling) takes seconds alone, far more on a
// busy machine; npmStart's own timeout is the bound.
describe("npm start", () => {
  it("consolidates the example province and writes every tab and totals.json", async () => {
    const out = await temp();
    const { code, stdout, stderr } = await npmStart(["--data", fixture, "--out", out]);
    expect(code, stderr).toBe(0);
    // One progress line per registered unit, then the totals table.
    expect(stdout.match(/^ {2}\[\s*\d+\/6\] H0\d /gm)).toHaveLength(6);
    // The example's figures (docs/domain.md): 24 inspections visiting 156 bases (71 by the
    // provincial, 85 by district committees), 40 awards, 35 dialogues.
    const figures = {
      inspections: 24,
      inspectionVisits: 156,
      visitsByProvince: 71,
      visitsByDistrict: 85,
      awards: 40,
      awardsCollective: 25,
      awardsIndividual: 15,
      awardsGrassrootsDemocracy: 30,
      awardsGovernmentMobilization: 10,
      dialogues: 35,
    };
    for (const [id, total] of Object.entries(figures)) {
      expect(stdout).toMatch(new RegExp(`\\(${id}\\)\\s.*\\s${total}$`, "m"));
    }

    const totals = JSON.parse(await readFile(join(out, "totals.json"), "utf8"));
    expect(totals.period).toMatchObject({
      id: "2026",
      rule: "decree09",
      from: "2025-12-15",
      to: "2026-12-14",
    });
    expect(totals.total).toMatchObject(figures);
    expect(Object.keys(totals.total)).toEqual([...METRIC_IDS]);
    expect(totals.units.map((u: { code: string; status: string }) => [u.code, u.status])).toEqual([
      ["H01", "fresh"],
      ["H02", "fresh"],
      ["H03", "fresh"],
      ["H04", "fresh"],
      ["H05", "fresh"],
      ["H06", "missing"],
    ]);
    for (const u of totals.units) expect(Object.keys(u.metrics)).toEqual([...METRIC_IDS]);

    // Every tab of every spreadsheet, as out/<spreadsheetId>/<tab>.csv.
    const seeds = (await readdir(fixture)).filter((f) => f.endsWith(".json"));
    expect((await readdir(out)).sort()).toEqual(
      [
        ...(await Promise.all(
          seeds.map(
            async (f) => JSON.parse(await readFile(join(fixture, f), "utf8")).spreadsheetId,
          ),
        )),
        "totals.json",
        "index.html",
      ].sort(),
    );
    expect(await readdir(join(out, "tinh-mau"))).toEqual(
      expect.arrayContaining([
        "Chi tiết – Khen thưởng.csv",
        "Chi tiết – Kiểm tra, giám sát.csv",
        "Chi tiết – Tập huấn, hội nghị.csv",
        "Chi tiết – Đối thoại.csv",
        "Cấu hình.csv",
        "Lỗi dữ liệu.csv",
        "Nhật ký.csv",
        "Theo đơn vị.csv",
        "Tình hình nộp báo cáo.csv",
        "Tổng hợp.csv",
        "Đơn vị.csv",
      ]),
    );
    const summary = await readFile(join(out, "tinh-mau", "Tổng hợp.csv"), "utf8");
    expect(summary).toContain("Kỳ báo cáo: Năm 2026 (từ 15/12/2025 đến 14/12/2026");
    const csv = async (tab: string) =>
      tableUnder(
        parseCsv(await readFile(join(out, "tinh-mau", `${tab}.csv`), "utf8")),
        "Mã đơn vị",
      );
    const byUnit = await csv("Theo đơn vị");
    const province = byUnit.find((r) => r["Mã đơn vị"] === "Toàn tỉnh");
    expect(METRICS.slice(0, 7).map((m) => province?.[`${m.label} (${m.unit})`])).toEqual([
      "24",
      "16",
      "8",
      "156",
      "71",
      "85",
      "0",
    ]);
    // The example's submissions show every status (docs/domain.md), in the sheet and here.
    const example = [
      ["H01", "Đúng hạn"],
      ["H02", "Nộp muộn 3 ngày"],
      ["H03", "Đúng hạn; Đã sửa sau khi nộp"],
      // H04 submitted under the other period rule.
      ["H04", "Chưa nộp"],
      ["H05", "Chưa nộp"],
      ["H06", "Chưa nộp"],
    ];
    expect(byUnit.map((r) => [r["Mã đơn vị"], r["Nộp báo cáo"]])).toEqual([
      ...example,
      ["Toàn tỉnh", "3/6 (50%) đã nộp"],
    ]);
    for (const [code, status] of example) {
      expect(stdout).toMatch(new RegExp(`^${code} .*  ${status}( |$)`, "m"));
    }
    expect(stdout).toContain("Đã nộp báo cáo: 3/6 đơn vị (50%), đúng hạn 2/6 (33%)");
    expect(totals.completeness).toMatchObject({ expected: 6, submitted: 3, onTime: 2, late: 1 });
    const calls = await csv("Tình hình nộp báo cáo");
    expect(calls.map((r) => r["Mã đơn vị"])).toEqual(["H04", "H05", "H06", "H02", "H01", "H03"]);
    // The messy rows of the example are reported, each with its unit, tab and row.
    const errors = (await readFile(join(out, "tinh-mau", "Lỗi dữ liệu.csv"), "utf8")).split("\r\n");
    expect(errors[0]).toMatch(/^Mã đơn vị,Tên đơn vị,Mức độ,Biểu,Dòng,Cột,Giá trị,Nội dung/);
    expect(errors.filter((l) => /^H0\d,[^,]+,[^,]+,[^,]+,\d+,/.test(l)).length).toBeGreaterThan(0);
    const log = (await readFile(join(out, "tinh-mau", "Nhật ký.csv"), "utf8")).trim().split("\r\n");
    expect(log).toHaveLength(2);
  }, 120_000);

  it("keeps going when a unit is not shared, and reports the period asked for", async () => {
    const data = await temp();
    await cp(fixture, data, { recursive: true });
    const file = join(data, "don-vi-h05-ngoc-hoi.json");
    const seed = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...seed, emulator: { deny: true } }));
    const out = await temp();
    const { code, stdout, stderr } = await npmStart([
      "--data",
      data,
      "--out",
      out,
      "--period",
      "2026-H1",
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/H05 Huyện Ngọc Hồi: không đọc được – .*chia sẻ/);
    const totals = JSON.parse(await readFile(join(out, "totals.json"), "utf8"));
    expect(totals.period).toMatchObject({
      id: "2026-H1",
      rule: "decree09",
      from: "2025-12-15",
      to: "2026-06-14",
    });
    const h05 = totals.units.find((u: { code: string }) => u.code === "H05");
    expect(h05).toMatchObject({ status: "unreadable", readAt: null });
    expect(h05.metrics.inspections).toBe(0);
    for (const id of METRIC_IDS) {
      expect(totals.total[id]).toBe(
        totals.units.reduce(
          (s: number, u: { metrics: Record<string, number> }) => s + u.metrics[id]!,
          0,
        ),
      );
    }
  }, 120_000);

  it("refuses a data directory whose spreadsheetId is a path, writing nothing", async () => {
    const data = await temp();
    const parent = await temp();
    const out = join(parent, "out");
    await cp(fixture, data, { recursive: true });
    const file = join(data, "don-vi-h05-ngoc-hoi.json");
    const seed = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...seed, spreadsheetId: "../escaped" }));
    const { code, stderr } = await npmStart(["--data", data, "--out", out]);
    expect(code).not.toBe(0);
    expect(stderr).toContain("spreadsheetId");
    expect(await readdir(parent)).toEqual([]);
  });

  it("refuses a bad period before starting anything", async () => {
    const { code, stderr } = await npmStart(["--period", "2026-Q7", "--out", await temp()]);
    expect(code).toBe(2);
    expect(stderr).toContain("--period 2026-Q7");
  });
});
