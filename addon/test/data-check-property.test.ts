import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readUnit } from "../../shared/read-unit.ts";
import { inspections } from "../../shared/templates/index.ts";
import { runDataCheck } from "../src/check/run-check.ts";
import { toUnformatted } from "../src/check/sheet-values.ts";
import { vietnamToday } from "../src/gas/vietnam-today.ts";
import { DATE_FORMAT } from "../src/templates/column-formats.ts";
import { createTemplates } from "../src/templates/create-templates.ts";
import { createFakeAppsScript } from "./fake-spreadsheet-app.ts";
import { formatDate, serialToDate } from "./fake-time-zone.ts";

const ZONES = ["Asia/Ho_Chi_Minh", "Europe/London", "America/New_York", "Pacific/Kiritimati"];

// Whole days, or days and a half (what "05/06/2026 12:00" stores), around 1990–2110.
const serial = fc
  .tuple(fc.integer({ min: 32_874, max: 76_700 }), fc.constantFrom(0, 0.5))
  .map(([day, part]) => day + part);

const cellFor: Record<string, fc.Arbitrary<unknown>> = {
  date: fc.oneof(serial, fc.constantFrom("05/06/2026", "31/02/2026", "2026-13-01", "hôm qua", "")),
  count: fc.oneof(
    fc.integer({ min: -5, max: 3000 }),
    fc.constantFrom("1.500", "-", "không", "1,5", "abc", "", 2.5),
  ),
  enum: fc.constantFrom(
    "BCĐ tỉnh",
    "Ban Chỉ đạo cấp xã",
    "kiểm tra",
    "Giám sát",
    "Khác",
    "Hội đồng",
    "",
    "MTTQ",
  ),
  text: fc.constantFrom(
    "UBND xã Hòa Bình",
    "Hoà Bình".normalize("NFD"),
    "",
    "  Trường  A ",
    "Tổng cộng",
  ),
};

const row = fc.tuple(...inspections.columns.map((c) => cellFor[c.type]!));

describe("Kiểm tra dữ liệu, any cells", () => {
  it("reports what shared/ reports on the stored (UNFORMATTED) values", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom(...ZONES), (rows, zone) => {
        const fake = createFakeAppsScript({ timeZone: zone });
        createTemplates(fake.context());
        const sheet = fake.spreadsheet.getSheetByName(inspections.title)!;
        sheet.put(3, rows, { 1: DATE_FORMAT });
        const expected = readUnit(
          fake.spreadsheet.getSheets().map((s) => ({
            title: s.getName(),
            values: s.stored(1, 1, Math.max(s.getLastRow(), 2), Math.max(s.getLastColumn(), 1)),
          })),
          { today: vietnamToday(fake.context()) },
        ).issues;
        const report = runDataCheck(fake.context());
        expect(report.issues.map((i) => [i.severity, i.row, i.column, i.message])).toEqual(
          expected.map((i) => [i.severity, i.row, i.column, i.message]),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("turns getValues() dates back into the serial the cell holds", () => {
    fc.assert(
      fc.property(serial, fc.constantFrom(...ZONES), (value, zone) => {
        expect(toUnformatted(serialToDate(value, zone), zone, formatDate)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
