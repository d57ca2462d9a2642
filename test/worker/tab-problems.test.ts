import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import type { UnitOutcome } from "../../worker/consolidation/model.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { loadSnapshots } from "../../worker/storage/unit-repository.ts";
import { putAll } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

describe("a unit whose template tab was rejected", () => {
  it("carries the tab's problem in its outcome and its stored snapshot", async () => {
    const P = "tabprob-tinh";
    const [inspections, awards, ...rest] = cleanUnitTabs();
    // The awards header pushed below row 10: none of its rows can be counted.
    const low = {
      ...awards!,
      values: [...Array.from({ length: 11 }, () => []), ...awards!.values!],
    };
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", "tabprob-a"],
        ["B", "Đơn vị B", "tabprob-b"],
      ]),
      unitSeed("tabprob-a", "A", [inspections!, low, ...rest]),
      unitSeed("tabprob-b", "B", cleanUnitTabs()),
    ]);
    const outcomes: UnitOutcome[] = [];
    const run = await runJob(P, {}, {}, { onUnit: (o) => outcomes.push(o) });
    expect(run.status).toBe("succeeded");
    const byCode = new Map(outcomes.map((o) => [o.state.code, o]));
    // The status stays fresh|stale|unreadable|missing; the problem rides with the figures.
    expect(byCode.get("A")?.state.status).toBe("fresh");
    expect(byCode.get("A")?.snapshot?.tabProblems.map((p) => p.tab)).toEqual(["Khen thưởng"]);
    expect(byCode.get("A")?.snapshot?.tabProblems[0]?.message).toMatch(/tiêu đề/);
    expect(byCode.get("B")?.snapshot?.tabProblems).toEqual([]);
    const stored = await loadSnapshots(env.DB, P);
    expect(stored.get("A")?.tabProblems).toEqual(byCode.get("A")?.snapshot?.tabProblems);
    // The API (and npm start's totals.json) says the same.
    const api = await computeTotals(env.DB, P, resolvePeriod("2026")!, new Date());
    const apiUnits = new Map(api.units.map((u) => [u.code, u]));
    expect(apiUnits.get("A")?.tabProblems.map((p) => p.tab)).toEqual(["Khen thưởng"]);
    expect(apiUnits.get("A")?.tabProblems[0]?.message).toMatch(/tiêu đề/);
    expect(apiUnits.get("B")?.tabProblems).toEqual([]);
  });

  it("reports two tabs whose titles read the same (NFC and NFD): the second one's rows do not count", async () => {
    const P = "tabprob-dup";
    const tabs = cleanUnitTabs();
    const awards = tabs[1]!;
    const twin = { ...awards, title: awards.title.normalize("NFD") };
    await putAll([
      provinceSeed(P, [["A", "Đơn vị A", "tabprob-dup-a"]]),
      unitSeed("tabprob-dup-a", "A", [...tabs, twin]),
    ]);
    const outcomes: UnitOutcome[] = [];
    expect((await runJob(P, {}, {}, { onUnit: (o) => outcomes.push(o) })).status).toBe("succeeded");
    const problems = outcomes[0]?.snapshot?.tabProblems ?? [];
    expect(problems.map((p) => p.tab)).toEqual(["Khen thưởng"]);
    expect(problems[0]?.message).toContain("trùng tên");
    expect(outcomes[0]?.state.status).toBe("fresh");
  });
});
