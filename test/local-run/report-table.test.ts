import { describe, expect, it } from "vitest";
import { METRIC_IDS, zeroMetrics } from "../../shared/metrics.ts";
import { reportTable } from "../../tools/local-run/report-table.ts";

function figures(values: Record<string, number>): Record<string, number> {
  return { ...zeroMetrics(), ...values };
}

/** The cells of the printed line whose label is `label` (two or more spaces apart). */
function cellsOf(table: string, label: string): string[] | undefined {
  return table
    .split("\n")
    .map((line) => line.trim().split(/ {2,}/))
    .find((cells) => cells[0] === label);
}

describe("npm start's report table", () => {
  it("shows this period, the same period last year and So sánh (%), blank when last year is 0", () => {
    const table = reportTable({
      period: { id: "2026" },
      total: figures({ inspections: 24, inspectionVisits: 156, awards: 40, invalidRows: 6 }),
      comparison: {
        samePeriodLastYear: {
          id: "2025",
          total: figures({ inspections: 9, inspectionVisits: 70 }),
        },
        previousPeriod: null,
      },
    });
    expect(cellsOf(table, "Số cuộc kiểm tra, giám sát")).toEqual([
      "Số cuộc kiểm tra, giám sát",
      "cuộc",
      "24",
      "9",
      "267",
    ]);
    expect(cellsOf(table, "Số lượt cơ sở được kiểm tra, giám sát")?.slice(2)).toEqual([
      "156",
      "70",
      "223",
    ]);
    expect(cellsOf(table, "Tổng số lượt khen thưởng")?.slice(2)).toEqual(["40", "0"]);
    // Rows left out for errors count every period: never compared.
    expect(cellsOf(table, "Số dòng lỗi chưa được tính")?.slice(2)).toEqual(["6"]);
    expect(table).not.toContain("Kỳ trước");
    expect(table).toContain("I. Kiểm tra, giám sát");
    // Every metric of the report is printed once.
    const printed = table.split("\n").filter((l) => /^ {2}\S/.test(l) || /^ {4}\S/.test(l));
    expect(printed).toHaveLength(METRIC_IDS.length);
  });

  it("adds Kỳ trước for a quarter", () => {
    const table = reportTable({
      period: { id: "2026-Q1" },
      total: figures({ dialogues: 12 }),
      comparison: {
        samePeriodLastYear: { id: "2025-Q1", total: figures({ dialogues: 8 }) },
        previousPeriod: { id: "2025-Q4", total: figures({ dialogues: 15 }) },
      },
    });
    expect(table.split("\n")[0]).toContain("Kỳ trước (2025-Q4)");
    expect(cellsOf(table, "Số cuộc đối thoại trực tiếp với Nhân dân")?.slice(2)).toEqual([
      "12",
      "8",
      "150",
      "15",
    ]);
  });
});
