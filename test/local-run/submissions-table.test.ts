import { describe, expect, it } from "vitest";
import { submissionsTable } from "../../tools/local-run/submissions-table.ts";

const none = {
  status: "notSubmitted",
  submittedAt: null,
  daysLate: null,
  changedAfterSubmission: false,
  by: null,
} as const;

/** The cells of the printed line that starts with `code` (two or more spaces apart). */
function cellsOf(table: string, code: string): string[] | undefined {
  return table
    .split("\n")
    .map((line) => line.split(/ {2,}/))
    .find((cells) => cells[0] === code);
}

describe("npm start's submissions table", () => {
  const table = submissionsTable({
    period: { dueDate: "2026-11-15" },
    completeness: {
      expected: 4,
      submitted: 3,
      onTime: 2,
      late: 1,
      notSubmitted: 1,
      changedAfterSubmission: 1,
    },
    units: [
      {
        code: "H01",
        name: "Đúng hạn",
        submission: {
          status: "onTime",
          submittedAt: "2026-11-10T02:30:00.000Z",
          daysLate: 0,
          changedAfterSubmission: false,
          by: "Nguyễn Văn A",
        },
      },
      {
        code: "H02",
        name: "Muộn",
        submission: {
          status: "late",
          submittedAt: "2026-11-18T01:00:00.000Z",
          daysLate: 3,
          changedAfterSubmission: false,
          by: null,
        },
      },
      {
        code: "H03",
        name: "Sửa sau",
        submission: {
          status: "onTime",
          submittedAt: "2026-11-14T17:00:00.000Z",
          daysLate: 0,
          changedAfterSubmission: true,
          by: "Trần Thị B",
        },
      },
      { code: "H04", name: "Chưa nộp", submission: none },
    ],
  });

  it("gives the due day and the reporting rate first", () => {
    const lines = table.split("\n");
    expect(lines[0]).toBe("Hạn nộp: hết ngày 15/11/2026 (giờ Việt Nam)");
    expect(lines[1]).toBe("Đã nộp báo cáo: 3/4 đơn vị (75%), đúng hạn 2/4 (50%)");
    expect(lines[2]).toBe("Nộp muộn: 1, chưa nộp: 1, đã sửa sau khi nộp: 1");
  });

  it("lists whom to call first, each with its status and Vietnam time", () => {
    const codes = table
      .split("\n")
      .map((l) => l.split(" ")[0])
      .filter((c) => /^H\d\d$/.test(c ?? ""));
    expect(codes).toEqual(["H04", "H02", "H01", "H03"]);
    expect(cellsOf(table, "H04")).toEqual(["H04", "Chưa nộp", "Chưa nộp"]);
    expect(cellsOf(table, "H02")).toEqual(["H02", "Muộn", "Nộp muộn 3 ngày", "08:00 18/11/2026"]);
    expect(cellsOf(table, "H03")).toEqual([
      "H03",
      "Sửa sau",
      "Đúng hạn; Đã sửa sau khi nộp",
      "00:00 15/11/2026",
      "Trần Thị B",
    ]);
  });
});
