import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rateText, reportingRateLine } from "../../worker/consolidation/submissions-text.ts";
import { METRIC_IDS } from "../metrics.ts";
import { composeReport, readWordingRows, WORDING_TAB } from "./compose-report.ts";
import { placeholderNames, type ReportFacts } from "./report-values.ts";

const zero = Object.fromEntries(METRIC_IDS.map((id) => [id, 0]));

// The example province's year 2026 (docs/domain.md gives the seed figures: 156 visits,
// 71 + 85, 24 inspections, 40 awards, 35 dialogues in 10 wards), beside a 2025 chosen so
// that every kind of comparison occurs. Each expected phrase below is worked out by hand.
const facts: ReportFacts = {
  period: { id: "2026", from: "2025-12-15", to: "2026-12-14" },
  periodName: "Năm 2026",
  total: {
    ...zero,
    inspections: 24,
    inspectionsCheck: 15,
    inspectionsSupervision: 9,
    inspectionVisits: 156,
    visitsByProvince: 71,
    visitsByDistrict: 85,
    inspectedBases: 120,
    visitsRatedGood: 100,
    visitsRatedFair: 40,
    visitsRatedAverage: 10,
    recommendations: 1234,
    recommendationsRemedied: 1000,
    awards: 40,
    awardsCollective: 25,
    awardsIndividual: 15,
    awardsCertificateOfMerit: 12,
    awardsCertificate: 28,
    awardsByProvince: 12,
    awardsByCommune: 28,
    awardsGrassrootsDemocracy: 30,
    awardsGovernmentMobilization: 10,
    awardDecisions: 6,
    dialogues: 35,
    dialogueAreas: 10,
    dialogueParticipants: 2450,
    dialogueOpinions: 180,
    dialogueOpinionsResolved: 171,
    trainings: 8,
    trainingAttendance: 1520,
    conferences: 3,
    conferenceAttendance: 310,
    invalidRows: 5,
  },
  lastYear: {
    ...zero,
    inspections: 20, // +4/20 = 20%
    inspectionVisits: 68, // +88/68 = 129,41…%
    recommendations: 1234, // equal
    awards: 20, // +100%
    dialogues: 29, // +6/29 = 20,68…%
    dialogueOpinions: 200, // −20/200 = 10%
    conferences: 4, // −1/4 = 25%
    // trainings 0: "cùng kỳ năm 2025 không có"; outreach 0 and 0: "bằng cùng kỳ"
  },
  previous: null,
  units: { fresh: 4, stale: 1, unreadable: 0, missing: 1 },
  reportingRate: {
    expected: 6,
    submitted: 4, // 4/6 = 66,7% → 67%
    onTime: 3, // 3/6 = 50%
    late: 1,
    notSubmitted: 2,
    changedAfterSubmission: 1,
  },
};

