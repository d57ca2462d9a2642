import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateToSerial, formatAutomaticNumber, formattedValue } from "./number-format.ts";
import { parseUserEntered } from "./user-entered.ts";

describe("USER_ENTERED parsing", () => {
  it.each([
    ["0123", "en_US", { value: 123 }],
    ["=SUM(A1:A3)", "en_US", { formula: "=SUM(A1:A3)" }],
    ["'0123", "en_US", { value: "0123" }],
    ["'=x", "en_US", { value: "=x" }],
    ["true", "en_US", { value: true }],
    ["1,234.5", "en_US", { value: 1234.5 }],
    ["1.234,5", "vi_VN", { value: 1234.5 }],
    ["1.500", "vi_VN", { value: 1500 }],
    ["12%", "en_US", { value: 0.12, numberFormat: { type: "PERCENT", pattern: "0%" } }],
    [
      "2026-03-19",
      "vi_VN",
      { value: 46100, numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } },
    ],
    [
      "19/03/2026",
      "vi_VN",
      { value: 46100, numberFormat: { type: "DATE", pattern: "dd/mm/yyyy" } },
    ],
    ["3/19/2026", "en_US", { value: 46100, numberFormat: { type: "DATE", pattern: "m/d/yyyy" } }],
    ["31/02/2026", "vi_VN", { value: "31/02/2026" }],
    ["1234/QĐ-UBND", "vi_VN", { value: "1234/QĐ-UBND" }],
    ["Kiểm tra", "vi_VN", { value: "Kiểm tra" }],
    ["=", "en_US", { value: "=" }],
  ])("%s (%s)", (input, locale, expected) => {
    expect(parseUserEntered(input, locale)).toEqual(expected);
  });

  it("keeps typed text in a cell formatted as plain text", () => {
    expect(parseUserEntered("0123", "en_US", true)).toEqual({ value: "0123" });
  });

  it("reads back what it displays, in either decimal convention", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom("en_US", "vi_VN"),
        (i, cents, locale) => {
          const n = i + cents / 100;
          expect(parseUserEntered(formatAutomaticNumber(n, locale), locale).value).toBeCloseTo(
            n,
            2,
          );
        },
      ),
    );
  });
});

describe("FORMATTED_VALUE rendering", () => {
  it("formats dates, numbers and booleans", () => {
    const serial = dateToSerial(2026, 3, 19, 13 * 3600 + 5 * 60);
    const date = (pattern: string, type = "DATE_TIME") =>
      formattedValue({ value: serial, format: { numberFormat: { type, pattern } } }, "vi_VN");
    expect(date("dd/mm/yyyy hh:mm")).toBe("19/03/2026 13:05");
    expect(date("yyyy-mm-dd", "DATE")).toBe("2026-03-19");
    expect(date("d mmm yyyy", "DATE")).toBe("19 Mar 2026");
    expect(
      formattedValue(
        { value: 1234567.891, format: { numberFormat: { type: "NUMBER", pattern: "#,##0.00" } } },
        "en_US",
      ),
    ).toBe("1,234,567.89");
    expect(
      formattedValue(
        { value: 1234567.891, format: { numberFormat: { type: "NUMBER", pattern: "#,##0.00" } } },
        "vi_VN",
      ),
    ).toBe("1.234.567,89");
    expect(
      formattedValue(
        { value: 0.125, format: { numberFormat: { type: "PERCENT", pattern: "0.0%" } } },
        "en_US",
      ),
    ).toBe("12.5%");
    expect(formattedValue({ value: 2.5 }, "vi_VN")).toBe("2,5");
    expect(formattedValue({ value: false }, "vi_VN")).toBe("FALSE");
    expect(formattedValue({ formula: "=1+1" }, "en_US")).toBe("#NAME?");
    expect(formattedValue(undefined, "en_US")).toBeUndefined();
  });
});
