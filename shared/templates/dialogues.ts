import { defineTemplate } from "../schema/template.ts";

/** `Đối thoại`: one row per direct dialogue with citizens. */
export const dialogues = defineTemplate({
  id: "dialogues",
  title: "Đối thoại",
  description: "Mỗi dòng là một cuộc đối thoại trực tiếp với Nhân dân.",
  dateKey: "date",
  columns: [
    {
      key: "date",
      header: "Ngày đối thoại",
      type: "date",
      required: true,
      note: "Ngày tổ chức đối thoại, dạng dd/mm/yyyy.",
      width: 110,
    },
    {
      key: "chair",
      header: "Người chủ trì",
      type: "text",
      required: true,
      note: "Họ tên, chức vụ người chủ trì đối thoại.",
      width: 200,
    },
    {
      key: "area",
      header: "Địa bàn",
      type: "text",
      required: true,
      example: "Phường 1",
      note: "Xã, phường, khu dân cư nơi tổ chức đối thoại.",
      width: 160,
    },
    {
      key: "participants",
      header: "Số người dự",
      type: "count",
      required: false,
      note: "Số người dự đối thoại, số nguyên không âm.",
      width: 100,
    },
    {
      key: "opinions",
      header: "Số ý kiến",
      type: "count",
      required: false,
      note: "Số ý kiến, kiến nghị của Nhân dân tại buổi đối thoại.",
      width: 100,
    },
    {
      key: "resolved",
      header: "Số ý kiến đã giải quyết",
      type: "count",
      required: false,
      atMost: "opinions",
      note: "Số ý kiến đã được giải quyết; không lớn hơn Số ý kiến.",
      width: 120,
    },
  ],
  metrics: [
    { id: "dialogues", label: "Số cuộc đối thoại", kind: "rows" },
    {
      id: "dialogueParticipants",
      label: "Số người dự đối thoại",
      kind: "sum",
      key: "participants",
    },
  ],
});