describe("the built-in report wording", () => {
  it("fills every figure, the comparisons in words, the dates and the reporting rate", () => {
    const report = composeReport(facts, null);
    expect(report.wording).toBe("built-in");
    expect(report.problems).toEqual([]);
    expect(report.paragraphs).toEqual([
      "Trong năm 2026 (từ ngày 15/12/2025 đến ngày 14/12/2026), có 4/6 đơn vị đã nộp báo cáo (đạt 67%), trong đó 3 đơn vị nộp đúng hạn (50%), 1 đơn vị nộp muộn; 2 đơn vị chưa nộp báo cáo; 1 đơn vị sửa số liệu sau khi nộp. Kết quả thực hiện dân chủ ở cơ sở trên địa bàn tỉnh như sau:",
      "I. Công tác kiểm tra, giám sát: Ban Chỉ đạo các cấp đã tổ chức 24 cuộc kiểm tra, giám sát (tăng 20% so với cùng kỳ năm 2025), gồm 15 cuộc kiểm tra và 9 cuộc giám sát, tại 156 lượt cơ sở (tăng 129,4% so với cùng kỳ năm 2025); trong đó Ban Chỉ đạo cấp tỉnh 71 lượt, Ban Chỉ đạo cấp huyện 85 lượt, Ban Chỉ đạo cấp xã 0 lượt, cấp ủy, Mặt trận Tổ quốc và các chủ thể khác 0 lượt; tổng số 120 cơ sở được kiểm tra, giám sát. Kết quả xếp loại: 100 lượt Tốt, 40 lượt Khá, 10 lượt Trung bình, 0 lượt Yếu. Qua kiểm tra, giám sát đã đề ra 1.234 kiến nghị (bằng cùng kỳ), đến nay đã khắc phục 1.000 kiến nghị.",
      "II. Công tác khen thưởng: Các cấp đã khen thưởng 40 lượt tập thể, cá nhân, hộ gia đình (tăng 100% so với cùng kỳ năm 2025) theo 6 quyết định, trong đó 25 lượt tập thể, 15 lượt cá nhân, 0 lượt hộ gia đình. Về hình thức: 0 Huân chương, 12 Bằng khen, 28 Giấy khen, 0 Cờ thi đua. Về cấp khen: khen thưởng cấp Trung ương 0 lượt, Chủ tịch UBND tỉnh khen thưởng 12 lượt, Chủ tịch UBND cấp huyện 0 lượt, Chủ tịch UBND cấp xã 28 lượt. Theo phong trào: phong trào thực hiện dân chủ ở cơ sở 30 lượt, phong trào thi đua “Dân vận khéo” 0 lượt, dân vận chính quyền 10 lượt.",
      "III. Công tác đối thoại: Người đứng đầu cấp ủy, chính quyền các cấp đã tổ chức 35 cuộc đối thoại trực tiếp với Nhân dân (tăng 20,7% so với cùng kỳ năm 2025) tại 10 địa bàn, với 2.450 người dự; Nhân dân nêu 180 ý kiến (giảm 10% so với cùng kỳ năm 2025), đến nay đã giải quyết, trả lời 171 ý kiến.",
      "IV. Công tác tập huấn, hội nghị, tuyên truyền: Các cấp đã tổ chức 8 lớp tập huấn (cùng kỳ năm 2025 không có) với 1.520 lượt người dự; 3 hội nghị (giảm 25% so với cùng kỳ năm 2025) với 310 lượt người dự; 0 buổi tuyên truyền (bằng cùng kỳ) với 0 lượt người dự.",
    ]);
  });

  it("opens with how the units were read while submissions are not known", () => {
    const report = composeReport({ ...facts, reportingRate: null }, null);
    expect(report.problems).toEqual([]);
    expect(report.paragraphs[0]).toBe(
      "Trong năm 2026 (từ ngày 15/12/2025 đến ngày 14/12/2026), số liệu được tổng hợp từ bảng tính của 6 đơn vị báo cáo: 4 đơn vị đã cập nhật, 1 đơn vị dùng số liệu của lần đọc trước, 0 đơn vị không đọc được, 1 đơn vị chưa có bảng tính. Kết quả thực hiện dân chủ ở cơ sở trên địa bàn tỉnh như sau:",
    );
  });

  it("leaves no placeholder unfilled, whatever the figures", () => {
    const figures = fc.dictionary(fc.constantFrom(...METRIC_IDS), fc.nat(1e7));
    fc.assert(
      fc.property(figures, figures, fc.boolean(), (total, lastYear, rateKnown) => {
        const report = composeReport(
          { ...facts, total, lastYear, reportingRate: rateKnown ? facts.reportingRate : null },
          null,
        );
        expect(report.problems).toEqual([]);
        for (const p of report.paragraphs) expect(p).not.toMatch(/[{}]/);
      }),
      { numRuns: 50 },
    );
  });
});

