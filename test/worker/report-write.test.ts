import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { METRICS } from "../../shared/metrics.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { computeTotals } from "../../worker/consolidation/totals.ts";
import { putAll, readSpreadsheet, type SheetState, writesTo } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, type Seed, templateTab, unitSeed } from "./helpers/seeds.ts";

// Ids unique to this file: the emulator is shared by every test file.
const P = "report-write-tinh";
const OUTPUT_TABS = [
  "Tổng hợp",
  "Theo đơn vị",
  "Chi tiết – Kiểm tra, giám sát",
  "Chi tiết – Khen thưởng",
  "Chi tiết – Đối thoại",
  "Chi tiết – Tập huấn, hội nghị",
  "Lỗi dữ liệu",
  "Nhật ký",
];
// A value as long as a cell may hold, typed into a count cell: its echo in Lỗi dữ liệu
// (value and message) must still fit Google's 50,000 characters.
const HUGE = "9".repeat(49_990);

function province(): Seed {
  return {
    spreadsheetId: P,
    properties: { title: "Tỉnh thử báo cáo", locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
    sheets: [
      {
        title: "Đơn vị",
        values: [
          [
            "Mã đơn vị",
            "Tên đơn vị",
            "Bảng tính",
            "Ghi chú",
            "Người liên hệ",
            "Điện thoại",
            "Email",
          ],
          ["A", "Phường A", "report-write-a", "", "Trần Thị B", "0912 000 111", "b@example.vn"],
          ["B", "Xã B", "report-write-b", "", "Lê Văn C", "0913 000 222", ""],
          ["C", "Xã C", "", "chưa có bảng tính"],
        ],
      },
      {
        title: "Cấu hình",
        values: [
          ["Kỳ báo cáo", "2026-Q2"],
          ["Quy tắc kỳ", "Nghị định 09"],
        ],
      },
    ],
  };
}

function unitB(): Seed {
  const tabs = cleanUnitTabs().map((tab) => {
    if (tab.title !== "Đối thoại") return tab;
    // One row with a 49,990-character count: an error that echoes the value.
    return templateTab("dialogues", [
      ...tab.values!.slice(1),
      ["05/04/2026", "Chủ tịch UBND", "Thôn 2", HUGE, 3, 1],
    ]);
  });
  return unitSeed("report-write-b", "B", tabs);
}

type Runs = { startIndex?: number; format?: { link?: { uri?: string } } }[];

const byTitle = async () =>
  new Map(
    (await readSpreadsheet(P)).sheets.map((s) => [
      s.title,
      s as SheetState & Record<string, unknown>,
    ]),
  );

describe("the v2 output, read back from the emulator", () => {
  it("writes every tab in one write, protected with a warning, and the report reads right", async () => {
    await putAll([province(), unitSeed("report-write-a", "A", cleanUnitTabs()), unitB()]);
    expect((await runJob(P)).status).toBe("succeeded");
    const since = Date.now();
    const second = await runJob(P);
    expect(second.status).toBe("succeeded");
    expect((await writesTo(P, since)).map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /v4/spreadsheets/${P}:batchUpdate`,
    ]);
    const tabs = await byTitle();
    for (const title of OUTPUT_TABS) {
      const protections = (tabs.get(title)?.protectedRanges ?? []) as { warningOnly?: boolean }[];
      // Added once, not once per run.
      expect(protections, title).toHaveLength(1);
      expect(protections[0]?.warningOnly, title).toBe(true);
    }

    // Tổng hợp: the province's figures for 2026-Q2 beside 2025-Q2 and 2026-Q1.
    const period = resolvePeriod("2026-Q2")!;
    const totals = await computeTotals(env.DB, P, period, new Date());
    const summary = tabs.get("Tổng hợp")!.values;
    const header = summary.findIndex((r) => r[0] === "STT");
    expect(summary[header]).toEqual([
      "STT",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Kỳ này",
      "Cùng kỳ năm trước",
      "So sánh (%)",
      "Kỳ trước",
    ]);
    for (const metric of METRICS) {
      const row = summary.find((r) => String(r[1]).trim() === metric.label);
      expect(row?.[3] ?? 0, metric.id).toBe(totals.total[metric.id]);
    }

    // Theo đơn vị: a grouped header, frozen panes, every unit in registry order, Toàn tỉnh.
    const byUnit = tabs.get("Theo đơn vị")!;
    expect(byUnit.values.slice(2).map((r) => r[0])).toEqual(["A", "B", "C", "Toàn tỉnh"]);
    expect((byUnit.merges as unknown[]).length).toBeGreaterThan(1);
    expect(byUnit.properties.gridProperties.frozenRowCount).toBe(2);

    // Chi tiết: a filter on the header, the source row number last.
    const detail = tabs.get("Chi tiết – Đối thoại")!;
    expect(detail.values[0]?.at(-1)).toBe("Dòng");
    expect(
      (detail.basicFilter as { range: { startRowIndex?: number } }).range.startRowIndex ?? 0,
    ).toBe(0);
    expect(detail.values.slice(1).map((r) => r[0])).toEqual(["A", "B"]);

    // Lỗi dữ liệu: names, contacts, the level, and a value cut to fit one cell.
    const errors = tabs.get("Lỗi dữ liệu")!.values;
    expect(errors[0]).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Mức độ",
      "Biểu",
      "Dòng",
      "Cột",
      "Giá trị",
      "Nội dung",
      "Người liên hệ",
      "Điện thoại",
    ]);
    const huge = errors.find((r) => r[0] === "B" && r[3] === "Đối thoại")!;
    expect(huge.slice(0, 3)).toEqual(["B", "Xã B", "Lỗi"]);
    expect(huge.slice(8)).toEqual(["Lê Văn C", "0913 000 222"]);
    for (const cell of huge) expect(String(cell).length).toBeLessThanOrEqual(50_000);
    expect(String(huge[6])).toBe(HUGE);
    expect(String(huge[7])).toMatch(/…\(đã cắt [\d.]+ ký tự\)$/);
    // Its Dòng opens that very cell: B's Đối thoại tab, column D (Số người dự), row 3.
    const errorsTab = tabs.get("Lỗi dữ liệu") as unknown as { textFormatRuns?: Runs[][] };
    const at = errors.indexOf(huge);
    const uri = errorsTab.textFormatRuns?.[at]?.[4]?.[0]?.format?.link?.uri;
    const dialogues = (await readSpreadsheet("report-write-b")).sheets.find(
      (t) => t.title === "Đối thoại",
    );
    const link = new URL(String(uri));
    expect(link.pathname).toBe("/spreadsheets/d/report-write-b/edit");
    const fragment = new URLSearchParams(link.hash.slice(1));
    expect([Number(fragment.get("gid")), fragment.get("range")]).toEqual([
      dialogues?.properties.sheetId,
      "D3",
    ]);
    expect(huge[4]).toBe("3");
    const levels = errors.slice(1).map((r) => r[2]);
    expect(
      levels.indexOf("Cảnh báo") === -1 || levels.lastIndexOf("Lỗi") < levels.indexOf("Cảnh báo"),
    ).toBe(true);

    // Nhật ký: newest first.
    const log = tabs.get("Nhật ký")!.values;
    expect(Number(log[1]?.[0])).toBeGreaterThanOrEqual(Number(log[2]?.[0]));
    expect(log).toHaveLength(3);
  });
});
