import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals, type TotalsBody } from "../../worker/consolidation/totals.ts";
import { putAll, readSpreadsheet, type SheetState } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";
import { columnOf, metricColumn } from "./helpers/tab-columns.ts";
import {
  fingerprintOf,
  rowsOf,
  submissionRow,
  submissionTab,
  testClock,
  vn,
  vnSerial,
} from "./submissions-helpers.ts";

// Period 2026 under the calendar rule, due 6 days after 31/12/2026: the whole of 06/01/2027.
const P = "sub-status-tinh";
const tabs = cleanUnitTabs();
const fp = fingerprintOf(tabs, "2026");
const unit = (id: string, rows: Parameters<typeof submissionTab>[0] | null) =>
  unitSeed(id, id, rows ? [...tabs, submissionTab(rows)] : tabs);

let totals: TotalsBody;
let sheet: Map<string, SheetState>;

beforeAll(async () => {
  await putAll([
    provinceSeed(
      P,
      [
        ["A", "Đúng hạn sớm", "sub-a"],
        ["B", "Nộp 23:59:59 ngày hạn", "sub-b"],
        ["C", "Nộp 00:00:00 ngày sau", "sub-c"],
        ["D", "Muộn ba ngày", "sub-d"],
        ["E", "Sửa sau khi nộp", "sub-e"],
        ["F", "Nộp theo quy tắc khác", "sub-f"],
        ["G", "Chưa nộp", "sub-g"],
        ["H", "Chưa có bảng tính", ""],
      ],
      [
        ["Kỳ báo cáo", "2026"],
        ["Quy tắc kỳ", "Năm dương lịch"],
        ["Hạn nộp", 6],
      ],
    ),
    unit("sub-a", [submissionRow("2026", "Năm dương lịch", "2027-01-05T10:00:00", fp)]),
    unit("sub-b", [submissionRow("2026", "Năm dương lịch", "2027-01-06T23:59:59", fp)]),
    unit("sub-c", [submissionRow("2026", "Năm dương lịch", "2027-01-07T00:00:00", fp)]),
    unit("sub-d", [submissionRow("2026", "Năm dương lịch", "2027-01-09T08:00:00", fp)]),
    unit("sub-e", [
      submissionRow("2026", "Năm dương lịch", "2027-01-04T08:00:00", "00000000deadbeef"),
    ]),
    unit("sub-f", [submissionRow("2026", "Nghị định 09", "2027-01-02T08:00:00", fp)]),
    unit("sub-g", null),
  ]);
  const clock = testClock(vn("2027-01-20T10:00:00"));
  const run = await runJob(P, {}, {}, { clock });
  expect(run.status, run.message ?? "").toBe("succeeded");
  totals = await computeTotals(env.DB, P, resolvePeriod("2026", "calendar")!, new Date());
  sheet = new Map((await readSpreadsheet(P)).sheets.map((s) => [s.title, s]));
});

