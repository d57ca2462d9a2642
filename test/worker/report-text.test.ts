import { beforeAll, describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../shared/metrics.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { readWordingRows, WORDING_TAB } from "../../shared/report-text/compose-report.ts";
import {
  REPORT_TEXT_TAB,
  REPORT_TEXT_TITLE,
  reportTextTab,
} from "../../worker/consolidation/output/report-text-tab.ts";
import { planTabs } from "../../worker/consolidation/output/tab-plan.ts";
import { a1Range, type SheetsClient } from "../../worker/sheets/client.ts";
import { putAll, readSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";
import {
  emulatorClient,
  registerServiceAccount,
  seedSpreadsheet,
  spreadsheetState,
  uniqueId,
} from "./sheets-emulator-control.ts";

const period = resolvePeriod("2026-Q3")!; // decree09: 15/06/2026 – 14/09/2026
const zero = Object.fromEntries(METRIC_IDS.map((id) => [id, 0]));
const figures = {
  total: { ...zero, inspections: 12, inspectionVisits: 71, awards: 1500, dialogues: 9 },
  lastYear: { ...zero, inspections: 10, inspectionVisits: 85, awards: 1500, dialogues: 0 },
  previous: { ...zero, inspections: 7 },
  units: { fresh: 5, stale: 0, unreadable: 0, missing: 1 },
  reportingRate: {
    expected: 6,
    submitted: 5,
    onTime: 4,
    late: 1,
    notSubmitted: 1,
    changedAfterSubmission: 0,
  },
};

let client: SheetsClient;
beforeAll(async () => {
  client = emulatorClient((await registerServiceAccount()).keyJson);
});

async function province(extraTabs: { title: string; values: string[][] }[] = []) {
  return seedSpreadsheet({
    spreadsheetId: uniqueId("bao-cao"),
    properties: { title: "Tỉnh thử báo cáo" },
    sheets: [{ title: "Đơn vị", values: [["Mã đơn vị", "Tên đơn vị", "Bảng tính"]] }, ...extraTabs],
  });
}

/** The province's wording as the run reads it: column A of `Mẫu báo cáo`, if the tab exists. */
async function wordingOf(id: string) {
  const { sheets } = await client.getSpreadsheet(id);
  const tab = sheets.find((s) => s.properties.title === WORDING_TAB);
  if (!tab) return null;
  const { valueRanges } = await client.batchGetValues(id, [a1Range(tab.properties.title, "A1:A")]);
  return readWordingRows(valueRanges[0]!.values);
}

async function writeReport(id: string) {
  const { sheets } = await client.getSpreadsheet(id);
  const out = reportTextTab({
    ...figures,
    period,
    generatedAt: "2026-09-20T03:00:00.000Z",
    wording: await wordingOf(id),
  });
  await client.batchUpdate(
    id,
    planTabs(
      sheets.map((s) => s.properties),
      [out.tab],
    ),
  );
  const state = await spreadsheetState(id);
  const sheet = state.sheets.find((s) => s.title === REPORT_TEXT_TAB)!;
  return { problems: out.problems, sheet, values: sheet.values as unknown[][] };
}

describe("Báo cáo", () => {
  it("writes the built-in draft: title, period, then one wrapped paragraph per row", async () => {
    const { values, sheet, problems } = await writeReport(await province());
    expect(problems).toEqual([]);
    expect(values[0]).toEqual([REPORT_TEXT_TITLE]);
    expect(values[1]).toEqual([
      "Kỳ báo cáo: Quý III năm 2026 (từ 15/06/2026 đến 14/09/2026, theo mốc thống kê của Nghị định 09/2019/NĐ-CP)",
    ]);
    expect(String(values[2]![0])).toContain("10:00 20/09/2026");
    const paragraphs = values.slice(4).map((r) => r[0]);
    expect(paragraphs).toHaveLength(5);
    // 5/6 = 83,3% → 83%; 4/6 = 66,7% → 67%.
    expect(paragraphs[0]).toBe(
      "Trong quý III năm 2026 (từ ngày 15/06/2026 đến ngày 14/09/2026), có 5/6 đơn vị đã nộp báo cáo (đạt 83%), trong đó 4 đơn vị nộp đúng hạn (67%), 1 đơn vị nộp muộn; 1 đơn vị chưa nộp báo cáo; 0 đơn vị sửa số liệu sau khi nộp. Kết quả thực hiện dân chủ ở cơ sở trên địa bàn tỉnh như sau:",
    );
    // 12 against 10: +20%; 71 against 85: −14/85 = 16,47…% → 16,5%.
    expect(paragraphs[1]).toContain(
      "đã tổ chức 12 cuộc kiểm tra, giám sát (tăng 20% so với cùng kỳ năm 2025)",
    );
    expect(paragraphs[1]).toContain("tại 71 lượt cơ sở (giảm 16,5% so với cùng kỳ năm 2025)");
    expect(paragraphs[2]).toContain(
      "khen thưởng 1.500 lượt tập thể, cá nhân, hộ gia đình (bằng cùng kỳ)",
    );
    expect(paragraphs[3]).toContain(
      "9 cuộc đối thoại trực tiếp với Nhân dân (cùng kỳ năm 2025 không có)",
    );
    // One wide column, every paragraph wrapped and aligned to the top of its row.
    expect(sheet.columnMetadata?.["0"]).toMatchObject({ pixelSize: 900 });
    const formats = sheet.formats ?? [];
    for (let r = 4; r < 9; r++) {
      expect(formats[r]?.[0]).toMatchObject({ wrapStrategy: "WRAP", verticalAlignment: "TOP" });
    }
  });

  it("uses the province's own wording from Mẫu báo cáo and names its unknown placeholders", async () => {
    const id = await province([
      {
        title: WORDING_TAB,
        values: [
          [
            "Trong {period}, Ban Chỉ đạo các cấp đã thực hiện kiểm tra tại {inspectionVisits} cơ sở.",
          ],
          [""],
          ["So với kỳ trước: {inspections.previous} cuộc; {inspections.change}."],
          ["Số liệu {awardz} và {không có}."],
        ],
      },
    ]);
    const { values, problems } = await writeReport(id);
    expect(values.slice(4).map((r) => r[0])).toEqual([
      "Trong quý III năm 2026, Ban Chỉ đạo các cấp đã thực hiện kiểm tra tại 71 cơ sở.",
      "So với kỳ trước: 7 cuộc; tăng 20% so với cùng kỳ năm 2025.",
      "Số liệu {awardz} và {không có}.",
    ]);
    expect(String(values[2]![0])).toContain(`Lời văn theo trang "${WORDING_TAB}"`);
    expect(problems.map((p) => [p.severity, p.tab, p.row, p.value])).toEqual([
      ["warning", WORDING_TAB, 4, "{awardz}"],
      ["warning", WORDING_TAB, 4, "{không có}"],
    ]);
    expect(problems[0]!.message).toContain("Có phải là {awards}?");
  });

  it("comes out of a run with Biểu đồ, in the same write, the province's wording and its problems", async () => {
    const P = uniqueId("bao-cao-run");
    const seed = provinceSeed(P, [
      ["A", "Xã A", `${P}-a`],
      ["B", "Xã B", ""],
    ]);
    seed.sheets.push({
      title: WORDING_TAB,
      values: [
        [
          "Trong {period}, Ban Chỉ đạo các cấp đã thực hiện kiểm tra tại {inspectionVisits} lượt cơ sở ({inspectionVisits.change}). {khongco}",
        ],
      ],
    });
    await putAll([seed, unitSeed(`${P}-a`, "Xã A", cleanUnitTabs())]);
    const tabs = async () => new Map((await readSpreadsheet(P)).sheets.map((s) => [s.title, s]));

    expect((await runJob(P)).status).toBe("succeeded");
    // Xã A, year 2026 under decree09: 3 visits (10/01, 11/02, 12/05); 2025: 1 (01/06/2025).
    const first = await tabs();
    expect(first.get(REPORT_TEXT_TAB)?.values[4]).toEqual([
      "Trong năm 2026, Ban Chỉ đạo các cấp đã thực hiện kiểm tra tại 3 lượt cơ sở (tăng 200% so với cùng kỳ năm 2025). {khongco}",
    ]);
    const errors = first.get("Lỗi dữ liệu")?.values ?? [];
    expect(errors.some((r) => r[0] === "Tỉnh" && r[2] === "Cảnh báo" && r[6] === "{khongco}")).toBe(
      true,
    );
    const charts = async () =>
      ((await spreadsheetState(P)).sheets.find((s) => s.title === "Biểu đồ")?.charts ?? []) as {
        chartId: number;
      }[];
    const before = await charts();
    expect(before).toHaveLength(7);

    // The next run replaces the charts rather than adding seven more.
    expect((await runJob(P)).status).toBe("succeeded");
    const after = await charts();
    expect(after).toHaveLength(7);
    for (const old of before) expect(after.map((c) => c.chartId)).not.toContain(old.chartId);
  });
});
