import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awards, inspections, TEMPLATES } from "../templates/index.ts";
import { formatDateVi, isoDateToSerial, serialToIsoDate } from "./dates.ts";
import { parseText } from "./parse-cell.ts";
import { COUNT_RULE, parseCount } from "./parse-count.ts";
import { parseDate } from "./parse-date.ts";
import { parseEnum } from "./parse-enum.ts";

const inspector = inspections.columns[1];
const authority = awards.columns[2];

describe("dates", () => {
  it.each([
    [46178, "2026-06-05"],
    [46178.75, "2026-06-05"],
    ["05/06/2026", "2026-06-05"],
    ["5/6/2026", "2026-06-05"],
    ["05-06-2026", "2026-06-05"],
    ["2026-06-05", "2026-06-05"],
    [" 05 / 06 / 2026 ", "2026-06-05"],
    ["29/02/2028", "2028-02-29"],
  ])("reads %j as %s (day first, Vietnamese order)", (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ["31/02/2026", "không tồn tại"],
    ["29/02/2026", "không tồn tại"],
    ["05/13/2026", "không có tháng 13"],
    ["05/06/1999", "1999"],
    ["05/06/2101", "2101"],
    [1, "1899"],
    ["ngày 5 tháng 6", "định dạng"],
    ["06/05/26", "định dạng"],
    [true, "không phải ngày"],
  ])("rejects %j with a message mentioning %s", (raw, fragment) => {
    const r = parseDate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it("converts serials both ways around the Sheets epoch", () => {
    expect(serialToIsoDate(0)).toBe("1899-12-30");
    expect(isoDateToSerial("2026-06-05")).toBe(46178);
    expect(isoDateToSerial("2000-03-01")).toBe(36586);
  });
});

describe("counts", () => {
  it.each([
    [12, 12],
    ["12", 12],
    ["1.500", 1500],
    ["1 500", 1500],
    ["1\u00a0500", 1500],
    ["2.000.000", 2_000_000],
    ["-", 0],
    ["không", 0],
    ["Không", 0],
    ["", null],
    [null, null],
    [0, 0],
  ])("reads %j as %j", (raw, value) => {
    expect(parseCount(raw)).toEqual({ ok: true, value });
  });

  it.each([[-3], ["-3"], [2.5], ["1,5"], ["2.5"], ["mười"], [true], ["12a"]])(
    "rejects %j",
    (raw) => {
      const r = parseCount(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/số nguyên không âm/);
    },
  );

  it("ends every refusal with the one count rule, which names what it reads", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 8 }), fc.double(), fc.boolean()), (raw) => {
        const r = parseCount(raw);
        if (!r.ok) expect(r.message.endsWith(` ${COUNT_RULE}`)).toBe(true);
      }),
    );
    // Every example and "none" word the rule names is read as it says.
    for (const [typed, value] of [
      ["12", 12],
      ["1.500", 1500],
      ["1 500", 1500],
      ["-", 0],
      ["không", 0],
    ] as const) {
      expect(COUNT_RULE).toContain(typed === "-" || typed === "không" ? `"${typed}"` : typed);
      expect(parseCount(typed)).toEqual({ ok: true, value });
    }
  });

  it("is the end of every count column's note (the sheet's header note, the form's hint)", () => {
    const counts = TEMPLATES.flatMap((t) => t.columns.filter((c) => c.type === "count"));
    expect(counts.length).toBeGreaterThan(0);
    for (const column of counts) expect(column.note.endsWith(` ${COUNT_RULE}`)).toBe(true);
  });
});

