import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { METRIC_IDS, METRICS, zeroMetrics } from "../../shared/metrics.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import type { RunRecord } from "../../worker/consolidation/model.ts";
import { computeTotals, type TotalsBody } from "../../worker/consolidation/totals.ts";
import { putAll, readSpreadsheet, type SheetState } from "./helpers/emulator.ts";
import { IMPORTXML, id, mixedProvince, P } from "./helpers/mixed-province.ts";
import { runJob } from "./helpers/run-job.ts";
import { serial } from "./helpers/seeds.ts";

let run: RunRecord;
let totals: TotalsBody;
let tabs: Map<string, SheetState>;

beforeAll(async () => {
  await putAll(mixedProvince());
  // Short backoff and timeout so "until the retries run out" takes a few seconds at most.
  run = await runJob(
    P,
    {},
    { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 }, requestTimeoutMs: 1_500 },
  );
  totals = await computeTotals(env.DB, P, resolvePeriod("2026")!, new Date());
  tabs = new Map((await readSpreadsheet(P)).sheets.map((s) => [s.title, s]));
});

const unit = (code: string) => totals.units.find((u) => u.code === code)!;
const values = (title: string) => tabs.get(title)?.values ?? [];
/** The column of a metric in `Theo đơn vị` (headed "label (unit)"), -1 when not shown. */
const column = (metric: string) => {
  const m = METRICS.find((x) => x.id === metric)!;
  return values("Theo đơn vị")[1]?.indexOf(`${m.label} (${m.unit})`) ?? -1;
};