describe("the province's own wording in Mẫu báo cáo", () => {
  // As values.batchGet returns the tab: ragged rows, blanks, a number, NFD text.
  const tab = [
    ["Kỳ {period}: {inspectionVisits} lượt cơ sở, cùng kỳ {inspectionVisits.lastYear}."],
    [],
    ["   "],
    [
      "Đối thoại: {dialogues} cuộc, {dialogues.change}; kỳ trước: {dialogues.previous}.".normalize(
        "NFD",
      ),
    ],
    ["{inspection} cuộc và {Số cuộc}", "ghi chú cột B bị bỏ qua"],
    [2026],
  ];

  it("replaces the built-in wording row by row, blank rows skipped", () => {
    const rows = readWordingRows(tab);
    expect(rows.map((r) => r.row)).toEqual([1, 4, 5, 6]);
    const report = composeReport(facts, rows);
    expect(report.wording).toBe("custom");
    expect(report.paragraphs).toEqual([
      "Kỳ năm 2026: 156 lượt cơ sở, cùng kỳ 68.",
      "Đối thoại: 35 cuộc, tăng 20,7% so với cùng kỳ năm 2025; kỳ trước: .",
      "{inspection} cuộc và {Số cuộc}",
      "2026",
    ]);
  });

  it("lists each unknown placeholder as the province's warning at its row, left visible", () => {
    const report = composeReport(facts, readWordingRows(tab));
    expect(report.problems.map((p) => [p.severity, p.tab, p.row, p.value])).toEqual([
      ["warning", WORDING_TAB, 5, "{inspection}"],
      ["warning", WORDING_TAB, 5, "{Số cuộc}"],
    ]);
    expect(report.problems[0]!.message).toContain("Có phải là {inspections}?");
    expect(report.problems[1]!.message).not.toContain("Có phải là");
  });

  it("says a reporting-rate placeholder has no figure yet rather than that it is unknown", () => {
    const report = composeReport({ ...facts, reportingRate: null }, [
      { row: 2, text: "Đã nộp {submitted}/{expected}" },
    ]);
    expect(report.paragraphs).toEqual(["Đã nộp {submitted}/6"]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toContain("chưa có tình hình nộp báo cáo");
  });

  it("gives the reporting rate the percentages Tổng hợp shows, halves rounded up", () => {
    // 23/40 = 57,5%: the float quotient (0.575 × 100 = 57.49999…) used to print 57% here
    // while Tổng hợp said 58%.
    const rate = { ...facts.reportingRate!, expected: 40, submitted: 23, onTime: 23 };
    const report = composeReport({ ...facts, reportingRate: rate }, [
      { row: 2, text: "{submittedPercent} {onTimePercent}" },
    ]);
    expect(report.paragraphs).toEqual(["58% 58%"]);
    expect(reportingRateLine(rate)).toBe(
      "Đã nộp báo cáo: 23/40 đơn vị (58%), đúng hạn 23/40 (58%)",
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((expected) => fc.tuple(fc.constant(expected), fc.nat(expected))),
        ([expected, submitted]) => {
          const text = composeReport(
            { ...facts, reportingRate: { ...rate, expected, submitted } },
            [{ row: 2, text: "{submittedPercent}" }],
          ).paragraphs[0];
          expect(rateText(submitted, expected)).toBe(`${submitted}/${expected} (${text})`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("falls back to the built-in wording when the tab has no paragraph", () => {
    expect(composeReport(facts, readWordingRows([[], [""]])).wording).toBe("built-in");
  });

  it("knows every name docs/output.md lists for a metric", () => {
    const names = placeholderNames();
    for (const id of METRIC_IDS.filter((id) => id !== "invalidRows")) {
      for (const suffix of ["", ".lastYear", ".previous", ".change"]) {
        expect(names).toContain(`${id}${suffix}`);
      }
    }
    expect(names).toEqual(
      expect.arrayContaining(["period", "from", "to", "submittedPercent", "onTimePercent"]),
    );
  });
});
