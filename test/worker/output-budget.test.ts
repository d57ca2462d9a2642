import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../shared/metrics.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { capLists } from "../../worker/consolidation/output/output-budget.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { putAll, readSpreadsheet, type SheetState, writesTo } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, serial, templateTab, unitSeed } from "./helpers/seeds.ts";

// Ids unique to this file: the emulator is shared by every test file.
const INSPECTIONS = "Chi tiết – Kiểm tra, giám sát";
const AWARDS = "Chi tiết – Khen thưởng";

/** `n` valid inspection rows dated `day`, each with a long note (so rows weigh something). */
function inspections(n: number, day: string): unknown[][] {
  return Array.from({ length: n }, (_, i) => [
    serial(day as `${number}-${number}-${number}`),
    "Ban Chỉ đạo cấp tỉnh",
    "Kiểm tra",
    `Công ty số ${i + 1}`,
    "Doanh nghiệp",
    "",
    2,
    1,
    "Ghi chú khá dài để mỗi dòng có trọng lượng như số liệu thật của một xã.",
  ]);
}

/** A unit with the clean tabs plus `rows` more inspections. */
function bigUnit(id: string, code: string, rows: unknown[][]) {
  const tabs = cleanUnitTabs().map((tab) =>
    tab.title === "Kiểm tra, giám sát"
      ? templateTab("inspections", [...tab.values!.slice(1), ...rows])
      : tab,
  );
  return unitSeed(id, code, tabs);
}

async function tabsOf(id: string): Promise<Map<string, SheetState>> {
  return new Map((await readSpreadsheet(id)).sheets.map((s) => [s.title, s]));
}

/** Tổng hợp's unit rows and total row match what GET /api/totals computes from D1. */
async function expectCompleteSummary(id: string, tabs: Map<string, SheetState>) {
  const totals = await computeTotals(env.DB, id, resolvePeriod("2026")!, new Date());
  const rows = tabs.get("Tổng hợp")?.values ?? [];
  const header = rows.findIndex((r) => r[0] === "Mã đơn vị");
  const metricsOf = (row: unknown[] | undefined) => METRIC_IDS.map((_, i) => row?.[3 + i] ?? null);
  for (const [i, u] of totals.units.entries()) {
    expect(rows[header + 1 + i]?.slice(0, 2)).toEqual([u.code, u.name]);
    expect(metricsOf(rows[header + 1 + i]), u.code).toEqual(METRIC_IDS.map((m) => u.metrics[m]));
  }
  const totalRow = rows[header + 1 + totals.units.length];
  expect(totalRow?.[0]).toBe("Toàn tỉnh");
  expect(metricsOf(totalRow)).toEqual(METRIC_IDS.map((m) => totals.total[m]));
  return totals;
}

