import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../cells/dates.ts";
import { readSubmissions } from "./read-submissions.ts";
import { SUBMISSION_TAB } from "./submission-tab.ts";
import { serialToInstant } from "./zone-time.ts";

const HEADER = SUBMISSION_TAB.columns.map((c) => c.header);
const vn = (local: string) => Date.parse(`${local}+07:00`);
// 02/10/2026 09:30 as a Sheets date-time serial.
const SERIAL = isoDateToSerial("2026-10-02") + (9.5 * 60) / (24 * 60);

describe("the Nộp báo cáo tab", () => {
  it("has the headers of docs/domain.md, in order", () => {
    expect(HEADER).toEqual([
      "Kỳ báo cáo",
      "Quy tắc kỳ",
      "Thời điểm nộp",
      "Người nộp",
      "Số dòng",
      "Mã kiểm tra",
      "Ghi chú",
    ]);
  });
});

describe("readSubmissions", () => {
  it("reads serials in the sheet's time zone, Dates and typed times, under either rule", () => {
    const read = readSubmissions([
      ["NỘP BÁO CÁO"],
      HEADER,
      ["2026-q3", "Năm dương lịch", SERIAL, "Nguyễn Thị Lan", 12, "0123456789ABCDEF", ""],
      [
        "2026-Q3",
        "nghị định 09",
        new Date(vn("2026-10-03T08:00:00")),
        "Lan",
        "1.200",
        "",
        "Nộp lại",
      ],
      [],
      ["2026", "", "05/01/2027 7:05", " Trần  Văn B ", null, "abc", null],
    ]);
    expect(read.issues).toEqual([]);
    expect(read.submissions).toEqual([
      {
        sheetRow: 3,
        periodId: "2026-Q3",
        rule: "calendar",
        submittedAt: vn("2026-10-02T09:30:00"),
        by: "Nguyễn Thị Lan",
        rows: 12,
        fingerprint: "0123456789abcdef",
        note: "",
      },
      {
        sheetRow: 4,
        periodId: "2026-Q3",
        rule: "decree09",
        submittedAt: vn("2026-10-03T08:00:00"),
        by: "Lan",
        rows: 1200,
        fingerprint: "",
        note: "Nộp lại",
      },
      {
        sheetRow: 6,
        periodId: "2026",
        rule: "decree09",
        submittedAt: vn("2027-01-05T07:05:00"),
        by: "Trần Văn B",
        rows: null,
        fingerprint: "abc",
        note: "",
      },
    ]);
  });

  it("reads a serial in another zone of the sheet, and Vietnam's for an unknown zone", () => {
    const at = (zone: string) => readSubmissions([HEADER, ["2026-Q3", "", SERIAL]], zone);
    expect(at("Europe/Berlin").submissions[0]?.submittedAt).toBe(
      Date.parse("2026-10-02T09:30:00+02:00"),
    );
    expect(at("No/Such_Zone").submissions[0]?.submittedAt).toBe(vn("2026-10-02T09:30:00"));
    // Winter time in Berlin: the offset of that date, not of today.
    const january = isoDateToSerial("2026-01-15") + 0.5;
    expect(serialToInstant(january, "Europe/Berlin")).toBe(Date.parse("2026-01-15T12:00:00+01:00"));
  });

  it("lists rows without a readable period, rule or time and leaves them out", () => {
    const read = readSubmissions([
      HEADER,
      ["quý 3", "Năm dương lịch", SERIAL],
      ["2026-Q3", "Âm lịch", SERIAL],
      ["2026-Q3", "Năm dương lịch", "hôm qua"],
      ["2026-Q3", "Năm dương lịch", "02/10/2026 25:00"],
    ]);
    expect(read.submissions).toEqual([]);
    expect(read.issues.map((i) => [i.severity, i.tab, i.row, i.column, i.value])).toEqual([
      ["error", "Nộp báo cáo", 2, "Kỳ báo cáo", "quý 3"],
      ["error", "Nộp báo cáo", 3, "Quy tắc kỳ", "Âm lịch"],
      ["error", "Nộp báo cáo", 4, "Thời điểm nộp", "hôm qua"],
      ["error", "Nộp báo cáo", 5, "Thời điểm nộp", "02/10/2026 25:00"],
    ]);
  });

  it("is empty for an absent or empty tab, and says so when the header is lost", () => {
    expect(readSubmissions(undefined)).toEqual({ submissions: [], issues: [] });
    expect(readSubmissions([[], [""]])).toEqual({ submissions: [], issues: [] });
    const lost = readSubmissions([["2026-Q3", "Năm dương lịch", SERIAL]]);
    expect(lost.submissions).toEqual([]);
    expect(lost.issues[0]?.message).toContain("không tìm thấy dòng tiêu đề");
  });
});
