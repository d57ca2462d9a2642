import { RULE_LABELS } from "../province-settings.ts";

/**
 * The `Nộp báo cáo` tab of a unit's spreadsheet: one row per submission, appended by the
 * add-on and never overwritten; the Worker reads it with the templates. Headers are
 * matched as template headers are (NFC, case, spacing).
 */
export const SUBMISSION_TAB = {
  title: "Nộp báo cáo",
  columns: [
    {
      key: "period",
      header: "Kỳ báo cáo",
      type: "text",
      note: "Kỳ báo cáo đã nộp, ví dụ 2026-Q3, 2026-H1 hoặc 2026.",
      width: 100,
    },
    {
      key: "rule",
      header: "Quy tắc kỳ",
      type: "enum",
      values: [RULE_LABELS.decree09, RULE_LABELS.calendar],
      note: "Quy tắc kỳ của đơn vị khi nộp: Nghị định 09 hoặc Năm dương lịch.",
      width: 120,
    },
    {
      key: "submittedAt",
      header: "Thời điểm nộp",
      type: "dateTime",
      note: "Ngày giờ nộp báo cáo, do tiện ích ghi.",
      width: 150,
    },
    {
      key: "by",
      header: "Người nộp",
      type: "text",
      note: "Người lập biểu, theo Cài đặt đơn vị.",
      width: 180,
    },
    {
      key: "rows",
      header: "Số dòng",
      type: "count",
      note: "Số dòng hợp lệ của kỳ trong bốn biểu khi nộp.",
      width: 80,
    },
    {
      key: "fingerprint",
      header: "Mã kiểm tra",
      type: "text",
      note: "Mã tính từ các dòng đã nộp; nếu số liệu sửa sau khi nộp thì mã sẽ khác.",
      width: 150,
    },
    {
      key: "note",
      header: "Ghi chú",
      type: "text",
      note: "Ghi chú khi nộp (nếu có).",
      width: 240,
    },
  ],
} as const;

export type SubmissionKey = (typeof SUBMISSION_TAB.columns)[number]["key"];