describe("each unit's submission for the period", () => {
  it("is judged against the end of the due day in Asia/Ho_Chi_Minh", () => {
    expect(totals.period.dueDate).toBe("2027-01-06");
    const byCode = Object.fromEntries(totals.units.map((u) => [u.code, u.submission]));
    expect(byCode.A).toMatchObject({ status: "onTime", daysLate: 0, by: "Nguyễn Thị Lan" });
    expect(byCode.B).toMatchObject({
      status: "onTime",
      daysLate: 0,
      submittedAt: "2027-01-06T16:59:59.000Z",
    });
    expect(byCode.C).toMatchObject({
      status: "late",
      daysLate: 1,
      submittedAt: "2027-01-06T17:00:00.000Z",
    });
    expect(byCode.D).toMatchObject({ status: "late", daysLate: 3 });
    expect(byCode.E).toMatchObject({ status: "onTime", changedAfterSubmission: true });
    for (const code of ["F", "G", "H"]) {
      expect(byCode[code], code).toEqual({
        status: "notSubmitted",
        submittedAt: null,
        recordedAt: null,
        daysLate: null,
        changedAfterSubmission: false,
        by: null,
      });
    }
    // The Worker first saw every row in this run.
    expect(byCode.A?.recordedAt).toBe(new Date(vn("2027-01-20T10:00:00")).toISOString());
    expect(byCode.A?.changedAfterSubmission).toBe(false);
  });

  it("counts the reporting rate over every registered unit in totals.json and Tổng hợp", () => {
    expect(totals.completeness).toEqual({
      expected: 8,
      submitted: 5,
      onTime: 3,
      late: 2,
      notSubmitted: 3,
      changedAfterSubmission: 1,
    });
    expect(sheet.get("Tổng hợp")?.values[3]?.[0]).toBe(
      "Đã nộp báo cáo: 5/8 đơn vị (63%), đúng hạn 3/8 (38%)",
    );
  });

  it("lists whom to call in Tình hình nộp báo cáo: not submitted, then late, then on time", () => {
    const tab = sheet.get("Tình hình nộp báo cáo")!;
    const values = tab.values;
    const rate = values.slice(4, 10).map((r) => [r[0], r[2]]);
    expect(rate).toEqual([
      ["Số đơn vị phải nộp", "8"],
      ["Đã nộp", "5/8 (63%)"],
      ["Đúng hạn", "3/8 (38%)"],
      ["Nộp muộn", "2/8 (25%)"],
      ["Chưa nộp", "3/8 (38%)"],
      ["Đã sửa sau khi nộp", "1/8 (13%)"],
    ]);
    const header = values.findIndex((r) => r[0] === "Mã đơn vị");
    expect(values[header]).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Tình trạng nộp",
      "Thời điểm nộp",
      "Số ngày muộn",
      "Đã sửa sau khi nộp",
      "Số dòng",
      "Số lỗi",
      "Tình trạng đọc",
      "Người liên hệ",
      "Điện thoại",
      "Email",
    ]);
    const body = values.slice(header + 1);
    expect(body.map((r) => [r[0], r[2], r[4] ?? null, r[5] ?? null])).toEqual([
      ["F", "Chưa nộp", null, null],
      ["G", "Chưa nộp", null, null],
      ["H", "Chưa nộp", null, null],
      ["D", "Nộp muộn 3 ngày", 3, null],
      ["C", "Nộp muộn 1 ngày", 1, null],
      ["A", "Đúng hạn", 0, null],
      ["B", "Đúng hạn", 0, null],
      ["E", "Đúng hạn", 0, "Có"],
    ]);
    // The stated time as a date-time in Vietnam time; the rows of the period now.
    expect(body[4]?.[3]).toBeCloseTo(vnSerial("2027-01-07T00:00:00"), 8);
    expect(body[5]?.[6]).toBe(rowsOf(tabs, "2026"));
    expect(body[5]?.[8]).toBe("Đã cập nhật");
    expect(body[2]?.[8]).toBe("Chưa có bảng tính");
    // The other rule is given as the reason, in the status cell's note.
    const fRow = header + 1;
    expect(tab.notes?.[fRow]?.[2]).toContain("nộp theo quy tắc kỳ khác (Nghị định 09");
    // `Có` stands out: E must submit again.
    const red = body.map((_, i) => {
      const format = tab.formats?.[header + 1 + i]?.[5] as { textFormat?: object } | undefined;
      return format?.textFormat !== undefined && "foregroundColor" in format.textFormat;
    });
    expect(body.filter((_, i) => red[i]).map((r) => r[0])).toEqual(["E"]);
    expect(tab.properties.gridProperties.frozenRowCount).toBe(header + 1);
  });

  it("shows each unit's submission in Theo đơn vị, beside its read status", () => {
    const tab = sheet.get("Theo đơn vị")!;
    const { values } = tab;
    const at = columnOf(values, "Nộp báo cáo");
    expect(at).toBe(columnOf(values, "Tình trạng") + 1);
    // The figures follow it, as before.
    expect(metricColumn(values, "inspections")).toBeGreaterThan(at);
    const header = values.findIndex((r) => r[0] === "Mã đơn vị");
    const body = values.slice(header + 1);
    expect(body.map((r) => [r[0], r[at] ?? null])).toEqual([
      ["A", "Đúng hạn"],
      ["B", "Đúng hạn"],
      ["C", "Nộp muộn 1 ngày"],
      ["D", "Nộp muộn 3 ngày"],
      ["E", "Đúng hạn; Đã sửa sau khi nộp"],
      ["F", "Chưa nộp"],
      ["G", "Chưa nộp"],
      ["H", "Chưa nộp"],
      ["Toàn tỉnh", "5/8 (63%) đã nộp"],
    ]);
    const row = (code: string) => header + 1 + body.findIndex((r) => r[0] === code);
    // The reasons as the cell's note: the other rule, and what changed since submitting.
    expect(tab.notes?.[row("F")]?.[at]).toContain("nộp theo quy tắc kỳ khác (Nghị định 09");
    expect(tab.notes?.[row("E")]?.[at]).toContain("Đơn vị cần nộp lại báo cáo.");
    expect(tab.notes?.[row("A")]?.[at] ?? null).toBeNull();
    expect(tab.notes?.[row("Toàn tỉnh")]?.[at]).toBe(
      "Đúng hạn: 3/8 (38%)\nNộp muộn: 2/8 (25%)\nChưa nộp: 3/8 (38%)\nĐã sửa sau khi nộp: 1/8 (13%)",
    );
    // Units the office follows up stand out; those on time with unchanged figures do not.
    const standsOut = (code: string) => {
      const format = tab.formats?.[row(code)]?.[at] as { textFormat?: object } | null | undefined;
      return format?.textFormat !== undefined && "foregroundColor" in format.textFormat;
    };
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].filter(standsOut)).toEqual([
      "C",
      "D",
      "E",
      "F",
      "G",
      "H",
    ]);
  });

  it("adds the tab protected with a warning, like the other output tabs", async () => {
    const state = (await readSpreadsheet(P)) as unknown as {
      sheets: { title: string; protectedRanges?: { warningOnly?: boolean }[] }[];
    };
    const tab = state.sheets.find((s) => s.title === "Tình hình nộp báo cáo");
    expect(tab?.protectedRanges?.some((p) => p.warningOnly === true)).toBe(true);
  });
});