describe("an output too big for one write", () => {
  it("keeps only the period's rows in the detail tabs when that is enough, and says so", async () => {
    const P = "budget-period-tinh";
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", "budget-period-a"],
        ["OLD", "Đơn vị nhiều số liệu cũ", "budget-period-old"],
      ]),
      unitSeed("budget-period-a", "A", cleanUnitTabs()),
      // 300 rows of 2025: outside the period Tổng hợp shows (Năm 2026).
      bigUnit("budget-period-old", "OLD", inspections(300, "2025-03-01")),
    ]);
    const since = Date.now();
    const run = await runJob(P, { outputBudgetBytes: 100_000 });
    expect(run.status).toBe("succeeded");
    expect(run.message).toContain("Kết quả quá lớn cho một lần ghi vào Google Sheets");

    const tabs = await tabsOf(P);
    const totals = await expectCompleteSummary(P, tabs);
    expect(totals.total.inspections).toBe(6);

    const detail = tabs.get(INSPECTIONS)!;
    const notice = String(detail.values[0]?.[0]);
    // OLD's 300 rows and each clean unit's one row of 2025 are left out.
    expect(notice).toContain("chỉ liệt kê các dòng thuộc kỳ báo cáo Năm 2026");
    expect(notice).toContain("ghi 6 trong 308 dòng, lược bỏ 302 dòng ngoài kỳ");
    expect(notice).toContain("GET /api/totals");
    expect(notice).not.toContain("cắt bớt");
    expect(detail.values[1]?.slice(0, 2)).toEqual(["Mã đơn vị", "Tên đơn vị"]);
    const body = detail.values.slice(2);
    expect(body).toHaveLength(6);
    expect(body.map((r) => r.at(-1))).toEqual(Array(6).fill("Có"));
    expect(detail.properties.gridProperties.frozenRowCount).toBe(2);
    // The notice stands out; the header keeps its format one row down.
    expect(detail.formats?.[0]?.[0]).toMatchObject({ textFormat: { bold: true } });
    expect(detail.formats?.[1]?.[0]).toMatchObject({ textFormat: { bold: true } });

    // A tab with nothing outside the period is written as usual, without a notice.
    const awards = tabs.get(AWARDS)!;
    expect(awards.values[0]?.[0]).toBe("Mã đơn vị");
    expect(awards.values).toHaveLength(1 + 2 + 2);
    expect(awards.properties.gridProperties.frozenRowCount).toBe(1);

    const log = tabs.get("Nhật ký")!.values;
    expect(String(log.at(-1)?.[13])).toContain("đã lược bỏ 302 dòng ở các trang Chi tiết");

    const writes = await writesTo(P, since);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /v4/spreadsheets/${P}:batchUpdate`,
    ]);
    expect(writes[0]?.requestBytes).toBeLessThan(100_000);
  });

  it("cuts the largest detail tabs from the end, keeps Tổng hợp whole, in one write", async () => {
    const P = "budget-cap-tinh";
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", "budget-cap-a"],
        ["BIG", "Đơn vị rất lớn", "budget-cap-big"],
        ["B", "Đơn vị B", "budget-cap-b"],
      ]),
      unitSeed("budget-cap-a", "A", cleanUnitTabs()),
      bigUnit("budget-cap-big", "BIG", [
        ...inspections(300, "2026-03-01"),
        ...inspections(50, "2025-03-01"),
      ]),
      unitSeed("budget-cap-b", "B", cleanUnitTabs()),
    ]);
    const budget = 80_000;
    const since = Date.now();
    const run = await runJob(P, { outputBudgetBytes: budget });
    expect(run.status).toBe("succeeded");
    expect(run.message).toContain("Kết quả quá lớn cho một lần ghi vào Google Sheets");

    const tabs = await tabsOf(P);
    // Every unit and the province total, with every row counted (BIG: 3 + 300 inspections).
    const totals = await expectCompleteSummary(P, tabs);
    expect(totals.total.inspections).toBe(3 + 303 + 3);

    const detail = tabs.get(INSPECTIONS)!;
    const body = detail.values.slice(2);
    const all = 4 + 354 + 4;
    const inPeriod = 3 + 303 + 3;
    const omitted = all - body.length;
    const notice = String(detail.values[0]?.[0]);
    expect(notice).toMatch(/^Trang này đã bị cắt bớt/);
    expect(notice).toContain(`chỉ ghi ${body.length} trong ${all} dòng`);
    expect(notice).toContain(
      `lược bỏ ${omitted} dòng (53 dòng ngoài kỳ báo cáo Năm 2026, ${inPeriod - body.length} dòng trong kỳ từ đơn vị BIG trở đi)`,
    );
    expect(notice).toContain("Tổng hợp vẫn tính đủ mọi dòng");
    expect(notice).toContain("GET /api/totals");
    expect(body.length).toBeGreaterThan(3);
    expect(body.length).toBeLessThan(inPeriod);
    // What is kept is the start of the list, in registry order, rows of the period only.
    expect(body.slice(0, 3).map((r) => r[0])).toEqual(["A", "A", "A"]);
    expect(new Set(body.slice(3).map((r) => r[0]))).toEqual(new Set(["BIG"]));
    expect(body.every((r) => r.at(-1) === "Có")).toBe(true);
    expect(detail.properties.gridProperties.frozenRowCount).toBe(2);
    // The small tabs did not need cutting.
    expect(tabs.get(AWARDS)?.values).toHaveLength(1 + 2 + 2 + 2);

    expect(tabs.get("Lỗi dữ liệu")?.values[0]?.[0]).toBe("Mã đơn vị");
    expect(String(tabs.get("Nhật ký")?.values.at(-1)?.[13])).toContain(
      `đã lược bỏ ${omitted} dòng ở các trang Chi tiết`,
    );

    const writes = await writesTo(P, since);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.requestBytes).toBeLessThan(budget);

    // The next run fits again: the tab is whole, its notice and notice format gone.
    expect((await runJob(P)).status).toBe("succeeded");
    const again = (await tabsOf(P)).get(INSPECTIONS)!;
    expect(again.values[0]?.[0]).toBe("Mã đơn vị");
    expect(again.values).toHaveLength(1 + all);
    expect(again.values.flat().some((v) => String(v).includes("cắt bớt"))).toBe(false);
    expect(again.properties.gridProperties.frozenRowCount).toBe(1);
    expect(again.formats?.[1]?.[0] ?? null).toBeNull();
  });
});

describe("an output whose errors alone are too big", () => {
  it("empties the detail tabs first, then cuts Lỗi dữ liệu, and still writes Tổng hợp", async () => {
    const P = "budget-errors-tinh";
    // 400 rows with an impossible date: 400 problems, each a long Vietnamese sentence.
    const broken = inspections(400, "2026-03-01").map((row) => ["31/02/2026", ...row.slice(1)]);
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", "budget-errors-a"],
        ["BAD", "Đơn vị nhiều lỗi", "budget-errors-bad"],
      ]),
      unitSeed("budget-errors-a", "A", cleanUnitTabs()),
      bigUnit("budget-errors-bad", "BAD", broken),
    ]);
    const since = Date.now();
    const run = await runJob(P, { outputBudgetBytes: 100_000 });
    expect(run.status).toBe("succeeded");
    expect(run.counts.rowsInvalid).toBe(400);
    expect(run.message).toMatch(/dòng ở các trang Chi tiết và \d+ lỗi ở trang Lỗi dữ liệu/);

    const tabs = await tabsOf(P);
    const totals = await expectCompleteSummary(P, tabs);
    expect(totals.units.find((u) => u.code === "BAD")?.metrics.invalidRows).toBe(400);

    for (const title of [INSPECTIONS, AWARDS]) {
      const values = tabs.get(title)?.values ?? [];
      expect(String(values[0]?.[0]), title).toMatch(/^Trang này đã bị cắt bớt: chỉ ghi 0 trong/);
      expect(values, title).toHaveLength(2);
    }
    const errors = tabs.get("Lỗi dữ liệu")!.values;
    const notice = String(errors[0]?.[0]);
    const [, kept, total, omitted] =
      /^Trang này đã bị cắt bớt: chỉ ghi (\d+) trong (\d+) lỗi, lược bỏ (\d+) lỗi từ đơn vị BAD trở đi/.exec(
        notice,
      ) ?? [];
    expect(Number(total)).toBe(run.counts.issues);
    expect(Number(kept) + Number(omitted)).toBe(Number(total));
    expect(Number(kept)).toBeGreaterThan(0);
    expect(errors[1]).toEqual(["Mã đơn vị", "Biểu", "Dòng", "Cột", "Giá trị", "Lỗi"]);
    expect(errors.slice(2)).toHaveLength(Number(kept));
    expect(errors.slice(2).every((r) => r[0] === "A" || r[0] === "BAD")).toBe(true);
    expect(tabs.get("Nhật ký")?.values.at(-1)?.[3]).toBe("Hoàn thành");

    const writes = await writesTo(P, since);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.requestBytes).toBeLessThan(100_000);
  });
});

describe("capLists", () => {
  const lists = fc.array(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 40 }), {
    minLength: 1,
    maxLength: 6,
  });
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

  it("frees at least what is needed, from the largest lists first, not much more", () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 30_000 }), (sizes, need) => {
        const { kept, shortfall } = capLists(sizes, need);
        const totals = sizes.map(sum);
        const freed = sum(sizes.map((s, i) => sum(s.slice(kept[i]))));
        expect(shortfall).toBe(Math.max(0, need - sum(totals)));
        if (shortfall > 0) expect(kept.every((k) => k === 0)).toBe(true);
        else expect(freed).toBeGreaterThanOrEqual(need);
        const cut = sizes.flatMap((s, i) => (kept[i]! < s.length ? [i] : []));
        const whole = sizes.flatMap((s, i) => (kept[i] === s.length ? [i] : []));
        // A list is only cut if it is bigger than every list left whole.
        for (const i of cut) for (const j of whole) expect(totals[i]!).toBeGreaterThan(totals[j]!);
        // Rounding to whole rows costs at most one row per cut list.
        if (shortfall === 0) {
          const slack = sum(cut.map((i) => Math.max(...sizes[i]!))) + cut.length;
          expect(freed).toBeLessThanOrEqual(need + slack);
        }
      }),
      { numRuns: 300 },
    );
  });
});
