/**
 * The report's built-in wording: the figures section of a periodic report on grassroots
 * democracy, in the administrative style of provincial reports ("Ban Chỉ đạo các cấp đã
 * thực hiện kiểm tra tại 71 cơ sở…"). One paragraph per entry, with named placeholders
 * (placeholders.ts, report-values.ts). A province replaces all of it with its own rows in
 * the tab `Mẫu báo cáo` (docs/output.md).
 */

export interface WordingParagraph {
  /** `opening`, or the id of the report section the paragraph covers. */
  readonly id: string;
  readonly text: string;
}

/** The opening when the units' submissions are known: period, dates, reporting rate. */
export const OPENING_WITH_RATE: WordingParagraph = {
  id: "opening",
  text:
    "Trong {period} (từ ngày {from} đến ngày {to}), có {submitted}/{expected} đơn vị đã nộp " +
    "báo cáo (đạt {submittedPercent}), trong đó {onTime} đơn vị nộp đúng hạn ({onTimePercent}), " +
    "{late} đơn vị nộp muộn; {notSubmitted} đơn vị chưa nộp báo cáo; {changedAfterSubmission} " +
    "đơn vị sửa số liệu sau khi nộp. Kết quả thực hiện dân chủ ở cơ sở trên địa bàn tỉnh " +
    "như sau:",
};

/** The opening while submissions are not known yet: how the units' sheets were read. */
export const OPENING_WITH_READ_STATUS: WordingParagraph = {
  id: "opening",
  text:
    "Trong {period} (từ ngày {from} đến ngày {to}), số liệu được tổng hợp từ bảng tính của " +
    "{expected} đơn vị báo cáo: {unitsFresh} đơn vị đã cập nhật, {unitsStale} đơn vị dùng số " +
    "liệu của lần đọc trước, {unitsUnreadable} đơn vị không đọc được, {unitsMissing} đơn vị " +
    "chưa có bảng tính. Kết quả thực hiện dân chủ ở cơ sở trên địa bàn tỉnh như sau:",
};

/** One paragraph per report section I.–IV., in report order. */
export const SECTION_PARAGRAPHS: readonly WordingParagraph[] = [
  {
    id: "inspections",
    text:
      "I. Công tác kiểm tra, giám sát: Ban Chỉ đạo các cấp đã tổ chức {inspections} cuộc " +
      "kiểm tra, giám sát ({inspections.change}), gồm {inspectionsCheck} cuộc kiểm tra và " +
      "{inspectionsSupervision} cuộc giám sát, tại {inspectionVisits} lượt cơ sở " +
      "({inspectionVisits.change}); trong đó Ban Chỉ đạo cấp tỉnh {visitsByProvince} lượt, " +
      "Ban Chỉ đạo cấp huyện {visitsByDistrict} lượt, Ban Chỉ đạo cấp xã {visitsByCommune} " +
      "lượt, cấp ủy, Mặt trận Tổ quốc và các chủ thể khác {visitsByOthers} lượt; tổng số " +
      "{inspectedBases} cơ sở được kiểm tra, giám sát. Kết quả xếp loại: {visitsRatedGood} " +
      "lượt Tốt, {visitsRatedFair} lượt Khá, {visitsRatedAverage} lượt Trung bình, " +
      "{visitsRatedWeak} lượt Yếu. Qua kiểm tra, giám sát đã đề ra {recommendations} kiến " +
      "nghị ({recommendations.change}), đến nay đã khắc phục {recommendationsRemedied} kiến " +
      "nghị.",
  },
  {
    id: "awards",
    text:
      "II. Công tác khen thưởng: Các cấp đã khen thưởng {awards} lượt tập thể, cá nhân, hộ " +
      "gia đình ({awards.change}) theo {awardDecisions} quyết định, trong đó " +
      "{awardsCollective} lượt tập thể, {awardsIndividual} lượt cá nhân, {awardsHousehold} " +
      "lượt hộ gia đình. Về hình thức: {awardsOrder} Huân chương, " +
      "{awardsCertificateOfMerit} Bằng khen, {awardsCertificate} Giấy khen, " +
      "{awardsEmulationFlag} Cờ thi đua. Về cấp khen: khen thưởng cấp Trung ương " +
      "{awardsByCentral} lượt, Chủ tịch UBND tỉnh khen thưởng {awardsByProvince} lượt, Chủ " +
      "tịch UBND cấp huyện {awardsByDistrict} lượt, Chủ tịch UBND cấp xã {awardsByCommune} " +
      "lượt. Theo phong trào: phong trào thực hiện dân chủ ở cơ sở " +
      "{awardsGrassrootsDemocracy} lượt, phong trào thi đua “Dân vận khéo” " +
      "{awardsSkilledMobilization} lượt, dân vận chính quyền " +
      "{awardsGovernmentMobilization} lượt.",
  },
  {
    id: "dialogues",
    text:
      "III. Công tác đối thoại: Người đứng đầu cấp ủy, chính quyền các cấp đã tổ chức " +
      "{dialogues} cuộc đối thoại trực tiếp với Nhân dân ({dialogues.change}) tại " +
      "{dialogueAreas} địa bàn, với {dialogueParticipants} người dự; Nhân dân nêu " +
      "{dialogueOpinions} ý kiến ({dialogueOpinions.change}), đến nay đã giải quyết, trả " +
      "lời {dialogueOpinionsResolved} ý kiến.",
  },
  {
    id: "trainings",
    text:
      "IV. Công tác tập huấn, hội nghị, tuyên truyền: Các cấp đã tổ chức {trainings} lớp " +
      "tập huấn ({trainings.change}) với {trainingAttendance} lượt người dự; {conferences} " +
      "hội nghị ({conferences.change}) với {conferenceAttendance} lượt người dự; " +
      "{outreachSessions} buổi tuyên truyền ({outreachSessions.change}) với " +
      "{outreachAttendance} lượt người dự.",
  },
];

/** The built-in wording, its opening chosen by whether submissions are known. */
export function builtInWording(reportingRateKnown: boolean): WordingParagraph[] {
  return [reportingRateKnown ? OPENING_WITH_RATE : OPENING_WITH_READ_STATUS, ...SECTION_PARAGRAPHS];
}
