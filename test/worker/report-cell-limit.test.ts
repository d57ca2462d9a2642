import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutMark, fitText, MAX_CELL_CHARS } from "../../worker/consolidation/output/cell-limit.ts";
import { text, withNote } from "../../worker/consolidation/output/cells.ts";
import { describeRefusedWrite } from "../../worker/consolidation/output/write-refusal.ts";

const MARK = /…\(đã cắt ([\d.]+) ký tự\)$/;

describe("every text the Worker writes fits Google's 50,000-character cell", () => {
  it("keeps text that fits as it is, and cuts longer text visibly to exactly fit", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.integer({ min: 30, max: 300 }),
        (value, limit) => {
          const out = fitText(value, limit);
          if (value.length <= limit) {
            expect(out).toBe(value);
            return;
          }
          expect(out.length).toBeLessThanOrEqual(limit);
          const mark = MARK.exec(out);
          expect(mark).not.toBeNull();
          const kept = out.length - mark![0].length;
          // The text kept is the value's beginning, and the mark counts what is gone.
          expect(value.startsWith(out.slice(0, kept))).toBe(true);
          expect(Number(mark![1]!.replaceAll(".", ""))).toBe(value.length - kept);
          // Never half of a surrogate pair at the cut.
          const last = out.charCodeAt(kept - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("cuts a 60,000-character value typed by a unit, in cells and notes", () => {
    const value = "9".repeat(60_000);
    const cell = text(value).userEnteredValue as { stringValue: string };
    expect(cell.stringValue.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cell.stringValue.endsWith(cutMark(60_000 - cell.stringValue.indexOf("…")))).toBe(true);
    expect(cell.stringValue).toMatch(/…\(đã cắt 10\.0\d\d ký tự\)$/);
    expect(withNote(text("x"), value).note!.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });
});

describe("a write Google still refuses", () => {
  it("is logged with its cause, not blamed on tab names", () => {
    const cell = describeRefusedWrite(
      "Invalid requests[3].updateCells: Your input contains more than the maximum of 50000 characters in a single cell.",
      2_048_000,
    );
    expect(cell).toContain("có ô dài quá 50.000 ký tự");
    expect(cell).toContain("giữ nguyên nội dung của lượt trước");
    expect(cell).toContain("(Google: Invalid requests[3].updateCells");
    expect(cell).not.toContain("tên các tab");
    const size = describeRefusedWrite(
      "Request payload size exceeds the limit: 10485760 bytes.",
      10_700_000,
    );
    expect(size).toContain("quá lớn (10.449 KB");
    expect(describeRefusedWrite("Something new", 1024)).toContain("(Google: Something new)");
  });
});
