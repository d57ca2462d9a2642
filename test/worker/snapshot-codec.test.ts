import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyUnitRows } from "../../shared/read-unit.ts";
import { decodeSnapshot, encodeSnapshot, splitParts } from "../../worker/storage/snapshot-codec.ts";

describe("snapshot codec", () => {
  it("splits anywhere but inside a surrogate pair, and joins back exactly", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 2, max: 40 }),
        (text, size) => {
          const parts = splitParts(text, size);
          expect(parts.join("")).toBe(text);
          for (const part of parts) {
            // A lone high surrogate at the end of a part would not survive UTF-8 storage.
            const last = part.charCodeAt(part.length - 1);
            expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
          }
        },
      ),
    );
  });

  it("refuses a part size that could not advance past a surrogate pair", () => {
    expect(() => splitParts("\u{1F600}", 1)).toThrow(RangeError);
  });

  it("round-trips rows, issues and invalid rows", () => {
    const rows = emptyUnitRows();
    rows.inspections.push({
      date: "2026-03-05",
      inspector: "Ban Chỉ đạo cấp tỉnh",
      method: "Kiểm tra",
      target: '=IMPORTXML("http://x","//a")',
      targetType: "Doanh nghiệp",
      rating: null,
      recommendations: 3,
      remedied: 1,
      round: "KH 05/KH-BCĐ",
      notes: "Ghi chú 😀",
    });
    const snapshot = {
      rows,
      issues: [
        {
          severity: "warning" as const,
          tab: "Đối thoại",
          row: 9,
          column: null,
          columnIndex: null,
          value: "Tổng",
          message: "dòng tổng",
        },
      ],
      invalidRows: 4,
      tabProblems: [{ tab: "Khen thưởng", message: "không tìm thấy dòng tiêu đề" }],
    };
    expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
  });

  it("reads a snapshot stored before tab problems were kept as having none", () => {
    const snapshot = { rows: emptyUnitRows(), issues: [], invalidRows: 0, tabProblems: [] };
    const old = JSON.parse(encodeSnapshot(snapshot));
    delete old.tabProblems;
    expect(decodeSnapshot(JSON.stringify(old))).toEqual(snapshot);
  });
});
