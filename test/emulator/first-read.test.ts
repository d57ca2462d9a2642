// A unit's first read is ONE spreadsheets.get with grid data (issue 14). Its rows must be
// exactly those values.batchGet gives (UNFORMATTED_VALUE, SERIAL_NUMBER), so the unit's
// figures cannot depend on which way it was read: both ways are driven here against the
// same random spreadsheets, the two-call way forced by a tiny answer-size limit.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { createServiceAccountTokenProvider } from "../../worker/auth/token-provider.ts";
import { readUnitSheet } from "../../worker/consolidation/read-unit-sheet.ts";
import { a1Range, createSheetsClient, type SheetsClient } from "../../worker/sheets/client.ts";
import { clipColumns } from "../../worker/sheets/grid-values.ts";
import { templateTab, unitSeed } from "../worker/helpers/seeds.ts";
import { putSeed } from "./seed-client.ts";
import type { SeedCell, SeedSheet } from "./seed-format.ts";
import { type Emulator, startEmulator } from "./server.ts";

let emu: Emulator;
let client: SheetsClient;
const wire: URL[] = [];

beforeAll(async () => {
  emu = await startEmulator({ quota: { reads: 100_000, writes: 100_000 } });
  const key = emu.serviceAccountKey!;
  client = createSheetsClient({
    baseUrl: emu.url,
    tokenProvider: createServiceAccountTokenProvider({
      keyJson: JSON.stringify(key),
      tokenUrl: key.token_uri,
    }),
    retry: { maxAttempts: 1 },
    // The emulator's quota is lifted; so is ours (60 reads a minute would pace the runs).
    quota: { reads: { limit: 100_000, windowMs: 60_000 } },
    fetch: (input, init) => {
      wire.push(new URL(String(input)));
      return fetch(input, init);
    },
  });
});

afterAll(async () => {
  await emu.close();
});

const WORDS = ["Khen thưởng", "Xã Tân Phú", "0123", "=1+1", "'quote", " ", "Ý kiến", "TRUE"];
const cell: fc.Arbitrary<SeedCell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
  {
    weight: 1,
    arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  },
  // Dates and times as serial numbers (2009–2036, with a time of day).
  { weight: 1, arbitrary: fc.integer({ min: 40_000_000, max: 50_000_000 }).map((n) => n / 1000) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...WORDS)
      .chain((w) => fc.constantFrom(w, w.normalize("NFD"), w.toUpperCase())),
  },
  { weight: 1, arbitrary: fc.boolean() },
);
/** Some rows, some wider than the 26 columns a template tab is read to. */
const grid = fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 7 });
/** The same shape of formula grid: a formula reads as an error (`#NAME?` here). */
const formulas = fc.array(
  fc.array(fc.option(fc.constant("=SUM(A1:A2)"), { freq: 8 }), { maxLength: 12 }),
  { maxLength: 4 },
);

interface UnitShape {
  readonly tabs: readonly { present: boolean; nfd: boolean; rows: SeedCell[][] }[];
  readonly submission: SeedCell[][] | null;
  readonly lookAlike: boolean;
  readonly extra: SeedCell[][] | null;
  readonly errors: (string | null)[][];
}

const unitShape: fc.Arbitrary<UnitShape> = fc.record({
  tabs: fc.array(fc.record({ present: fc.boolean(), nfd: fc.boolean(), rows: grid }), {
    minLength: TEMPLATES.length,
    maxLength: TEMPLATES.length,
  }),
  submission: fc.option(grid),
  lookAlike: fc.boolean(),
  extra: fc.option(grid),
  errors: formulas,
});

