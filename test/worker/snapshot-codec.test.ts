import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyUnitRows } from "../../shared/read-unit.ts";
import type { UnitSnapshot } from "../../worker/consolidation/model.ts";
import {
  decodeSnapshot,
  encodeSnapshot,
  packSnapshot,
  splitParts,
} from "../../worker/storage/snapshot-codec.ts";

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

  it("keeps each row's sheet row; a snapshot stored before row numbers decodes without", () => {
    const rows = emptyUnitRows();
    const award = {
      decisionNo: "12/QĐ-UBND",
      decisionDate: "2026-04-01",
      authority: "Chủ tịch UBND tỉnh",
      form: "Bằng khen",
      recipientType: "Tập thể",
      recipient: "Xã Hòa Bình",
      movement: "Thực hiện dân chủ ở cơ sở",
      achievement: null,
    } as unknown as (typeof rows.awards)[number];
    rows.awards.push(award, { ...award, recipient: "Xã Bình An" });
    const snapshot: UnitSnapshot = {
      rows,
      sheetRows: { inspections: [], awards: [4, 9], dialogues: [], trainings: [] },
      issues: [],
      invalidRows: 0,
      tabProblems: [],
    };
    const decoded = decodeSnapshot(encodeSnapshot(snapshot));
    expect(decoded.sheetRows?.awards).toEqual([4, 9]);
    expect(decoded.rows.awards.map((r) => r.recipient)).toEqual(["Xã Hòa Bình", "Xã Bình An"]);

    const old = JSON.parse(encodeSnapshot(snapshot));
    delete old.sheetRows;
    const before = decodeSnapshot(JSON.stringify(old));
    expect(before.sheetRows).toBeUndefined();
    expect(before.rows).toEqual(decoded.rows);
  });

  it("packs a snapshot that reads, compares and encodes as the snapshot itself", () => {
    const rows = emptyUnitRows();
    rows.inspections.push({
      date: "2026-03-05",
      inspector: "Ban Chỉ đạo cấp tỉnh",
      method: "Kiểm tra",
      target: "Công ty 😀",
      targetType: "Doanh nghiệp",
      rating: null,
      recommendations: 3,
      remedied: 1,
      round: null,
      notes: null,
    });
    const snapshot: UnitSnapshot = {
      rows,
      sheetRows: { inspections: [7], awards: [], dialogues: [], trainings: [] },
      issues: [],
      invalidRows: 2,
      tabProblems: [],
      submissions: [],
    };
    const packed = packSnapshot(snapshot);
    expect(packed).toEqual(snapshot);
    // The same encoding, so its hash matches the one stored with it.
    expect(encodeSnapshot(packed)).toBe(encodeSnapshot(snapshot));
    expect(packSnapshot(packed)).toBe(packed);
    // Two packed units read in turn each give their own rows.
    const { sheetRows: _, ...withoutRows } = snapshot;
    const other = packSnapshot({ ...withoutRows, rows: emptyUnitRows() });
    expect(other.rows.inspections).toEqual([]);
    expect(packed.rows.inspections[0]?.target).toBe("Công ty 😀");
  });
});
