import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toUnformatted } from "../../addon/src/check/sheet-values.ts";
// Apps Script's Utilities.formatDate as the add-on's tests fake it, from Intl (workerd has it).
import { formatDate } from "../../addon/test/fake-time-zone.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { readUnit } from "../../shared/read-unit.ts";
import { fingerprint } from "../../shared/submission/fingerprint.ts";
import { serialToInstant } from "../../shared/submission/zone-time.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { arbRow, cleanCell } from "../support/arbitraries.ts";
import { withFigureChanged } from "../support/figure-change.ts";
import { putAll } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { provinceSeed, type Seed, unitSeed } from "./helpers/seeds.ts";
import { submissionRow, submissionTab } from "./submissions-helpers.ts";

/**
 * Mã kiểm tra across runtimes: what the add-on computes from getValues() (date cells as
 * Date objects in the sheet's own zone, turned back into serials by the add-on's own
 * code) must be what the Worker, in workerd, computes from the UNFORMATTED_VALUE serials
 * it reads through the Sheets API, so a unit that changed nothing is never flagged
 * `Đã sửa sau khi nộp`, and one that changed a figure always is. (The add-on bundle in
 * its V8 sandbox is held to the same shared/ result in addon/test/submit-fingerprint.)
 */

const P = "sub-fp-tinh";
const period = resolvePeriod("2026", "decree09")!;
const ZONES = ["Asia/Ho_Chi_Minh", "Asia/Bangkok", "Europe/London", "America/New_York"];
type Cells = unknown[][];

const arbUnit = fc.record({
  zone: fc.constantFrom(...ZONES),
  rows: fc.tuple(...TEMPLATES.map((t) => fc.array(arbRow(t), { minLength: 1, maxLength: 5 }))),
});

/** A unit's four tabs as the Sheets API returns them: header, then cells (dates as serials). */
function tabsOf(rows: readonly Record<string, string | number | null>[][]): Seed["sheets"] {
  return TEMPLATES.map((t, i) => ({
    title: t.title,
    values: [
      t.columns.map((c) => c.header),
      ...(rows[i] ?? []).map((row) => t.columns.map((c) => cleanCell(c, row[c.key] ?? null))),
    ] as Seed["sheets"][number]["values"],
  }));
}

/** The add-on's fingerprint: date cells as getValues() gives them, read back by its code. */
function addonFingerprint(tabs: Seed["sheets"], zone: string): string {
  const asGetValues = tabs.map((tab) => {
    const template = TEMPLATES.find((t) => t.title === tab.title)!;
    const dates = template.columns.flatMap((c, i) => (c.type === "date" ? [i] : []));
    const values = (tab.values as Cells).map((row, r) =>
      row.map((cell, c) =>
        r > 0 && dates.includes(c) && typeof cell === "number"
          ? new Date(serialToInstant(cell, zone))
          : cell,
      ),
    );
    return {
      title: tab.title,
      values: values.map((row) => row.map((v) => toUnformatted(v, zone, formatDate))),
    };
  });
  return fingerprint(readUnit(asGetValues).rows, period);
}

describe("Mã kiểm tra from the add-on and from the Worker", () => {
  it("agree over random rows: unchanged units are not flagged, a changed figure is", async () => {
    const units = fc.sample(arbUnit, { seed: 2026, numRuns: 8 }).map((u, i) => {
      const tabs = tabsOf(u.rows);
      return {
        code: `F${i}`,
        id: `sub-fp-${i}`,
        zone: u.zone,
        tabs,
        fp: addonFingerprint(tabs, u.zone),
      };
    });
    const seed = (u: (typeof units)[number], tabs: Seed["sheets"]): Seed => {
      const s = unitSeed(u.id, u.code, [
        ...tabs,
        submissionTab([submissionRow("2026", "Nghị định 09", "2026-12-15T09:00:00", u.fp)]),
      ]);
      return { ...s, properties: { ...s.properties, timeZone: u.zone } };
    };
    await putAll([
      provinceSeed(
        P,
        units.map((u) => [u.code, `Đơn vị ${u.code}`, u.id]),
        [
          ["Kỳ báo cáo", "2026"],
          ["Quy tắc kỳ", "Nghị định 09"],
          ["Hạn nộp", "31/12/2099"],
        ],
      ),
      ...units.map((u) => seed(u, u.tabs)),
    ]);
    const totals = async () => {
      const run = await runJob(P);
      expect(run.status, run.message ?? "").toBe("succeeded");
      return (await computeTotals(env.DB, P, period, new Date())).units;
    };
    const first = await totals();
    expect(
      first.map((u) => [u.code, u.submission.status, u.submission.changedAfterSubmission]),
    ).toEqual(units.map((u) => [u.code, "onTime", false]));

    // One figure of the period changed in every unit that has rows in it.
    const edited = units.map((u) => ({ ...u, changed: withFigureChanged(u.tabs, period) }));
    expect(edited.filter((u) => u.changed).length).toBeGreaterThan(4);
    await putAll(edited.map((u) => seed(u, u.changed ?? u.tabs)));
    const second = await totals();
    expect(second.map((u) => [u.code, u.submission.changedAfterSubmission])).toEqual(
      edited.map((u) => [u.code, u.changed !== null]),
    );
  });
});
