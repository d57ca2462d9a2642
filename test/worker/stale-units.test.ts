import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { putAll, putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, serial, templateTab, unitSeed } from "./helpers/seeds.ts";
import { columnOf, metricColumn } from "./helpers/tab-columns.ts";

const P = "stale-tinh";
const period = resolvePeriod("2026")!;
const totalsNow = () => computeTotals(env.DB, P, period, new Date());
const tab = async (title: string) =>
  (await readSpreadsheet(P)).sheets.find((s) => s.title === title)?.values ?? [];

describe("a unit that cannot be read any more", () => {
  it("keeps its last figures as stale, then recovers; old output is fully replaced", async () => {
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", "stale-a"],
        ["B", "Đơn vị B", "stale-b"],
      ]),
      unitSeed("stale-a", "A", cleanUnitTabs()),
      unitSeed("stale-b", "B", cleanUnitTabs()),
    ]);
    expect((await runJob(P)).status).toBe("succeeded");
    const first = await totalsNow();
    expect(first.units.map((u) => u.status)).toEqual(["fresh", "fresh"]);

    // B stops sharing its sheet: this run keeps B's figures from the first run.
    await putSpreadsheet(unitSeed("stale-b", "B", cleanUnitTabs(), { deny: true }));
    const second = await runJob(P);
    expect(second.counts).toMatchObject({ unitsFresh: 1, unitsStale: 1, unitsUnreadable: 0 });
    const stale = await totalsNow();
    const b = stale.units[1]!;
    expect(b).toMatchObject({ code: "B", status: "stale", readAt: first.units[1]!.readAt });
    expect(b.metrics).toEqual(first.units[1]!.metrics);
    expect(b.error).toContain("chia sẻ");
    expect(stale.total).toEqual(first.total);

    const byUnit = await tab("Theo đơn vị");
    const bRow = byUnit.find((r) => r[0] === "B")!;
    expect(String(bRow[columnOf(byUnit, "Tình trạng")])).toMatch(
      /^Số liệu cũ \(đọc lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\)$/,
    );
    expect(bRow[metricColumn(byUnit, "inspections")]).toBe(first.units[1]!.metrics.inspections);
    const errors = await tab("Lỗi dữ liệu");
    const bError = errors.find((r) => r[0] === "B" && r[5] === "Bảng tính");
    expect(bError?.[7]).toContain("Tổng hợp đang dùng số liệu đọc lúc");
    expect((await tab("Chi tiết – Khen thưởng")).filter((r) => r[0] === "B")).toHaveLength(2);

    // The registry shrinks to B, and B comes back with one inspection: nothing of the
    // earlier, longer output may survive in any tab.
    await putAll([
      provinceSeed(P, [["B", "Đơn vị B", "stale-b"]]),
      unitSeed("stale-b", "B", [
        templateTab("inspections", [
          [
            serial("2026-08-08"),
            "Ban Chỉ đạo cấp xã",
            "Kiểm tra",
            "",
            "Thôn 1",
            "Khác",
            "",
            "",
            "",
            "",
          ],
        ]),
        ...cleanUnitTabs().slice(1),
      ]),
    ]);
    const third = await runJob(P);
    expect(third.counts).toMatchObject({ unitsTotal: 1, unitsFresh: 1 });
    const recovered = await totalsNow();
    expect(recovered.units.map((u) => [u.code, u.status, u.metrics.inspections])).toEqual([
      ["B", "fresh", 1],
    ]);
    expect((await tab("Theo đơn vị")).slice(2).map((r) => r[0])).toEqual(["B", "Toàn tỉnh"]);
    expect((await tab("Chi tiết – Kiểm tra, giám sát")).map((r) => r[0])).toEqual([
      "Mã đơn vị",
      "B",
    ]);
    // Only B's one row is left, and it has no problem: A's and the old B's are gone.
    expect((await tab("Lỗi dữ liệu")).slice(1).filter((r) => r[0] !== null)).toEqual([]);
    const log = await tab("Nhật ký");
    expect(log.slice(1).map((r) => r[3])).toEqual(["Hoàn thành", "Hoàn thành", "Hoàn thành"]);
  });

  it("is unreadable, with zero figures and the reason, when it was never read", async () => {
    const id = "stale-never";
    await putAll([provinceSeed(id, [["N", "Chưa đọc bao giờ", "stale-never-absent"]])]);
    const run = await runJob(id);
    expect(run.counts).toMatchObject({ unitsTotal: 1, unitsUnreadable: 1 });
    const totals = await computeTotals(env.DB, id, period, new Date());
    expect(totals.units[0]).toMatchObject({ status: "unreadable", readAt: null });
    expect(totals.units[0]?.error).toContain("Không tìm thấy bảng tính");
    expect(totals.total.inspections).toBe(0);
  });
});
