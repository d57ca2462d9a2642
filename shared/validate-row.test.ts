import { describe, expect, it } from "vitest";
import { awards, dialogues } from "./templates/index.ts";
import { validateRecord } from "./validate-row.ts";

describe("validateRecord (the sidebar's and the Worker's one check)", () => {
  it("returns the normalised row for a valid record typed in a form", () => {
    const r = validateRecord(awards, {
      decisionNo: " 1234/QĐ-UBND ",
      decisionDate: "2026-06-05",
      authority: "UBND tỉnh",
      form: "Bằng khen",
      recipientType: "Tập thể",
      recipient: "Hội Nông dân xã A".normalize("NFD"),
      movement: "Dân vận khéo",
      achievement: "",
    });
    expect(r).toEqual({
      ok: true,
      row: {
        decisionNo: "1234/QĐ-UBND",
        decisionDate: "2026-06-05",
        authority: "Chủ tịch UBND tỉnh",
        form: "Bằng khen",
        recipientType: "Tập thể",
        recipient: "Hội Nông dân xã A",
        movement: "Dân vận khéo",
        achievement: null,
      },
      warnings: [],
    });
  });

  it("lists every problem with its column and a message that says how to fix it", () => {
    const r = validateRecord(dialogues, {
      date: "",
      chair: "Ông A",
      area: "Phường 1",
      opinions: "2",
      resolved: "3",
      participants: "abc",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.key, p.header, p.value])).toEqual([
      ["date", "Ngày đối thoại", ""],
      ["participants", "Số người dự", "abc"],
      ["resolved", "Số ý kiến đã giải quyết", "3"],
    ]);
    expect(r.problems[0]?.message).toBe(
      'Chưa nhập "Ngày đối thoại" (cột bắt buộc). Ngày tổ chức đối thoại, dạng dd/mm/yyyy.',
    );
  });

  it("keeps a text that starts with = as text", () => {
    const r = validateRecord(dialogues, {
      date: 46178,
      chair: '=IMPORTXML("x","//a")',
      area: "Phường 1",
    });
    expect(r.ok && r.row.chair).toBe('=IMPORTXML("x","//a")');
  });
});
