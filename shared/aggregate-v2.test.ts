import { describe, expect, it } from "vitest";
import { aggregateUnit } from "./aggregate.ts";
import { METRIC_IDS } from "./metrics.ts";
import { resolvePeriod } from "./periods.ts";
import { readUnit } from "./read-unit.ts";
import type { TemplateDef } from "./schema/template.ts";
import { awards, dialogues, inspections, trainings } from "./templates/index.ts";

// Every v2 metric against rows whose figures are worked out by hand in the comments.
const period2026 = resolvePeriod("2026", "decree09")!; // 15/12/2025 – 14/12/2026

/** A tab with the template's headers and rows given by column key (absent = blank). */
function tabOf(template: TemplateDef, rows: Record<string, unknown>[], omit: string[] = []) {
  const columns = template.columns.filter((c) => !omit.includes(c.key));
  return {
    title: template.title,
    values: [
      columns.map((c) => c.header),
      ...rows.map((r) => columns.map((c) => r[c.key] ?? null)),
    ],
  };
}

function metricsOf(tabs: ReturnType<typeof tabOf>[]) {
  const read = readUnit(tabs);
  return aggregateUnit(read.rows, read.invalidRows, period2026);
}

const visit = (
  date: string,
  inspector: string,
  method: string,
  round: string | null,
  target: string,
) => ({
  date,
  inspector,
  method,
  round,
  target,
  targetType: "Khác",
});

describe("metrics v2: Kiểm tra, giám sát", () => {
  const rows = [
    // 1–2: one inspection by the province: the round written two ways, the base two ways.
    {
      ...visit("20/12/2025", "BCĐ tỉnh", "Kiểm tra", "KH 05/KH-BCĐ", "UBND xã Hòa Bình"),
      rating: "Tốt",
      recommendations: 3,
      remedied: 1,
    },
    {
      ...visit(
        "21/12/2025",
        "Ban Chỉ đạo cấp tỉnh",
        "kiểm tra",
        " kh 05/kh-bcđ ",
        "ubnd xã hoà  bình",
      ),
      rating: "Khá",
      recommendations: 2,
      remedied: 2,
    },
    // 3: same round and inspector, but Giám sát: another inspection.
    { ...visit("10/01/2026", "BCĐ tỉnh", "Giám sát", "KH 05/KH-BCĐ", "Trường A"), rating: "TB" },
    // 4: same round and method, another inspector: another inspection.
    {
      ...visit("01/03/2026", "BCĐ huyện", "Kiểm tra", "KH 05/KH-BCĐ", "Trường B"),
      rating: "Yếu",
      recommendations: 4,
      remedied: 1,
    },
    // 5–6: blank round: each row is an inspection by itself, though all else is equal.
    visit("02/03/2026", "BCĐ huyện", "Kiểm tra", null, "Trường B"),
    { ...visit("03/03/2026", "BCĐ huyện", "Kiểm tra", "  ", "Trường C"), rating: "Không xếp loại" },
    // 7–8: one inspection by the commune, the round in NFD and in capitals.
    visit("04/04/2026", "BCĐ xã", "Giám sát", "Đợt 2".normalize("NFD"), "Trường D"),
    visit("05/04/2026", "Ban Chỉ đạo cấp xã", "Giám sát", "ĐỢT 2", "Trường E"),
    // 9–11: others; Cấp ủy and Khác share a round but are different inspectors.
    visit("06/05/2026", "MTTQ", "Giám sát", null, "Trường F"),
    visit("07/05/2026", "Cấp ủy", "Kiểm tra", "Đợt 2", "Trường G"),
    visit("08/05/2026", "Khác", "Kiểm tra", "Đợt 2", "Trường G"),
    // Outside 2026 (reporting year 2027), and an invalid row: neither counts.
    {
      ...visit("15/12/2026", "BCĐ tỉnh", "Kiểm tra", "KH 05/KH-BCĐ", "Trường H"),
      recommendations: 9,
    },
    visit("31/02/2026", "BCĐ tỉnh", "Kiểm tra", "KH 05/KH-BCĐ", "Trường I"),
  ];

  it("groups rows into inspections and counts visits, bases, ratings and recommendations", () => {
    const m = metricsOf([tabOf(inspections, rows)]);
    expect(m).toMatchObject({
      // tỉnh/KT/KH05 (1–2), tỉnh/GS/KH05 (3), huyện/KT/KH05 (4), 5, 6, xã/GS/Đợt 2 (7–8), 9,
      // cấp ủy/KT/Đợt 2 (10), khác/KT/Đợt 2 (11)
      inspections: 9,
      inspectionsCheck: 6, // 1–2, 4, 5, 6, 10, 11
      inspectionsSupervision: 3, // 3, 7–8, 9
      inspectionVisits: 11,
      visitsByProvince: 3,
      visitsByDistrict: 3,
      visitsByCommune: 2,
      visitsByOthers: 3,
      inspectedBases: 8, // Hòa Bình, A, B, C, D, E, F, G
      visitsRatedGood: 1,
      visitsRatedFair: 1,
      visitsRatedAverage: 1,
      visitsRatedWeak: 1,
      recommendations: 9, // 3 + 2 + 4
      recommendationsRemedied: 4, // 1 + 2 + 1
      invalidRows: 1,
      awards: 0,
    });
  });

  it("reads a sheet made before `Đợt kiểm tra` existed: every row is an inspection", () => {
    const m = metricsOf([tabOf(inspections, rows, ["round"])]);
    expect(m).toMatchObject({ inspections: 11, inspectionVisits: 11, invalidRows: 1 });
    expect(m.inspectionsCheck + m.inspectionsSupervision).toBe(11);
  });

  it("places `Đợt kiểm tra` right after `Hình thức`, optional, as text", () => {
    const at = inspections.columns.findIndex((c) => c.key === "round");
    expect(inspections.columns[at - 1]?.header).toBe("Hình thức");
    expect(inspections.columns[at]).toMatchObject({
      header: "Đợt kiểm tra",
      type: "text",
      required: false,
      example: "KH 05/KH-BCĐ",
    });
  });
});

