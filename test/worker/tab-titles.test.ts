import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { putAll, putSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

const period = resolvePeriod("2026")!;

describe("template tabs that change between runs", () => {
  it("follows a tab renamed after the last run, and picks up a tab added since", async () => {
    const P = "titles-tinh";
    const [inspections, awards, dialogues, trainings] = cleanUnitTabs();
    await putAll([
      provinceSeed(P, [
        ["R", "Đổi tên trang", "titles-r"],
        ["M", "Thiếu rồi thêm trang", "titles-m"],
      ]),
      unitSeed("titles-r", "R", cleanUnitTabs()),
      unitSeed("titles-m", "M", [inspections!, awards!, dialogues!]),
    ]);
    await runJob(P);
    const before = await computeTotals(env.DB, P, period, new Date());
    expect(before.units.map((u) => [u.code, u.metrics.awards, u.metrics.trainings])).toEqual([
      ["R", 2, 1],
      ["M", 2, 0],
    ]);

    await putSpreadsheet(
      unitSeed("titles-r", "R", [
        inspections!,
        { ...awards!, title: "  khen  THƯỞNG " },
        dialogues!,
        trainings!,
      ]),
    );
    await putSpreadsheet(unitSeed("titles-m", "M", cleanUnitTabs()));
    await runJob(P);
    const after = await computeTotals(env.DB, P, period, new Date());
    expect(
      after.units.map((u) => [u.code, u.status, u.metrics.awards, u.metrics.trainings]),
    ).toEqual([
      ["R", "fresh", 2, 1],
      ["M", "fresh", 2, 1],
    ]);
  });
});