describe("a province with clean, messy and failing units", () => {
  it("finishes the run whatever the units do", () => {
    expect(run).toMatchObject({
      status: "succeeded",
      periodId: "2026",
      periodRule: "decree09",
      counts: { unitsTotal: 12, unitsFresh: 6, unitsStale: 0, unitsUnreadable: 5, unitsMissing: 1 },
    });
  });

  it("gives every registered unit its status once, in registry order", () => {
    expect(totals.units.map((u) => [u.code, u.status])).toEqual([
      ["C01", "fresh"],
      ["C02", "fresh"],
      ["C03", "unreadable"],
      ["C04", "fresh"],
      ["C05", "unreadable"],
      ["C06", "fresh"],
      ["C07", "fresh"],
      ["C08", "missing"],
      ["C09", "fresh"],
      ["C10", "unreadable"],
      ["C11", "unreadable"],
      ["C12", "unreadable"],
    ]);
    expect(unit("C03").error).toContain("chia sẻ");
    expect(unit("C03").error).toContain(JSON.parse(env.GOOGLE_SERVICE_ACCOUNT_JSON).client_email);
    expect(unit("C05").error).toContain("Không tìm thấy bảng tính");
    expect(unit("C08").error).toBeNull();
    expect(unit("C10").error).toContain("Google Sheets tạm thời không phản hồi");
    expect(unit("C11").error).toContain("không trả lời kịp");
    expect(unit("C12").error).toContain("Vượt hạn mức");
    // Google's own message is kept after ours.
    expect(unit("C12").error).toContain("Quota exceeded");
  });

  it("counts each unit's valid rows in the period", () => {
    const clean = {
      inspections: 3,
      visitsByProvince: 2,
      visitsByDistrict: 1,
      inspectedBases: 2,
      recommendations: 4,
      recommendationsRemedied: 3,
      awards: 2,
      awardsCollective: 1,
      awardsIndividual: 1,
      awardDecisions: 1,
      dialogues: 1,
      dialogueParticipants: 50,
      trainings: 1,
      trainingAttendance: 120,
      invalidRows: 0,
    };
    expect(unit("C01").metrics).toMatchObject(clean);
    expect(unit("C04").metrics).toEqual(unit("C01").metrics);
    expect(unit("C09").metrics).toEqual(unit("C01").metrics);
    expect(unit("C02").metrics).toMatchObject({
      inspections: 2,
      visitsByProvince: 1,
      visitsByDistrict: 1,
      recommendations: 1500,
      awards: 1,
      awardsCertificate: 1,
      awardsCollective: 0,
      dialogues: 1,
      dialogueParticipants: 30,
      // A "Hội nghị" row: a conference, not a training class.
      trainings: 0,
      conferences: 1,
      conferenceAttendance: 0,
      invalidRows: 2,
    });
    // A missing tab or a renamed column loses that tab only.
    expect(unit("C06").metrics).toMatchObject({ inspections: 3, awards: 0, dialogues: 0 });
    expect(unit("C07").metrics).toMatchObject({
      inspections: 0,
      awards: 2,
      dialogues: 1,
      trainings: 1,
    });
    for (const code of ["C03", "C05", "C08", "C10", "C11", "C12"]) {
      expect(unit(code).metrics).toEqual(zeroMetrics());
    }
    // Summed by hand from the units above: C01, C04 and C09 clean, then C02, C06 and C07.
    expect(totals.total).toMatchObject({
      inspections: 14,
      visitsByProvince: 9,
      awards: 9,
      dialogues: 5,
    });
    for (const u of totals.units) expect(Object.keys(u.metrics)).toEqual([...METRIC_IDS]);
  });

  it("writes Theo đơn vị: a row per unit in registry order with its status, then the province", () => {
    const rows = values("Theo đơn vị");
    expect(rows[1]?.slice(0, 3)).toEqual(["Mã đơn vị", "Tên đơn vị", "Tình trạng"]);
    const body = rows.slice(2);
    expect(body.map((r) => r[0])).toEqual([...totals.units.map((u) => u.code), "Toàn tỉnh"]);
    expect(body.map((r) => r[2])).toEqual([
      "Đã cập nhật",
      "Đã cập nhật",
      "Không đọc được",
      "Đã cập nhật",
      "Không đọc được",
      // Tabs that were not counted show beside the status (issue 9, point 5).
      "Đã cập nhật; 3 biểu không được tính",
      "Đã cập nhật; 1 biểu không được tính",
      "Chưa có bảng tính",
      "Đã cập nhật",
      "Không đọc được",
      "Không đọc được",
      "Không đọc được",
      "6/12 đã cập nhật",
    ]);
    const inspections = column("inspections");
    expect(body.at(-1)?.[inspections]).toBe(14);
    expect(body[0]?.[inspections]).toBe(3);
    // No figures for a unit never read: blank, not a zero that looks like a report.
    expect(body[2]?.[inspections] ?? null).toBeNull();
  });

  it("writes each unit's figures in Theo đơn vị exactly as totals.json has them", () => {
    const rows = values("Theo đơn vị");
    const shown = METRICS.filter((m) => column(m.id) >= 0);
    expect(shown.length).toBeGreaterThan(10);
    const metricsOf = (row: unknown[] | undefined) => shown.map((m) => row?.[column(m.id)] ?? null);
    for (const [i, u] of totals.units.entries()) {
      const row = rows[2 + i];
      expect(row?.slice(0, 2), u.code).toEqual([u.code, u.name]);
      const hasFigures = u.status === "fresh" || u.status === "stale";
      expect(metricsOf(row), u.code).toEqual(
        shown.map((m) => (hasFigures ? u.metrics[m.id] : null)),
      );
    }
    const totalRow = rows[2 + totals.units.length];
    expect(metricsOf(totalRow)).toEqual(shown.map((m) => totals.total[m.id]));
  });

  it("formats Theo đơn vị: frozen header, bold total, marked units, notes with the reason", () => {
    const sheet = tabs.get("Theo đơn vị")!;
    expect(sheet.properties.gridProperties.frozenRowCount).toBe(2);
    const formats = sheet.formats ?? [];
    const total = 2 + totals.units.length;
    expect(sheet.values[total]?.[0]).toBe("Toàn tỉnh");
    expect(formats[total]?.[0]).toMatchObject({ textFormat: { bold: true } });
    // Every unit that is not fresh is shaded across its row; fresh rows are not.
    totals.units.forEach((u, i) => {
      const row = formats[2 + i] ?? [];
      for (const cell of [0, 2, 5]) {
        if (u.status === "fresh") expect(row[cell]?.backgroundColor, u.code).toBeUndefined();
        else expect(row[cell]?.backgroundColor, u.code).toBeDefined();
      }
    });
    expect(sheet.notes?.[2 + 2]?.[2]).toContain("chia sẻ");
    for (const title of ["Chi tiết – Đối thoại", "Lỗi dữ liệu", "Nhật ký"]) {
      const tab = tabs.get(title)!;
      expect(tab.properties.gridProperties.frozenRowCount, title).toBe(1);
      expect(tab.formats?.[0]?.[0], title).toMatchObject({ textFormat: { bold: true } });
      expect(Object.keys(tab.columnMetadata ?? {}).length, title).toBeGreaterThan(3);
    }
  });

  it("writes every valid row to the detail tabs, unit text as text", () => {
    const sheet = tabs.get("Chi tiết – Kiểm tra, giám sát")!;
    const rows = sheet.values;
    expect(rows[0]?.slice(0, 4)).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Ngày kiểm tra",
      "Chủ thể kiểm tra",
    ]);
    const target = rows[0]!.indexOf("Đơn vị được kiểm tra");
    const codes = rows.slice(1).map((r) => r[0]);
    expect(codes.filter((c) => c === "C01")).toHaveLength(4); // all periods, marked
    expect(codes.filter((c) => c === "C02")).toHaveLength(2);
    expect(codes).not.toContain("C03");
    const injected = rows.findIndex((r) => r.includes(IMPORTXML));
    expect(injected).toBeGreaterThan(0);
    // Not a formula anywhere in the province's spreadsheet: the text stays text.
    for (const tab of tabs.values()) {
      expect(tab.formulas?.flat().filter((f) => f !== null) ?? [], tab.title).toEqual([]);
    }
    expect(String(rows[injected]?.[target])).toBe(IMPORTXML);
    // Dates are serial numbers shown as dd/mm/yyyy.
    expect(rows[injected]?.[2]).toBe(serial("2026-06-05"));
    expect(sheet.formats?.[injected]?.[2]).toMatchObject({
      numberFormat: { type: "DATE", pattern: "dd/mm/yyyy" },
    });
    expect(values("Chi tiết – Khen thưởng").length).toBe(1 + 2 + 1 + 2 + 0 + 2 + 2);
  });

  it("lists every problem in Lỗi dữ liệu with unit, tab, row and column", () => {
    const rows = values("Lỗi dữ liệu");
    expect(rows[0]?.slice(0, 8)).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Mức độ",
      "Biểu",
      "Dòng",
      "Cột",
      "Giá trị",
      "Nội dung",
    ]);
    const of = (code: string) => rows.filter((r) => r[0] === code);
    // The duplicate code C01 at row 13 of Đơn vị is the province's own problem (its
    // Dòng is a link to that row, so text).
    expect(of("Tỉnh").some((r) => r[3] === "Đơn vị" && r[4] === "13" && r[5] === "Mã đơn vị")).toBe(
      true,
    );
    expect(of("C03")[0]?.slice(5, 7)).toEqual(["Bảng tính", id("C03")]);
    expect(of("C05")[0]?.[7]).toContain("Không tìm thấy");
    for (const code of ["C10", "C11", "C12"]) {
      expect(
        of(code).map((r) => r.slice(5, 7)),
        code,
      ).toEqual([["Bảng tính", id(code)]]);
    }
    expect(
      of("C06")
        .filter((r) => r[2] === "Lỗi")
        .map((r) => r[3])
        .sort(),
    ).toEqual(["Khen thưởng", "Tập huấn, hội nghị", "Đối thoại"].sort());
    expect(
      of("C07").some(
        (r) => r[3] === "Kiểm tra, giám sát" && String(r[7]).includes("Ngày kiểm tra"),
      ),
    ).toBe(true);
    const messy = of("C02");
    expect(messy.some((r) => r[6] === "31/02/2026")).toBe(true);
    expect(messy.some((r) => r[6] === "Sở Nội vụ")).toBe(true);
    expect(messy.some((r) => r[2] === "Cảnh báo")).toBe(true);
    expect(of("C08")).toEqual([]);
  });

  it("logs the run in Nhật ký", () => {
    const rows = values("Nhật ký");
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(2, 8)).toEqual(["Chạy ngay", "Hoàn thành", "Năm 2026", 12, 6, 5]);
    // Start and end as date-times shown dd/mm/yyyy hh:mm:ss.
    expect(tabs.get("Nhật ký")?.formats?.[1]?.[0]).toMatchObject({
      numberFormat: { type: "DATE_TIME", pattern: "dd/mm/yyyy hh:mm:ss" },
    });
  });
});
