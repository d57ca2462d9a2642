import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { latestRun } from "../../worker/storage/run-repository.ts";
import { loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { putAll, putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, type Seed, unitSeed } from "./helpers/seeds.ts";

const INPUT_TABS = ["Đơn vị", "DS cũ", "Cấu hình", "Nhật ký"];

/** The report tabs (every output tab but Nhật ký), as the sheet holds them. */
async function reportTabs(id: string) {
  const { sheets } = await readSpreadsheet(id);
  return sheets.filter((s) => !INPUT_TABS.includes(s.title)).map((s) => [s.title, s.values]);
}

/** The newest run's row of Nhật ký (newest first, under the header). */
async function newestLogRow(id: string): Promise<unknown[]> {
  const log = (await readSpreadsheet(id)).sheets.find((s) => s.title === "Nhật ký")!;
  return log.values[1]!;
}

/** A province that consolidated once, then had its registry broken by `breakIt`. */
async function brokenAfterOneRun(P: string, breakIt: (province: Seed) => Seed) {
  const province = provinceSeed(P, [["A", "Đơn vị A", `${P}-a`]]);
  await putAll([province, unitSeed(`${P}-a`, "A", cleanUnitTabs())]);
  expect((await runJob(P)).status).toBe("succeeded");
  const before = await reportTabs(P);
  expect(before.map(([title]) => title)).toContain("Tổng hợp");
  const units = await loadUnitStates(env.DB, P);
  // The spreadsheet as the first run left it, output tabs included, then broken.
  await putSpreadsheet(breakIt((await readSpreadsheet(P)) as unknown as Seed));
  const run = await runJob(P, { lockWaitMs: 0 });
  return { run, before, units };
}

describe("a registry that cannot be read", () => {
  it("fails the run when the tab Đơn vị was renamed: the report keeps its last content", async () => {
    const P = "reg-renamed";
    const { run, before, units } = await brokenAfterOneRun(P, (province) => ({
      ...province,
      sheets: province.sheets.map((s) => (s.title === "Đơn vị" ? { ...s, title: "DS cũ" } : s)),
    }));
    expect(run.status).toBe("failed");
    expect(run.message).toContain('không có trang "Đơn vị"');
    expect(run.counts.unitsTotal).toBe(0);
    // The sheet shows the last good figures; D1 (what the API serves) too.
    expect(await reportTabs(P)).toEqual(before);
    expect(await loadUnitStates(env.DB, P)).toEqual(units);
    // Nhật ký and /api/runs/latest say why.
    expect(await latestRun(env.DB, P)).toMatchObject({ id: run.id, status: "failed" });
    const row = await newestLogRow(P);
    expect(row[3]).toBe("Thất bại");
    expect(String(row.at(-1))).toContain('không có trang "Đơn vị"');
  });

  it("fails the run when a header cell was renamed", async () => {
    const P = "reg-header";
    const { run, before } = await brokenAfterOneRun(P, (province) => ({
      ...province,
      sheets: province.sheets.map((s) =>
        s.title === "Đơn vị"
          ? { ...s, values: s.values!.map((r, i) => (i === 1 ? ["Mã ĐV", ...r.slice(1)] : r)) }
          : s,
      ),
    }));
    expect(run.status).toBe("failed");
    expect(run.message).toContain("không có dòng tiêu đề");
    expect(await reportTabs(P)).toEqual(before);
    expect(String((await newestLogRow(P)).at(-1))).toContain("Mã đơn vị | Tên đơn vị");
  });

  it("reports an empty registry as the province's problem, without publishing zero units", async () => {
    const P = "reg-empty";
    const { run, before } = await brokenAfterOneRun(P, (province) => ({
      ...province,
      sheets: province.sheets.map((s) =>
        s.title === "Đơn vị" ? { ...s, values: s.values!.slice(0, 2) } : s,
      ),
    }));
    expect(run.status).toBe("failed");
    expect(run.message).toContain("chưa có đơn vị nào");
    expect(await reportTabs(P)).toEqual(before);
  });
});
