import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRIC_IDS, METRICS } from "../../shared/metrics.ts";
import { parseCsv, tableUnder } from "./csv.ts";
import { dayText, decree09Year, handCount, handRate, readExample } from "./example-hand-count.ts";
import { EXAMPLE_PROVINCE as fixture, type NpmStartResult, npmStart } from "./npm-start-run.ts";

const temps: string[] = [];

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "qcdc-npm-start-"));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

// A whole run (emulator, workerd, wrangler's bundling) takes seconds alone, far more on a
// busy machine; npmStart's own timeout is the bound.
describe("npm start on the example province", () => {
  // One run, looked at by each test below.
  let out = "";
  let started: NpmStartResult = { code: -1, stdout: "", stderr: "" };
  beforeAll(async () => {
    out = await temp();
    started = await npmStart(["--data", fixture, "--out", out]);
  }, 130_000);

  it("consolidates the example province and writes every tab and totals.json", async () => {
    const { code, stdout, stderr } = started;
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
    // The province's two tabs and the eleven the run writes, nothing else.
    expect((await readdir(join(out, "tinh-mau"))).sort()).toEqual(
      [
        "Biểu đồ.csv",
        "Báo cáo.csv",
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
      ].sort(),
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
  });

  it("drafts Báo cáo with the figures counted by hand from the fixture's rows", async () => {
    expect(started.code, started.stderr).toBe(0);
    // Counted from the fixture by example-hand-count.ts, not by the product's reader; the
    // counts are the ones docs/domain.md gives for the example (2026: 24 inspections in
    // H01 3 + H02 6 + H04 8 + H05 7 rounds, 156 visits = 71 provincial + 85 district, 40
    // awards, 35 dialogues in 10 wards; 2025: 9 inspections, 70 visits, 20 awards).
    const province = readExample(fixture);
    const year = Number(province.settings["kỳ báo cáo"]);
    const period = decree09Year(year);
    const now = handCount(province.units, period);
    const before = handCount(province.units, decree09Year(year - 1));
    expect(now).toMatchObject({ inspections: 24, visits: 156, awards: 40, dialogues: 35 });
    expect(before).toMatchObject({ inspections: 9, visits: 70, awards: 20 });
    const rate = handRate(province, now.rowsBySpreadsheet);
    // H01 on 12/11 and H03 on 10/11 on time, H02 on 18/11 late, H04 under the other rule;
    // H03 submitted 29 rows and has 30 now (an award added since).
    expect(rate).toEqual({
      expected: 6,
      submitted: 3,
      onTime: 2,
      late: 1,
      notSubmitted: 3,
      changed: 1,
    });

    // Vietnamese numbers (1.234), whole percentages for the rate, one decimal for changes.
    const vi = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    const pct = (n: number) => `${Math.round((100 * n) / rate.expected)}%`;
    const rise = (a: number, b: number) => {
      expect(a, "the example grows on every figure the text compares").toBeGreaterThan(b);
      const p = ((100 * (a - b)) / b).toFixed(1).replace(/\.0$/, "").replace(".", ",");
      return `tăng ${p}% so với cùng kỳ năm ${year - 1}`;
    };
    const rows = parseCsv(await readFile(join(out, "tinh-mau", "Báo cáo.csv"), "utf8"));
    const paragraphs = rows.map((r) => r[0] ?? "");
    const starting = (start: string) => {
      const found = paragraphs.filter((p) => p.startsWith(start));
      expect(found, start).toHaveLength(1);
      return found[0]!;
    };
    expect(starting("Kỳ báo cáo:")).toContain(
      `Năm ${year} (từ ${dayText(period.from)} đến ${dayText(period.to)}`,
    );
    expect(starting(`Trong năm ${year} `)).toContain(
      `(từ ngày ${dayText(period.from)} đến ngày ${dayText(period.to)}), ` +
        `có ${rate.submitted}/${rate.expected} đơn vị đã nộp báo cáo (đạt ${pct(rate.submitted)}), ` +
        `trong đó ${rate.onTime} đơn vị nộp đúng hạn (${pct(rate.onTime)}), ` +
        `${rate.late} đơn vị nộp muộn; ${rate.notSubmitted} đơn vị chưa nộp báo cáo; ` +
        `${rate.changed} đơn vị sửa số liệu sau khi nộp.`,
    );
    expect(starting("I. ")).toContain(
      `${now.inspections} cuộc kiểm tra, giám sát (${rise(now.inspections, before.inspections)}), ` +
        `gồm ${now.checks} cuộc kiểm tra và ${now.supervisions} cuộc giám sát, ` +
        `tại ${vi(now.visits)} lượt cơ sở (${rise(now.visits, before.visits)}); ` +
        `trong đó Ban Chỉ đạo cấp tỉnh ${now.visitsByProvince} lượt, ` +
        `Ban Chỉ đạo cấp huyện ${now.visitsByDistrict} lượt`,
    );
    expect(starting("II. ")).toContain(
      `khen thưởng ${now.awards} lượt tập thể, cá nhân, hộ gia đình ` +
        `(${rise(now.awards, before.awards)}) theo ${now.awardDecisions} quyết định, ` +
        `trong đó ${now.awardsCollective} lượt tập thể, ${now.awardsIndividual} lượt cá nhân`,
    );
    expect(starting("III. ")).toContain(
      `${now.dialogues} cuộc đối thoại trực tiếp với Nhân dân ` +
        `(${rise(now.dialogues, before.dialogues)}) tại ${now.dialogueAreas} địa bàn, ` +
        `với ${vi(now.dialogueParticipants)} người dự; Nhân dân nêu ` +
        `${vi(now.dialogueOpinions)} ý kiến (${rise(now.dialogueOpinions, before.dialogueOpinions)})`,
    );
    expect(starting("IV. ")).toContain(
      `${now.trainings} lớp tập huấn (${rise(now.trainings, before.trainings)}) ` +
        `với ${vi(now.trainingAttendance)} lượt người dự`,
    );
  });
});

describe("npm start", () => {
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
