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
import { metricColumn } from "./helpers/tab-columns.ts";

// Ids unique to this file: the emulator is shared by every test file.
const INSPECTIONS = "Chi tiết – Kiểm tra, giám sát";
const AWARDS = "Chi tiết – Khen thưởng";
// `Thuộc kỳ báo cáo` in Chi tiết – Kiểm tra, giám sát: code, name, 10 template columns.
const IN_PERIOD = 12;

/** `n` valid inspection rows dated `day`, each with a long note (so rows weigh something). */
function inspections(n: number, day: string): unknown[][] {
  return Array.from({ length: n }, (_, i) => [
    serial(day as `${number}-${number}-${number}`),
    "Ban Chỉ đạo cấp tỉnh",
    "Kiểm tra",
    "",
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

/** Theo đơn vị's unit rows and Toàn tỉnh match what GET /api/totals computes from D1. */
async function expectCompleteByUnit(id: string, tabs: Map<string, SheetState>) {
  const totals = await computeTotals(env.DB, id, resolvePeriod("2026")!, new Date());
  const rows = tabs.get("Theo đơn vị")?.values ?? [];
  const header = rows.findIndex((r) => r[0] === "Mã đơn vị");
  const columns = METRIC_IDS.map((id) => metricColumn(rows, id));
  const metricsOf = (row: unknown[] | undefined) => columns.map((c) => row?.[c] ?? null);
  for (const [i, u] of totals.units.entries()) {
    expect(rows[header + 1 + i]?.slice(0, 2)).toEqual([u.code, u.name]);
    expect(metricsOf(rows[header + 1 + i]), u.code).toEqual(METRIC_IDS.map((m) => u.metrics[m]));
  }
  const totalRow = rows[header + 1 + totals.units.length];
  expect(totalRow?.[0]).toBe("Toàn tỉnh");
  expect(metricsOf(totalRow)).toEqual(METRIC_IDS.map((m) => totals.total[m]));
  return totals;
}

const body = (tab: SheetState | undefined) => {
  const values = tab?.values ?? [];
  return values.slice(values.findIndex((r) => r[0] === "Mã đơn vị") + 1);
};
const unitsIn = (rows: unknown[][]) => rows.map((r) => r[0]);
const count = (rows: unknown[][], code: string) => rows.filter((r) => r[0] === code).length;

describe("an output too big for one write", () => {
  it("cuts the unit that caused it, its rows outside the period first, and says so", async () => {
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
    const run = await runJob(P, { outputBudgetBytes: 130_000 });
    expect(run.status).toBe("succeeded");
    expect(run.message).toContain("Kết quả quá lớn cho một lần ghi vào Google Sheets");

    const tabs = await tabsOf(P);
    const totals = await expectCompleteByUnit(P, tabs);
    expect(totals.units.find((u) => u.code === "A")?.metrics.inspections).toBeGreaterThan(0);

    const detail = tabs.get(INSPECTIONS)!;
    const notice = String(detail.values[0]?.[0]);
    const rows = body(detail);
    // A keeps all 4 of its rows (one of 2025); OLD keeps its 3 rows of 2026 first.
    expect(count(rows, "A")).toBe(4);
    const omitted = 4 + 304 - rows.length;
    expect(notice).toContain(
      `ghi ${rows.length} trong 308 dòng, lược bỏ ${omitted} dòng ngoài kỳ báo cáo Năm 2026 của đơn vị OLD`,
    );
    expect(notice).toContain("GET /api/totals");
    // The period's rows first, then the others; the source row number last.
    const flags = rows.map((r) => r[IN_PERIOD]);
    expect(flags.slice(0, flags.lastIndexOf("Có") + 1).every((f) => f === "Có")).toBe(true);
    expect(flags).toContain("Không");
    expect(unitsIn(rows.slice(0, 6))).toEqual(["A", "A", "A", "OLD", "OLD", "OLD"]);
    expect(detail.values[1]?.slice(0, 2)).toEqual(["Mã đơn vị", "Tên đơn vị"]);
    expect(detail.values[1]?.slice(-2)).toEqual(["Thuộc kỳ báo cáo", "Dòng"]);
    expect(detail.properties.gridProperties.frozenRowCount).toBe(2);
    expect(detail.formats?.[0]?.[0]).toMatchObject({ textFormat: { bold: true } });

    // A tab that did not need cutting is written as usual, without a notice.
    const awards = tabs.get(AWARDS)!;
    expect(awards.values[0]?.[0]).toBe("Mã đơn vị");
    expect(awards.values).toHaveLength(1 + 2 + 2);
    expect(awards.properties.gridProperties.frozenRowCount).toBe(1);

    const log = tabs.get("Nhật ký")!.values;
    expect(String(log[1]?.[13])).toContain(`đã lược bỏ ${omitted} dòng ở các trang Chi tiết`);

    const writes = await writesTo(P, since);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /v4/spreadsheets/${P}:batchUpdate`,
    ]);
    expect(writes[0]?.requestBytes).toBeLessThan(130_000);
  });

  it("leaves the small units whole and cuts only the big one, in one write", async () => {
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
    const budget = 140_000;
    const since = Date.now();
    const run = await runJob(P, { outputBudgetBytes: budget });
    expect(run.status).toBe("succeeded");

    const tabs = await tabsOf(P);
    const totals = await expectCompleteByUnit(P, tabs);
    // Every row counted in the figures (BIG: 3 + 300 in 2026; no `Đợt kiểm tra`, so a row is an inspection).
    expect(totals.total.inspections).toBe(3 + 303 + 3);

    const rows = body(tabs.get(INSPECTIONS));
    // B comes after BIG in the registry, yet keeps every row: the cut is BIG's alone.
    expect([count(rows, "A"), count(rows, "B")]).toEqual([4, 4]);
    expect(count(rows, "BIG")).toBeGreaterThan(0);
    expect(count(rows, "BIG")).toBeLessThan(303);
    // BIG lost its rows outside the period before any of its period's rows.
    expect(rows.filter((r) => r[0] === "BIG").every((r) => r[IN_PERIOD] === "Có")).toBe(true);
    const notice = String(tabs.get(INSPECTIONS)?.values[0]?.[0]);
    expect(notice).toMatch(/^Trang này đã bị cắt bớt/);
    expect(notice).toContain("dòng trong kỳ của đơn vị BIG ");
    expect(notice).toContain("Tổng hợp vẫn tính đủ mọi dòng");
    expect(tabs.get(AWARDS)?.values).toHaveLength(1 + 2 + 2 + 2);

    const writes = await writesTo(P, since);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.requestBytes).toBeLessThan(budget);

    // The next run fits again: the tab is whole, its notice and notice format gone.
    expect((await runJob(P)).status).toBe("succeeded");
    const again = (await tabsOf(P)).get(INSPECTIONS)!;
    expect(again.values[0]?.[0]).toBe("Mã đơn vị");
    expect(again.values).toHaveLength(1 + 4 + 354 + 4);
    expect(again.values.flat().some((v) => String(v).includes("cắt bớt"))).toBe(false);
    expect(again.properties.gridProperties.frozenRowCount).toBe(1);
  });
});

describe("one unit's flood of errors", () => {
  it("is capped per unit and cut before any other unit's valid rows", async () => {
    const P = "budget-errors-tinh";
    // 1,500 rows with an impossible date: 1,500 problems, each a long Vietnamese sentence.
    const broken = inspections(1500, "2026-03-01").map((row) => ["31/02/2026", ...row.slice(1)]);
    await putAll([
      provinceSeed(P, [
        ["BAD", "Đơn vị nhiều lỗi", "budget-errors-bad"],
        ["A", "Đơn vị A", "budget-errors-a"],
      ]),
      bigUnit("budget-errors-bad", "BAD", broken),
      unitSeed("budget-errors-a", "A", cleanUnitTabs()),
    ]);
    const since = Date.now();
    const run = await runJob(P, { outputBudgetBytes: 130_000 });
    expect(run.status).toBe("succeeded");
    expect(run.counts.rowsInvalid).toBe(1500);

    const tabs = await tabsOf(P);
    const totals = await expectCompleteByUnit(P, tabs);
    expect(totals.units.find((u) => u.code === "BAD")?.metrics.invalidRows).toBe(1500);
    // A's valid rows are all there, in every detail tab, without a notice.
    expect(count(body(tabs.get(INSPECTIONS)), "A")).toBe(4);
    expect(count(body(tabs.get(AWARDS)), "A")).toBe(2);

    const errors = tabs.get("Lỗi dữ liệu")!.values;
    const listed = body(tabs.get("Lỗi dữ liệu"));
    // At most 100 of BAD's errors plus one line with the count of the rest, fewer if cut.
    expect(count(listed, "BAD")).toBeLessThanOrEqual(101);
    expect(count(listed, "BAD")).toBeGreaterThan(0);
    expect(String(errors[0]?.[0])).toMatch(/^Trang này đã bị cắt bớt: .* của đơn vị BAD /);
    expect(tabs.get("Nhật ký")?.values[1]?.[3]).toBe("Hoàn thành");

    const writes = await writesTo(P, since);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.requestBytes).toBeLessThan(130_000);
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
