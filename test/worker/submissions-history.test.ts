import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { putAll, readTabValues } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, serial, templateTab, unitSeed } from "./helpers/seeds.ts";
import { columnOf } from "./helpers/tab-columns.ts";
import {
  fingerprintOf,
  submissionRow,
  submissionTab,
  testClock,
  vn,
} from "./submissions-helpers.ts";

// Period 2026 under the calendar rule; `Hạn nộp` 6 days: on time until the end of 06/01/2027.
const P = "sub-hist-tinh";
const period = resolvePeriod("2026", "calendar")!;
const province = provinceSeed(
  P,
  [
    ["X", "Ghi lùi giờ nộp", "sub-hist-x"],
    ["Y", "Nộp, sửa, nộp lại", "sub-hist-y"],
  ],
  [
    ["Kỳ báo cáo", "2026"],
    ["Quy tắc kỳ", "Năm dương lịch"],
    ["Hạn nộp", "6 ngày"],
  ],
);
const tabs = cleanUnitTabs();
const fp = fingerprintOf(tabs, "2026");
// Y adds a dialogue of 2026 after submitting.
const edited = tabs.map((t) =>
  t.title === "Đối thoại"
    ? templateTab("dialogues", [
        [serial("2026-03-03"), "Chủ tịch UBND", "Phường 1", 50, 10, 8],
        [serial("2026-06-03"), "Chủ tịch UBND", "Phường 2", 5, 1, 1],
      ])
    : t,
);
const fpEdited = fingerprintOf(edited, "2026");
const q3 = submissionRow("2026-Q3", "Năm dương lịch", "2026-10-02T09:00:00", "");
const yFirst = submissionRow("2026", "Năm dương lịch", "2027-01-02T09:00:00", fp);

async function submissionOf(code: string) {
  const totals = await computeTotals(env.DB, P, period, new Date());
  return totals.units.find((u) => u.code === code)!.submission;
}
async function statusCell(code: string) {
  const values = await readTabValues(P, "Tình hình nộp báo cáo");
  return values.find((r) => r[0] === code)?.[2];
}
/** The unit's `Nộp báo cáo` cell in `Theo đơn vị`. */
async function byUnitCell(code: string) {
  const values = await readTabValues(P, "Theo đơn vị");
  return values.find((r) => r[0] === code)?.[columnOf(values, "Nộp báo cáo")];
}

describe("submissions over several runs", () => {
  it("judges a backdated row by when it was first seen; follows a unit that submits, edits and submits again", async () => {
    const clock = testClock(vn("2027-01-03T10:00:00"));
    const run = () => runJob(P, {}, {}, { clock });
    await putAll([
      province,
      unitSeed("sub-hist-x", "X", [...tabs, submissionTab([q3])]),
      unitSeed("sub-hist-y", "Y", [...tabs, submissionTab([yFirst])]),
    ]);
    expect((await run()).status).toBe("succeeded");
    expect(await submissionOf("X")).toMatchObject({ status: "notSubmitted" });
    expect(await submissionOf("Y")).toMatchObject({
      status: "onTime",
      changedAfterSubmission: false,
    });

    // X writes a row dated 02/01, before the read of 03/01 that did not have it; Y edits.
    await putAll([
      unitSeed("sub-hist-x", "X", [
        ...tabs,
        submissionTab([q3, submissionRow("2026", "Năm dương lịch", "2027-01-02T09:00:00", fp)]),
      ]),
      unitSeed("sub-hist-y", "Y", [...edited, submissionTab([yFirst])]),
    ]);
    clock.set(vn("2027-01-08T10:00:00"));
    expect((await run()).status).toBe("succeeded");
    expect(await submissionOf("X")).toEqual({
      status: "late",
      submittedAt: "2027-01-02T02:00:00.000Z",
      recordedAt: "2027-01-08T03:00:00.000Z",
      daysLate: 2,
      changedAfterSubmission: false,
      by: "Nguyễn Thị Lan",
    });
    expect(await statusCell("X")).toBe("Nộp muộn 2 ngày (ghi nhận lúc 10:00 08/01/2027)");
    expect(await byUnitCell("X")).toBe("Nộp muộn 2 ngày (ghi nhận lúc 10:00 08/01/2027)");
    expect(await byUnitCell("Y")).toBe("Đúng hạn; Đã sửa sau khi nộp");
    expect(await submissionOf("Y")).toMatchObject({
      status: "onTime",
      changedAfterSubmission: true,
    });

    // Y submits again after the edit, at 11:00 on 08/01: after the last read, so trusted.
    await putAll([
      unitSeed("sub-hist-y", "Y", [
        ...edited,
        submissionTab([
          yFirst,
          submissionRow("2026", "Năm dương lịch", "2027-01-08T11:00:00", fpEdited),
        ]),
      ]),
    ]);
    clock.set(vn("2027-01-08T13:00:00"));
    expect((await run()).status).toBe("succeeded");
    expect(await submissionOf("Y")).toMatchObject({
      status: "late",
      daysLate: 2,
      submittedAt: "2027-01-08T04:00:00.000Z",
      recordedAt: "2027-01-08T06:00:00.000Z",
      changedAfterSubmission: false,
    });
    expect(await statusCell("Y")).toBe("Nộp muộn 2 ngày");
    expect(await byUnitCell("Y")).toBe("Nộp muộn 2 ngày");
    // X's row is still judged by when it was first seen.
    expect(await submissionOf("X")).toMatchObject({
      status: "late",
      recordedAt: "2027-01-08T03:00:00.000Z",
    });
  });

  it("judges a unit that cannot be read now on its last good read", async () => {
    const S = "sub-stale-tinh";
    const seed = unitSeed("sub-stale-u", "U", [...tabs, submissionTab([yFirst])]);
    await putAll([
      provinceSeed(
        S,
        [["U", "Đọc được rồi mất quyền", "sub-stale-u"]],
        [
          ["Kỳ báo cáo", "2026"],
          ["Quy tắc kỳ", "Năm dương lịch"],
        ],
      ),
      seed,
    ]);
    const clock = testClock(vn("2027-01-03T10:00:00"));
    expect((await runJob(S, {}, {}, { clock })).status).toBe("succeeded");
    await putAll([{ ...seed, emulator: { deny: true } }]);
    clock.set(vn("2027-01-09T10:00:00"));
    expect((await runJob(S, {}, {}, { clock })).status).toBe("succeeded");
    const totals = await computeTotals(env.DB, S, period, new Date());
    expect(totals.units[0]).toMatchObject({
      status: "stale",
      submission: { status: "onTime", submittedAt: "2027-01-02T02:00:00.000Z" },
    });
    expect(totals.completeness).toMatchObject({ expected: 1, submitted: 1, onTime: 1 });
  });
});
