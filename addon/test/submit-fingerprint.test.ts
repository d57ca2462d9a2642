import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/periods.ts";
import { readUnit } from "../../shared/read-unit.ts";
import { fingerprint } from "../../shared/submission/fingerprint.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { arbRow, cleanCell } from "../../test/support/arbitraries.ts";
import type { ReportContext, SubmissionPreview } from "../src/submission/submission-api.ts";
import { DATE_FORMAT } from "../src/templates/column-formats.ts";
import { callGlobal, loadBundle } from "./load-bundle.ts";

const ZONES = ["Asia/Ho_Chi_Minh", "Asia/Bangkok", "Europe/London", "America/New_York"];

const arbRows = fc.record(
  Object.fromEntries(TEMPLATES.map((t) => [t.id, fc.array(arbRow(t), { maxLength: 5 })])),
) as fc.Arbitrary<Record<string, Record<string, string | number | null>[]>>;

describe("Mã kiểm tra: the add-on bundle and shared/ agree", () => {
  it("from getValues() Dates in the bundle's V8 sandbox = from UNFORMATTED_VALUE serials", () => {
    let withRows = 0;
    fc.assert(
      fc.property(arbRows, fc.constantFrom(...ZONES), fc.nat(), (rows, zone, pick) => {
        const { fake, scope } = loadBundle({ timeZone: zone });
        callGlobal(scope, "menuCreateTemplates");
        for (const template of TEMPLATES) {
          const sheet = fake.spreadsheet.getSheetByName(template.title)!;
          const dateColumn = template.columns.findIndex((c) => c.key === template.dateKey) + 1;
          const cells = (rows[template.id] ?? []).map((row) =>
            template.columns.map((c) => cleanCell(c, row[c.key] ?? null)),
          );
          sheet.put(3, cells, { [dateColumn]: DATE_FORMAT });
        }
        const context = callGlobal(scope, "getReportContext") as ReportContext;
        // Prefer a period that holds rows, so the property compares real fingerprints
        // and not mostly the empty period's; start from a random one.
        const previewOf = (id: string) =>
          JSON.parse(
            JSON.stringify(callGlobal(scope, "previewSubmission", id)),
          ) as SubmissionPreview;
        const count = context.periods.length;
        let choice = context.periods[pick % count]!;
        let preview = previewOf(choice.id);
        for (let step = 1; step < count && preview.table.rows === 0; step++) {
          choice = context.periods[(pick + step) % count]!;
          preview = previewOf(choice.id);
        }

        // What the Worker reads: the stored cells, dates as serial numbers.
        const stored = fake.spreadsheet.getSheets().map((s) => ({
          title: s.getName(),
          values: s.stored(1, 1, s.getLastRow(), s.getLastColumn()),
        }));
        const period = resolvePeriod(choice.id, context.rule)!;
        expect(preview.fingerprint).toBe(fingerprint(readUnit(stored).rows, period));
        expect(preview.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        if (preview.table.rows > 0) withRows++;
      }),
      { numRuns: 40 },
    );
    // Most runs compare periods that hold rows, not only the empty period's fingerprint.
    expect(withRows).toBeGreaterThan(20);
  });
});