function sheetsOf(shape: UnitShape): SeedSheet[] {
  const sheets: SeedSheet[] = [];
  TEMPLATES.forEach((t, i) => {
    const tab = shape.tabs[i]!;
    if (!tab.present) return;
    const title = tab.nfd ? t.title.normalize("NFD") : t.title;
    sheets.push({ ...templateTab(t.id, tab.rows, { title }), formulas: i ? [] : shape.errors });
  });
  const first = sheets[0];
  // The same title typed another way: reported, not silently dropped.
  if (shape.lookAlike && first) {
    const other = first.title === first.title.normalize("NFC") ? "NFD" : "NFC";
    sheets.push({ title: first.title.normalize(other), values: [["x"]] });
  }
  if (shape.submission) sheets.push({ title: "Nộp báo cáo", values: shape.submission });
  // A spreadsheet has at least one tab.
  if (shape.extra || sheets.length === 0)
    sheets.push({ title: "Ghi chú riêng", values: shape.extra ?? [] });
  return sheets;
}

describe("a unit's first read in one call", () => {
  it("gives every tab exactly the rows batchGet gives", async () => {
    await fc.assert(
      fc.asyncProperty(unitShape, async (shape) => {
        const id = "first-read-rows";
        await putSeed(emu.url, unitSeed(id, "U", sheetsOf(shape)));
        const whole = await client.getSpreadsheetValues(id);
        for (const [columns, range] of [
          [26, "A1:Z"],
          [10, "A1:J"],
        ] as const) {
          const { valueRanges } = await client.batchGetValues(
            id,
            whole.sheets.map((s) => a1Range(s.title, range)),
          );
          expect(whole.sheets.map((s) => clipColumns(s.values, columns))).toEqual(
            valueRanges.map((r) => r.values),
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it("reads the same unit, titles, sheetIds and submissions as the two-call read", async () => {
    await fc.assert(
      fc.asyncProperty(unitShape, async (shape) => {
        const id = "first-read-unit";
        await putSeed(emu.url, unitSeed(id, "U", sheetsOf(shape)));
        const before = wire.length;
        const oneCall = await readUnitSheet(client, id, null);
        const calls = wire.slice(before).map((u) => u.pathname + u.search);
        expect(calls).toHaveLength(1);
        expect(calls[0]).toContain("includeGridData=true");
        const twoCalls = await readUnitSheet(client, id, null, undefined, {}, { maxGridBytes: 1 });
        // The abandoned answer, then the tab list and one batchGet (none when the unit has
        // no tab to read).
        const anyTab = shape.tabs.some((t) => t.present) || shape.submission !== null;
        expect(wire.length - before).toBe(anyTab ? 4 : 3);
        expect(oneCall).toEqual(twoCalls);
        if (shape.lookAlike && shape.tabs.some((t) => t.present)) {
          expect(oneCall.read.issues.some((i) => i.message.includes("trùng tên"))).toBe(true);
        }
      }),
      {
        numRuns: 40,
        // A unit with no tab to read (found by fast-check): two calls, no batchGet.
        examples: [
          [
            {
              tabs: TEMPLATES.map(() => ({ present: false, nfd: false, rows: [] })),
              submission: null,
              lookAlike: false,
              extra: null,
              errors: [],
            },
          ],
        ],
      },
    );
  });

  it("reads an error cell as its code, as batchGet does", async () => {
    const id = "first-read-errors";
    await putSeed(emu.url, unitSeed(id, "U", [{ title: "Lỗi", values: [["a"]] }]));
    const types = ["N_A", "DIVIDE_BY_ZERO", "REF", "VALUE", "NUM", "NULL_VALUE", "ERROR"];
    await client.batchUpdate(id, [
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 1, columnIndex: 0 },
          rows: [
            {
              values: types.map((type) => ({
                userEnteredValue: { errorValue: { type, message: "x" } },
              })) as never,
            },
          ],
          fields: "userEnteredValue",
        },
      },
    ]);
    const whole = await client.getSpreadsheetValues(id);
    const { valueRanges } = await client.batchGetValues(id, [a1Range("Lỗi")]);
    const expected = [["a"], ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NUM!", "#NULL!", "#ERROR!"]];
    expect(whole.sheets[0]!.values).toEqual(expected);
    expect(valueRanges[0]!.values).toEqual(expected);
  });
});
