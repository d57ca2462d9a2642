import { describe, expect, it } from "vitest";
import { WORDING_TAB } from "../../shared/report-text/compose-report.ts";
import { QUIET_MESSAGE } from "../../worker/consolidation/province-inputs.ts";
import { readTabValues } from "./helpers/emulator.ts";
import { backdate, province } from "./helpers/incremental-province.ts";
import type { Seed } from "./helpers/seeds.ts";

/** The province with `Mẫu báo cáo` holding `paragraph` in A1 (added if missing). */
const wording =
  (paragraph: string) =>
  (seed: Seed): Seed => {
    const others = seed.sheets.filter((s) => s.title !== WORDING_TAB);
    const tab = seed.sheets.find((s) => s.title === WORDING_TAB);
    return { ...seed, sheets: [...others, { ...tab, title: WORDING_TAB, values: [[paragraph]] }] };
  };

const reportText = async (id: string) => (await readTabValues(id, "Báo cáo")).flat().join("\n");

// docs/output.md, "When an edit shows": Mẫu báo cáo is one of the province's own tabs.
describe("an edit to Mẫu báo cáo alone", () => {
  it("shows in Báo cáo at the next run, though no unit changed", async () => {
    const { P, run, totals } = await province(2);
    await backdate(P, 3_600_000, wording("Kỳ này có {inspections} cuộc kiểm tra, giám sát."));
    expect((await run()).status).toBe("succeeded");
    // Báo cáo quotes the figure the API serves.
    const inspections = (await totals()).total.inspections;
    expect(inspections).toBeGreaterThan(0);
    expect(await reportText(P)).toContain(`Kỳ này có ${inspections} cuộc kiểm tra, giám sát.`);

    // Nothing touched since: a quiet run.
    await backdate(P, 3_600_000);
    expect((await run()).message).toBe(QUIET_MESSAGE);

    // The office rewrites the paragraph (Drive shows the province modified now).
    await backdate(P, 0, wording("Các cấp đã tổ chức {inspections} cuộc kiểm tra, giám sát."));
    const edited = await run();
    expect(edited.status).toBe("succeeded");
    expect(edited.message).not.toBe(QUIET_MESSAGE);
    const text = await reportText(P);
    expect(text).toContain(`Các cấp đã tổ chức ${inspections} cuộc kiểm tra, giám sát.`);
    expect(text).not.toContain("Kỳ này có");
  });
});