describe("metrics v2: Khen thưởng", () => {
  const award = (
    decisionNo: string,
    decisionDate: string,
    authority: string,
    form: string,
    recipientType: string,
    movement: string,
  ) => ({
    decisionNo,
    decisionDate,
    authority,
    form,
    recipientType,
    recipient: "Tập thể, cá nhân",
    movement,
  });
  const rows = [
    award("1/QĐ-CTN", "10/01/2026", "Chủ tịch nước", "Huân chương", "Tập thể", "QCDC"),
    award("1/QĐ-CTN", "10/01/2026", "Thủ tướng", "Bằng khen", "Cá nhân", "Dân vận khéo"),
    award(
      "2/QĐ-BNV",
      "11/01/2026",
      "Bộ, ngành Trung ương",
      "Bằng khen",
      "Hộ gia đình",
      "Dân vận chính quyền",
    ),
    award(
      "3/QĐ-UBND",
      "12/02/2026",
      "UBND tỉnh",
      "Cờ thi đua",
      "Tập thể",
      "Thực hiện dân chủ ở cơ sở",
    ),
    award(" 3/qđ-ubnd ", "12/02/2026", "UBND huyện", "Giấy khen", "Cá nhân", "Khác"),
    award("4/QĐ-UBND", "13/03/2026", "UBND xã", "Giấy khen", "Tập thể", "“Dân vận khéo”"),
    award("5/QĐ", "14/03/2026", "Khác", "Khác", "Cá nhân", "Khác"),
    award("6/QĐ", "20/12/2026", "Chủ tịch nước", "Huân chương", "Tập thể", "QCDC"), // 2027
  ];

  it("counts award rows by recipient, form, level and movement, and distinct decisions", () => {
    expect(metricsOf([tabOf(awards, rows)])).toMatchObject({
      awards: 7,
      awardsCollective: 3,
      awardsIndividual: 3,
      awardsHousehold: 1,
      awardsOrder: 1,
      awardsCertificateOfMerit: 2,
      awardsCertificate: 2,
      awardsEmulationFlag: 1,
      awardsByCentral: 3,
      awardsByProvince: 1,
      awardsByDistrict: 1,
      awardsByCommune: 1,
      awardsGrassrootsDemocracy: 2,
      awardsSkilledMobilization: 2,
      awardsGovernmentMobilization: 1,
      awardDecisions: 5, // 1/QĐ-CTN, 2/QĐ-BNV, 3/QĐ-UBND (typed twice), 4/QĐ-UBND, 5/QĐ
      inspections: 0,
    });
  });
});

describe("metrics v2: Đối thoại and Tập huấn, hội nghị", () => {
  it("counts dialogues and distinct areas, and sums people, opinions and resolved ones", () => {
    const rows = [
      {
        date: "05/01/2026",
        chair: "Ông A",
        area: "Phường 1",
        participants: 100,
        opinions: 10,
        resolved: 8,
      },
      { date: "06/01/2026", chair: "Ông B", area: "phường  1", participants: 50, opinions: "-" },
      {
        date: "07/02/2026",
        chair: "Bà C",
        area: "Xã Hoà Bình",
        participants: "1.200",
        opinions: 5,
        resolved: 5,
      },
      { date: "08/02/2026", chair: "Bà C", area: "Xã Hòa Bình".normalize("NFD") },
      { date: "20/12/2026", chair: "Bà D", area: "Phường 9", participants: 999 }, // 2027
    ];
    expect(metricsOf([tabOf(dialogues, rows)])).toMatchObject({
      dialogues: 4,
      dialogueAreas: 2,
      dialogueParticipants: 1350,
      dialogueOpinions: 15,
      dialogueOpinionsResolved: 13,
    });
  });

  it("counts and sums each kind of training on its own", () => {
    const row = (kind: string, attendance: unknown) => ({
      date: "01/06/2026",
      kind,
      topic: "Quy chế dân chủ",
      attendance,
    });
    const rows = [
      row("Tập huấn", 40),
      row("tập huấn", null),
      row("Hội nghị", 200),
      row("Hội nghị", "-"),
      row("Tuyên truyền", 300),
      row("Tuyên truyền", "1.000"),
    ];
    const m = metricsOf([tabOf(trainings, rows)]);
    expect(m).toMatchObject({
      trainings: 2,
      trainingAttendance: 40,
      conferences: 2,
      conferenceAttendance: 200,
      outreachSessions: 2,
      outreachAttendance: 1300,
    });
    expect(Object.keys(m).sort()).toEqual([...METRIC_IDS].sort());
  });
});
