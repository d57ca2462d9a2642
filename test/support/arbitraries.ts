import fc from "fast-check";
import {
  formatDateVi,
  isoDateToSerial,
  serialToIsoDate,
  splitIsoDate,
} from "../../shared/cells/dates.ts";
import type { ColumnDef, IsoDate, TemplateDef } from "../../shared/schema/template.ts";
import { vietnameseText } from "./vietnamese.ts";

/** Today's year: tests that go through the add-on's real clock (the periods it offers) need
 * rows near it whatever year they run in. */
const THIS_YEAR = new Date().getUTCFullYear();

/**
 * Dates from mid-2024 to early 2028 (several reporting-year boundaries and the district
 * level's end on 01/07/2025), or within a year of today's year, so that a period the
 * add-on offers today still holds rows when the tests run in a later year.
 */
export const arbDate = fc
  .oneof(
    fc.integer({ min: isoDateToSerial("2024-06-01"), max: isoDateToSerial("2028-02-01") }),
    fc.integer({
      min: isoDateToSerial(`${THIS_YEAR - 1}-01-01` as IsoDate),
      max: isoDateToSerial(`${THIS_YEAR + 1}-12-31` as IsoDate),
    }),
  )
  .map((s) => serialToIsoDate(s));

const arbText = vietnameseText(24)
  .map((s) => s.trim().replace(/\s+/g, " "))
  .filter((s) => s !== "" && !/^(tổng|cộng)/i.test(s));

/** A clean valid row of a template, as `validateRecord` would return it. */
export function arbRow(
  template: TemplateDef,
): fc.Arbitrary<Record<string, string | number | null>> {
  const parts: Record<string, fc.Arbitrary<string | number | null>> = {};
  for (const c of template.columns) {
    const value = arbValue(c);
    parts[c.key] = c.required ? value : fc.option(value, { nil: null });
  }
  return fc.record(parts).map((row) => {
    // Respect the cross-field rules so every generated row is valid.
    for (const c of template.columns) {
      if (c.type === "count" && c.atMost !== undefined && typeof row[c.key] === "number") {
        row[c.key] = Math.min(row[c.key] as number, (row[c.atMost] as number | null) ?? 0);
      }
    }
    return row;
  });
}

function arbValue(c: ColumnDef): fc.Arbitrary<string | number> {
  switch (c.type) {
    case "date":
      return arbDate;
    case "count":
      return fc.integer({ min: 0, max: 3000 });
    case "enum":
      return fc.constantFrom(...c.values);
    case "text":
      return arbText;
  }
}

/** The clean cell the Sheets API returns for a value (dates as serials). */
export function cleanCell(c: ColumnDef, value: string | number | null): unknown {
  if (value === null) return null;
  return c.type === "date" ? isoDateToSerial(value as IsoDate) : value;
}

/** Old-style tone placement (`Hòa` → `Hoà`, `Thủy` → `Thuỷ`). */
export function oldTonePlacement(s: string): string {
  return s
    .normalize("NFD")
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])/g, "$1$3$2")
    .normalize("NFC");
}

const textForms = (s: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    s,
    s.normalize("NFD"),
    `  ${s.replaceAll(" ", "  ")} `,
    oldTonePlacement(s),
    oldTonePlacement(s).normalize("NFD"),
  );

/** The same value as a person might have typed it: a different form, equal in meaning. */
export function messyCell(c: ColumnDef, value: string | number | null): fc.Arbitrary<unknown> {
  if (value === null) {
    return c.type === "count" ? fc.constantFrom(null, "", "  ") : fc.constantFrom(null, "", " ");
  }
  switch (c.type) {
    case "date": {
      const d = value as IsoDate;
      const [y, m, day] = splitIsoDate(d);
      return fc.constantFrom(
        isoDateToSerial(d),
        isoDateToSerial(d) + 0.5,
        formatDateVi(d),
        `${day}/${m}/${y}`,
        `${String(day).padStart(2, "0")}-${String(m).padStart(2, "0")}-${y}`,
        d,
      );
    }
    case "count": {
      const n = value as number;
      const grouped =
        n >= 1000
          ? [
              n.toLocaleString("de-DE"),
              `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, "0")}`,
            ]
          : [];
      return fc.constantFrom(
        n,
        String(n),
        ` ${n} `,
        ...grouped,
        ...(n === 0 ? ["-", "không", "Không"] : []),
      );
    }
    case "enum": {
      const aliases = Object.entries(c.aliases ?? {})
        .filter(([, v]) => v === value)
        .map(([a]) => a);
      return fc
        .constantFrom(value as string, ...aliases)
        .chain((s) => fc.constantFrom(s, s.toUpperCase(), s.toLowerCase()))
        .chain(textForms);
    }
    case "text":
      return textForms(value as string);
  }
}
