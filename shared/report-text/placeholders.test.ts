import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillTemplate, placeholdersIn, placeholderValues } from "./placeholders.ts";

const values = placeholderValues({
  inspections: "24",
  "inspections.change": "tăng 20% so với cùng kỳ năm 2025",
  from: "15/12/2025",
});

describe("fillTemplate", () => {
  it("fills named placeholders, as typed by hand (case, spaces inside the braces)", () => {
    expect(fillTemplate("Từ {from}: {inspections} cuộc ({ Inspections.Change }).", values)).toEqual(
      { text: "Từ 15/12/2025: 24 cuộc (tăng 20% so với cùng kỳ năm 2025).", unknown: [] },
    );
  });

  it("leaves an unknown placeholder visible and lists it once", () => {
    expect(fillTemplate("{inspection} và {inspection}, {số cuộc} – {inspections}", values)).toEqual(
      {
        text: "{inspection} và {inspection}, {số cuộc} – 24",
        unknown: ["{inspection}", "{số cuộc}"],
      },
    );
  });

  it("treats lone braces as text", () => {
    expect(fillTemplate("a { b } c} {d {inspections}", values)).toEqual({
      text: "a { b } c} {d 24",
      unknown: ["{ b }"],
    });
    expect(placeholdersIn("{a}{b}{a}")).toEqual(["{a}", "{b}"]);
  });

  it("capitalises a value that starts a sentence, and only then", () => {
    const period = placeholderValues({ period: "quý III năm 2026", n: "24" });
    expect(fillTemplate("{period}: {n}. {period}! Trong {period}", period).text).toBe(
      "Quý III năm 2026: 24. Quý III năm 2026! Trong quý III năm 2026",
    );
  });

  it("changes nothing but its placeholders, whatever the province typed around them", () => {
    const plain = fc.string().map((t) => t.replace(/[{}§]/g, ""));
    const marker = placeholderValues({ x: "§" });
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 6 }), (parts) => {
        const { text, unknown } = fillTemplate(parts.join(" {x} "), marker);
        expect(unknown).toEqual([]);
        expect(text.split(" § ")).toEqual(parts);
      }),
    );
  });
});
