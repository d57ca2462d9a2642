import { COUNT_RULE } from "../cells/parse-count.ts";
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
      note: `Số người dự đối thoại. ${COUNT_RULE}`,
      width: 100,
    },
    {
      key: "opinions",
      header: "Số ý kiến",
      type: "count",
      required: false,
      note: `Số ý kiến, kiến nghị của Nhân dân tại buổi đối thoại. ${COUNT_RULE}`,
      width: 100,
    },
    {
      key: "resolved",
      header: "Số ý kiến đã giải quyết",
      type: "count",
      required: false,
      atMost: "opinions",
      note: `Số ý kiến đã được giải quyết, không lớn hơn Số ý kiến. ${COUNT_RULE}`,
      width: 120,
    },
  ],
  metrics: [
    {
      id: "dialogues",
      label: "Số cuộc đối thoại trực tiếp với Nhân dân",
      unit: "cuộc",
      kind: "rows",
    },
    {
      id: "dialogueAreas",
      label: "Số địa bàn tổ chức đối thoại",
      unit: "địa bàn",
      kind: "distinct",
      key: "area",
    },
    {
      id: "dialogueParticipants",
      label: "Số người dự đối thoại",
      unit: "người",
      kind: "sum",
      key: "participants",
    },
    {
      id: "dialogueOpinions",
      label: "Số ý kiến của Nhân dân",
      unit: "ý kiến",
      kind: "sum",
      key: "opinions",
    },
    {
      id: "dialogueOpinionsResolved",
      label: "Trong đó: đã giải quyết, trả lời",
      unit: "ý kiến",
      breakdown: true,
      kind: "sum",
      key: "resolved",
    },
  ],
});
