import { describe, expect, it } from "vitest";
import { putAll, readSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, serial, templateTab, unitSeed } from "./helpers/seeds.ts";

// Ids unique to this file: the emulator is shared by every test file.
const P = "source-rows-tinh";
const UNIT = "source-rows-a";
const INSPECTIONS = "Chi tiết – Kiểm tra, giám sát";

/** An inspection of 2026 at `target`, valid. */
const inspection = (target: string) => [
  serial("2026-03-02"),
  "Ban Chỉ đạo cấp tỉnh",
  "Kiểm tra",
  "",
  target,
  "Doanh nghiệp",
  "",
  2,
  1,
  "",
];

describe("Dòng of a Chi tiết tab", () => {
  it("is the row's number in the unit's sheet, as a number", async () => {
    // Two title lines above the header (row 3), a blank row and a row with an error
    // between valid rows: the rows listed are at 4, 6 and 8 of the unit's sheet.
    const tab = templateTab(
      "inspections",
      [
        inspection("Công ty Bốn"),
        [],
        inspection("Công ty Sáu"),
        ["31/02/2026", ...inspection("Lỗi").slice(1)],
        inspection("Công ty Tám"),
      ],
      { above: [["BIỂU KIỂM TRA, GIÁM SÁT"], [""]] },
    );
    await putAll([
      provinceSeed(P, [["A", "Đơn vị A", UNIT]]),
      unitSeed(
        UNIT,
        "A",
        cleanUnitTabs().map((t) => (t.title === tab.title ? tab : t)),
      ),
    ]);
    expect((await runJob(P)).status).toBe("succeeded");

    const detail = (await readSpreadsheet(P)).sheets.find((s) => s.title === INSPECTIONS)!;
    const header = detail.values.findIndex((r) => r[0] === "Mã đơn vị");
    const line = detail.values[header]!.indexOf("Dòng");
    const targetAt = detail.values[header]!.indexOf("Đơn vị được kiểm tra");
    const listed = detail.values.flatMap((row, i) => {
      if (i <= header || row[0] !== "A") return [];
      return [{ target: row[targetAt], line: row[line] }];
    });
    expect(listed).toEqual([
      { target: "Công ty Bốn", line: 4 },
      { target: "Công ty Sáu", line: 6 },
      { target: "Công ty Tám", line: 8 },
    ]);
  });
});
