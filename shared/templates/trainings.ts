import { defineTemplate } from "../schema/template.ts";

/** `Tập huấn, hội nghị`: one row per training course, conference or outreach session. */
export const trainings = defineTemplate({
  id: "trainings",
  title: "Tập huấn, hội nghị",
  description: "Mỗi dòng là một lớp tập huấn, hội nghị hoặc buổi tuyên truyền.",
  dateKey: "date",
  columns: [
    {
      key: "date",
      header: "Ngày",
      type: "date",
      required: true,
      note: "Ngày tổ chức (ngày khai mạc), dạng dd/mm/yyyy.",
      width: 110,
    },
    {
      key: "kind",
      header: "Loại",
      type: "enum",
      required: true,
      values: ["Tập huấn", "Hội nghị", "Tuyên truyền"],
      note: "Tập huấn, Hội nghị hoặc Tuyên truyền.",
      width: 120,
    },
    {
      key: "topic",
      header: "Nội dung",
      type: "text",
      required: true,
      note: "Nội dung, chủ đề của lớp tập huấn, hội nghị.",
      width: 280,
    },
    {
      key: "attendance",
      header: "Số lượt người",
      type: "count",
      required: false,
      note: "Số lượt người tham dự, số nguyên không âm.",
      width: 110,
    },
  ],
  metrics: [
    { id: "trainings", label: "Số lớp tập huấn, hội nghị", kind: "rows" },
    {
      id: "trainingAttendance",
      label: "Số lượt người dự tập huấn, hội nghị",
      kind: "sum",
      key: "attendance",
    },
  ],
});
