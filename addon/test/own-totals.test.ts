import { describe, expect, it } from "vitest";
import { aggregateUnit } from "../../shared/aggregate.ts";
import { formatDateVi } from "../../shared/cells/dates.ts";
import { percentOf, previousPeriod, samePeriodLastYear } from "../../shared/comparison.ts";
import { METRIC_SECTIONS, METRICS } from "../../shared/metrics.ts";
import { periodName } from "../../shared/period-names.ts";
import { type Period, resolvePeriod } from "../../shared/periods.ts";
import { readUnit } from "../../shared/read-unit.ts";
import { trainings } from "../../shared/templates/index.ts";
import type { ReportContext, ReportTable } from "../src/submission/submission-api.ts";
import { callGlobal, loadBundle } from "./load-bundle.ts";
import { addRows, dialogue, dialogues } from "./submit-seed.ts";

type Loaded = ReturnType<typeof loadBundle>;

function unit(rule: "decree09" | "calendar" = "decree09"): Loaded {
  const loaded = loadBundle();
  callGlobal(loaded.scope, "menuCreateTemplates");
  callGlobal(loaded.scope, "saveUnitSettings", {
    code: "001",
    name: "Xã Hòa Bình",
    preparer: "Nguyễn Thị Lan",
    rule,
  });
  return loaded;
}

function totals(loaded: Loaded, periodId: string): ReportTable {
  const result = callGlobal(loaded.scope, "getOwnTotals", periodId) as
    | { ok: true; table: ReportTable }
    | { ok: false; message: string };
  if (!result.ok) throw new Error(result.message);
  return JSON.parse(JSON.stringify(result.table)) as ReportTable;
}

function context(loaded: Loaded): ReportContext {
  return callGlobal(loaded.scope, "getReportContext") as ReportContext;
}

/** The figures shared/ gives for the stored cells, as the province would compute them. */
function expectedFigures(loaded: Loaded, period: Period) {
  const tabs = loaded.fake.spreadsheet.getSheets().map((s) => ({
    title: s.getName(),
    values: s.stored(1, 1, s.getLastRow(), s.getLastColumn()),
  }));
  const read = readUnit(tabs);
  return aggregateUnit(read.rows, read.invalidRows, period);
}

describe("Số liệu của đơn vị", () => {
  it("opens as a dialog from the menu", () => {
    const loaded = unit();
    callGlobal(loaded.scope, "menuOpenOwnTotals");
    callGlobal(loaded.scope, "menuOpenSubmit");
    expect(loaded.fake.ui.dialogs.map((d) => [d.output.file, d.title])).toEqual([
      ["OwnTotals", "Số liệu của đơn vị"],
      ["Submit", "Nộp báo cáo"],
    ]);
  });

  it("lays out Tổng hợp's sections, labels, units and comparison columns with shared/ figures", () => {
    const loaded = unit();
    const ctx = context(loaded);
    const period = resolvePeriod(ctx.defaultPeriod, ctx.rule)!;
    const lastYear = samePeriodLastYear(period)!;
    const before = previousPeriod(period)!;
    addRows(loaded.fake, dialogues, [
      dialogue(period.from, 10),
      dialogue(period.to, 5, "Ông Trần Văn C"),
      dialogue(lastYear.to, 3),
      dialogue(before.from, 7),
      // An error row: counted in Số dòng lỗi, not in any figure.
      [period.from, "Ông D", "Thôn Bắc", 5, 1, 3],
    ]);
    addRows(loaded.fake, trainings, [[period.from, "Hội nghị", "Sơ kết", 120]]);

    const table = totals(loaded, period.id);
    expect(table.columns.map((c) => c.header)).toEqual([
      "Kỳ này",
      "Cùng kỳ năm trước",
      "So sánh (%)",
      "Kỳ trước",
    ]);
    const caption = (p: Period) =>
      `${periodName(p)} (${formatDateVi(p.from)} – ${formatDateVi(p.to)})`;
    expect(table.columns.map((c) => c.caption)).toEqual([
      caption(period),
      caption(lastYear),
      "Kỳ này so với cùng kỳ",
      caption(before),
    ]);
    expect(caption(lastYear)).toMatch(/^(Quý (I|II|III|IV)) năm \d{4} \(\d\d\/\d\d\/\d{4} – /);
    expect(table.sections.map((s) => [s.numeral, s.title])).toEqual(
      METRIC_SECTIONS.map((s) => [s.numeral, s.title]),
    );
    const lines = table.sections.flatMap((s) => s.lines);
    expect(lines.map((l) => [l.label, l.unit, l.breakdown])).toEqual(
      METRICS.map((m) => [m.label, m.unit, m.breakdown]),
    );
    const now = expectedFigures(loaded, period);
    const then = expectedFigures(loaded, lastYear);
    const prior = expectedFigures(loaded, before);
    METRICS.forEach((m, i) => {
      const expected =
        m.id === "invalidRows"
          ? [now[m.id], null, null, null]
          : [now[m.id], then[m.id], percentOf(now[m.id], then[m.id]), prior[m.id]];
      expect(lines[i]!.values, m.id).toEqual(expected);
    });
    // Figures that can only be right if the rows were read: not all zero.
    expect(now.dialogues).toBe(2);
    expect(now.dialogueParticipants).toBe(15);
    expect(now.invalidRows).toBe(1);
    expect(then.dialogueParticipants).toBe(3);
    expect(table.rows).toBe(3);
  });

  it("has no Kỳ trước for a year, and counts rows by the unit's rule", () => {
    const decree = unit("decree09");
    const calendar = unit("calendar");
    // 20/12 of last year is in this reporting year under Nghị định 09 only.
    const year = Number(context(decree).periods.find((p) => /^\d{4}$/.test(p.id))!.id);
    for (const loaded of [decree, calendar]) {
      addRows(loaded.fake, dialogues, [dialogue(`${year - 1}-12-20`, 4)]);
    }
    const inDecree = totals(decree, String(year));
    expect(inDecree.columns.map((c) => c.header)).toEqual([
      "Kỳ này",
      "Cùng kỳ năm trước",
      "So sánh (%)",
    ]);
    expect(inDecree.rows).toBe(1);
    if (context(calendar).periods.some((p) => p.id === String(year))) {
      expect(totals(calendar, String(year)).rows).toBe(0);
    }
    expect(totals(calendar, String(year - 1)).rows).toBe(1);
    expect(callGlobal(decree.scope, "getOwnTotals", "1999")).toMatchObject({ ok: false });
  });
});
