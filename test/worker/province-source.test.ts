import { describe, expect, it } from "vitest";
import type { DriveListing } from "../../worker/consolidation/changed-units.ts";
import { DRIVE_MARGIN_MS } from "../../worker/consolidation/drive-margin.ts";
import { loadProvince } from "../../worker/consolidation/province-source.ts";
import type { ProvinceLayout, ProvinceValues } from "../../worker/consolidation/read-province.ts";
import { SheetsApiError, type SheetsClient } from "../../worker/sheets/client.ts";
import type { ProvinceInputs } from "../../worker/storage/province-input-repository.ts";

const P = "prov";
const NOW = Date.parse("2026-11-30T10:00:00.000Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;

const registryRows = (name: string) => [
  ["Mã đơn vị", "Tên đơn vị", "Bảng tính", "Ghi chú"],
  ["U1", name, "sheet-u1", ""],
];
const layout: ProvinceLayout = {
  title: "Tỉnh",
  sheets: [
    { sheetId: 1, title: "Đơn vị" },
    { sheetId: 2, title: "Cấu hình" },
  ],
  protectedSheetIds: [],
  chartIds: [],
};
const remembered: ProvinceValues = {
  registry: registryRows("Xã Nhớ"),
  settings: [["Kỳ báo cáo", "2026"]],
  wording: null,
};

/** A province the Worker last read 30 minutes ago and last wrote 20 minutes ago. */
const stored = (over: Partial<ProvinceInputs> = {}): ProvinceInputs => ({
  registryTitle: "Đơn vị",
  settingsTitle: "Cấu hình",
  wordingTitle: null,
  inputHash: "h",
  periodId: "2026",
  writtenDay: "2026-11-30",
  writtenAt: ago(20 * MIN),
  content: remembered,
  contentReadAt: ago(30 * MIN),
  layout,
  layoutAt: ago(20 * MIN),
  layoutReadAt: ago(30 * MIN),
  ...over,
});

/** The province as Google has it now ("Xã Mới"), counting the calls made to it. */
function fakeGoogle(refuseBatchGet = false) {
  const calls: string[] = [];
  const client: SheetsClient = {
    serviceAccountEmail: "sa@example.iam.gserviceaccount.com",
    getSpreadsheet: (async () => {
      calls.push("get");
      return {
        properties: { title: "Tỉnh" },
        sheets: layout.sheets.map((properties) => ({ properties })),
      };
    }) as SheetsClient["getSpreadsheet"],
    getSpreadsheetValues: async () => {
      throw new Error("the province's tabs are listed, never read whole");
    },
    batchGetValues: async (_id, ranges) => {
      calls.push("batchGet");
      if (refuseBatchGet && calls.length === 1) {
        throw new SheetsApiError({
          kind: "invalid-argument",
          message: "Unable to parse range",
          operation: "batchGetValues",
        });
      }
      return {
        spreadsheetId: P,
        valueRanges: ranges.map((range) => ({
          range,
          values: range.includes("Đơn vị") ? registryRows("Xã Mới") : [],
        })),
      };
    },
    batchUpdate: async () => {
      throw new Error("no write here");
    },
  };
  return { client, calls };
}

const listed = (modifiedAgo?: number): DriveListing => ({
  ok: true,
  since: ago(35 * MIN),
  publishedFrom: ago(30 * MIN),
  calls: 1,
  files: new Map(modifiedAgo === undefined ? [] : [[P, ago(modifiedAgo)]]),
});

describe("which reads of the province's own spreadsheet a run makes", () => {
  const cases: {
    name: string;
    stored: ProvinceInputs | null;
    listing: DriveListing | null;
    calls: string[];
    refuse?: boolean;
  }[] = [
    {
      name: "no succeeded run to compare with",
      stored: stored(),
      listing: null,
      calls: ["get", "batchGet"],
    },
    {
      name: "Drive failing",
      stored: stored(),
      listing: { ok: false, reason: "Drive 503", calls: 1 },
      calls: ["get", "batchGet"],
    },
    { name: "nothing in D1 yet", stored: null, listing: listed(), calls: ["get", "batchGet"] },
    {
      name: "a row from before the cells were kept",
      stored: stored({ content: null, layout: null }),
      listing: listed(),
      calls: ["get", "batchGet"],
    },
    { name: "Drive does not list it", stored: stored(), listing: listed(), calls: [] },
    {
      name: "listed, but modified well before its cells were read",
      stored: stored(),
      listing: listed(30 * MIN + DRIVE_MARGIN_MS + 1),
      calls: [],
    },
    {
      name: "modified by our own write (the cells again, no tab list)",
      stored: stored(),
      listing: listed(20 * MIN),
      calls: ["batchGet"],
    },
    {
      name: "modified after our write: someone else's edit",
      stored: stored(),
      listing: listed(10 * MIN),
      calls: ["get", "batchGet"],
    },
    {
      name: "its tabs not listed for a day",
      stored: stored({ layoutReadAt: ago(25 * 60 * MIN) }),
      listing: listed(),
      calls: ["get", "batchGet"],
    },
    {
      name: "a remembered title gone",
      stored: stored(),
      listing: listed(20 * MIN),
      refuse: true,
      calls: ["batchGet", "get", "batchGet"],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { client, calls } = fakeGoogle(c.refuse);
      const source = await loadProvince(client, {
        provinceId: P,
        stored: c.stored,
        listing: c.listing,
        now: () => NOW,
      });
      expect(calls).toEqual(c.calls);
      // What was read is what the run uses; with no read, what D1 remembered.
      const name = source.province.registry.units[0]?.name;
      expect(name).toBe(c.calls.length === 0 ? "Xã Nhớ" : "Xã Mới");
      expect(source.contentReadAt).toBe(c.calls.length === 0 ? null : new Date(NOW).toISOString());
      expect(source.layoutReadAt !== null).toBe(c.calls.includes("get"));
    });
  }
});