describe("enums", () => {
  it.each([
    ["Ban Chỉ đạo cấp tỉnh", "Ban Chỉ đạo cấp tỉnh"],
    ["ban chỉ đạo  CẤP TỈNH", "Ban Chỉ đạo cấp tỉnh"],
    ["Ban Chỉ đạo cấp tỉnh".normalize("NFD"), "Ban Chỉ đạo cấp tỉnh"],
    ["BCĐ tỉnh", "Ban Chỉ đạo cấp tỉnh"],
    ["BCĐ huyện", "Ban Chỉ đạo cấp huyện"],
    ["BCĐ xã", "Ban Chỉ đạo cấp xã"],
    ["MTTQ", "Ủy ban MTTQ"],
    ["Uỷ ban MTTQ", "Ủy ban MTTQ"],
  ])("inspector %j → %s", (raw, value) => {
    expect(parseEnum(inspector, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["UBND tỉnh", "Chủ tịch UBND tỉnh"],
    ["UBND huyện", "Chủ tịch UBND cấp huyện"],
    ["UBND xã", "Chủ tịch UBND cấp xã"],
  ])("authority alias %j → %s", (raw, value) => {
    expect(parseEnum(authority, raw)).toEqual({ ok: true, value });
  });

  it("names the allowed values when nothing matches", () => {
    const r = parseEnum(inspector, "Đoàn công tác");
    expect(r).toEqual({
      ok: false,
      message: expect.stringContaining("Ban Chỉ đạo cấp tỉnh; Ban Chỉ đạo cấp huyện"),
    });
  });
});

describe("text", () => {
  it("is NFC, trimmed and collapsed, so NFD equals NFC", () => {
    expect(parseText("  UBND  xã Hòa Bình ".normalize("NFD"))).toEqual({
      ok: true,
      value: "UBND xã Hòa Bình",
    });
    expect(parseText(1234)).toEqual({ ok: true, value: "1234" });
    expect(parseText("   ")).toEqual({ ok: true, value: null });
  });
});

describe("invisible characters pasted into a cell", () => {
  const marks = ["\u200e", "\u200f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];

  it.each(marks)("reads numbers, dates, dropdown values and text through %j", (ch) => {
    expect(parseCount(`1${ch}2`)).toEqual({ ok: true, value: 12 });
    expect(parseCount(`${ch}1.500${ch}`)).toEqual({ ok: true, value: 1500 });
    expect(parseDate(`05/06/2026${ch}`)).toEqual({ ok: true, value: "2026-06-05" });
    expect(parseDate(`${ch}05${ch}/06/2026`)).toEqual({ ok: true, value: "2026-06-05" });
    expect(parseEnum(inspector, `${ch}Ban Chỉ đạo cấp tỉnh${ch}`)).toEqual({
      ok: true,
      value: "Ban Chỉ đạo cấp tỉnh",
    });
    expect(parseEnum(inspector, `BCĐ${ch} tỉnh`)).toEqual({
      ok: true,
      value: "Ban Chỉ đạo cấp tỉnh",
    });
    expect(parseText(`UBND xã${ch} Hòa Bình`)).toEqual({ ok: true, value: "UBND xã Hòa Bình" });
    expect(parseText(ch)).toEqual({ ok: true, value: null });
  });
});

describe("invisible characters anywhere", () => {
  const sprinkle = (s: string) =>
    fc
      .array(fc.constantFrom("", "", "\u200b", "\u200e", "\u2060", "\ufeff", "\u00ad"), {
        minLength: s.length + 1,
        maxLength: s.length + 1,
      })
      .map((marks) => [...s].map((ch, i) => `${marks[i]}${ch}`).join("") + marks[s.length]);

  it("change no reading of a count, a date or a dropdown value", () => {
    const cases = fc.oneof(
      fc.integer({ min: 0, max: 3_000_000 }).map((n) => String(n)),
      fc.integer({ min: 1000, max: 999_999 }).map((n) => n.toLocaleString("de-DE")),
      fc.integer({ min: 36_600, max: 70_000 }).map((n) => formatDateVi(serialToIsoDate(n))),
      fc.constantFrom(...inspector.values, "BCĐ huyện", "mttq"),
    );
    fc.assert(
      fc.property(
        cases.chain((s) => fc.tuple(fc.constant(s), sprinkle(s))),
        ([clean, dirty]) => {
          // The reading: the value, or that there is none (messages quote the cell as typed).
          const reading = (r: { ok: boolean; value?: unknown }) => (r.ok ? r.value : "lỗi");
          expect(reading(parseCount(dirty))).toEqual(reading(parseCount(clean)));
          expect(reading(parseDate(dirty))).toEqual(reading(parseDate(clean)));
          expect(reading(parseEnum(inspector, dirty))).toEqual(
            reading(parseEnum(inspector, clean)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("date serials at the ends of the allowed years", () => {
  it("reads the first and last day, and names the year just outside", () => {
    const first = isoDateToSerial("2000-01-01");
    const last = isoDateToSerial("2100-12-31");
    expect(parseDate(first)).toEqual({ ok: true, value: "2000-01-01" });
    expect(parseDate(last + 0.99)).toEqual({ ok: true, value: "2100-12-31" });
    expect(parseDate(first - 0.5)).toEqual({ ok: false, message: expect.stringContaining("1999") });
    expect(parseDate(last + 1)).toEqual({ ok: false, message: expect.stringContaining("2101") });
    expect(parseDate(Number.NaN).ok).toBe(false);
    // Built once per day, the same answer every time.
    expect(serialToIsoDate(46178)).toBe(serialToIsoDate(46178.5));
  });
});
