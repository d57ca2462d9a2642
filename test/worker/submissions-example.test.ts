import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import h01 from "../fixtures/example-province/don-vi-h01-ba-xuyen.json";
import h02 from "../fixtures/example-province/don-vi-h02-dak-mau.json";
import h03 from "../fixtures/example-province/don-vi-h03-chau-phu.json";
import h04 from "../fixtures/example-province/don-vi-h04-tan-chau.json";
import h05 from "../fixtures/example-province/don-vi-h05-ngoc-hoi.json";
import province from "../fixtures/example-province/tinh-mau.json";
import { putAll, readSpreadsheet, readTabValues } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import type { Seed } from "./helpers/seeds.ts";
import { testClock, vn } from "./submissions-helpers.ts";

// The example province under ids of its own, so no other test's spreadsheets are touched.
const renamed = (seed: unknown) =>
  JSON.parse(
    JSON.stringify(seed)
      .replaceAll("don-vi-", "subex-don-vi-")
      .replaceAll("tinh-mau", "subex-tinh"),
  ) as Seed;
const P = "subex-tinh";

describe("the example province's submissions", () => {
  it("show every status as the fixture intends (Hạn nộp 15/11/2026)", async () => {
    await putAll([province, h01, h02, h03, h04, h05].map(renamed));
    // A run in December, after every stated time and after the due day.
    const run = await runJob(P, {}, {}, { clock: testClock(vn("2026-12-01T08:00:00")) });
    expect(run.status, run.message ?? "").toBe("succeeded");
    const totals = await computeTotals(env.DB, P, resolvePeriod("2026", "decree09")!, new Date());
    expect(totals.period.dueDate).toBe("2026-11-15");
    expect(
      totals.units.map((u) => [
        u.code,
        u.submission.status,
        u.submission.daysLate,
        u.submission.changedAfterSubmission,
      ]),
    ).toEqual([
      ["H01", "onTime", 0, false],
      ["H02", "late", 3, false],
      ["H03", "onTime", 0, true],
      ["H04", "notSubmitted", null, false],
      ["H05", "notSubmitted", null, false],
      ["H06", "notSubmitted", null, false],
    ]);
    expect(totals.completeness).toEqual({
      expected: 6,
      submitted: 3,
      onTime: 2,
      late: 1,
      notSubmitted: 3,
      changedAfterSubmission: 1,
    });
    expect((await readTabValues(P, "Tổng hợp"))[3]?.[0]).toBe(
      "Đã nộp báo cáo: 3/6 đơn vị (50%), đúng hạn 2/6 (33%)",
    );
    // The date in Hạn nộp is the due day of Kỳ báo cáo's period only: another period asked
    // of the API is due 6 days after its end (H01 submitted 2026-Q3 on 18/09).
    const q3 = await computeTotals(env.DB, P, resolvePeriod("2026-Q3", "decree09")!, new Date());
    expect(q3.period.dueDate).toBe("2026-09-20");
    expect(q3.units.find((u) => u.code === "H01")?.submission.status).toBe("onTime");
    const status = await readTabValues(P, "Tình hình nộp báo cáo");
    const header = status.findIndex((r) => r[0] === "Mã đơn vị");
    expect(status.slice(header + 1).map((r) => [r[0], r[2]])).toEqual([
      ["H04", "Chưa nộp"],
      ["H05", "Chưa nộp"],
      ["H06", "Chưa nộp"],
      ["H02", "Nộp muộn 3 ngày"],
      ["H01", "Đúng hạn"],
      ["H03", "Đúng hạn"],
    ]);
  });

  it("tells the office why H04 counts as not submitted: its row is under the other rule", async () => {
    await putAll([province, h01, h02, h03, h04, h05].map(renamed));
    const run = await runJob(P, {}, {}, { clock: testClock(vn("2026-12-01T08:00:00")) });
    expect(run.status, run.message ?? "").toBe("succeeded");
    // H04's only submission (row 2 of its `Nộp báo cáo`) is for 2026 under the calendar
    // year, while `Cấu hình` says Nghị định 09.
    const submitted = h04.sheets.find((t) => t.title === "Nộp báo cáo")?.values;
    expect(submitted?.slice(1).map((r) => [r[0], r[1]])).toEqual([["2026", "Năm dương lịch"]]);
    const note =
      'nộp theo quy tắc kỳ khác (Năm dương lịch, dòng 2 của trang "Nộp báo cáo"); ' +
      "tỉnh dùng quy tắc Nghị định 09";
    const { sheets } = await readSpreadsheet(P);
    /** The text and note of H04's cell under `column` in `tab`. */
    const h04Cell = (tab: string, column: string) => {
      const sheet = sheets.find((s) => s.title === tab);
      if (!sheet) throw new Error(`no tab ${tab}`);
      const top = sheet.values.findIndex((r) => r[0] === "Mã đơn vị");
      const col = sheet.values[top]?.indexOf(column) ?? -1;
      const row = sheet.values.findIndex((r, i) => i > top && r[0] === "H04");
      expect(col, `${tab}: ${column}`).toBeGreaterThanOrEqual(0);
      return [sheet.values[row]?.[col], sheet.notes?.[row]?.[col] ?? null];
    };
    expect(h04Cell("Tình hình nộp báo cáo", "Tình trạng nộp")).toEqual(["Chưa nộp", note]);
    expect(h04Cell("Theo đơn vị", "Nộp báo cáo")).toEqual(["Chưa nộp", note]);
    // Only H04 carries it: the others' status cells have no such reason.
    const reasons = sheets
      .find((s) => s.title === "Tình hình nộp báo cáo")
      ?.notes?.flat()
      .filter((n) => n?.includes("quy tắc kỳ khác"));
    expect(reasons).toEqual([note]);
  });
});
