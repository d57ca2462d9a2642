import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ADDON, assertBuilt, DIST } from "./load-bundle.ts";

/** Every file under `dir` whose name ends with one of `extensions`. */
function files(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, extensions);
    return extensions.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

// Sources of every text the add-on shows: pages, client scripts, server messages (alerts,
// errors, title rows), plus the built pages, which also carry shared/'s headers and notes.
const SOURCES = files(join(ADDON, "src"), [".ts", ".html", ".css"]);
function builtPages(): string[] {
  assertBuilt();
  return files(DIST, [".html"]);
}

/** `file:line: text` for each line that `bad` flags. */
function offending(paths: readonly string[], bad: (line: string) => boolean): string[] {
  return paths.flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .flatMap((line, i) =>
        bad(line) ? [`${relative(ADDON, path)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

// The old tone placement (Hoà, Thuỷ, Uỷ ban) in an open syllable; the product writes the
// new one (Hòa, Thủy, Ủy ban) as the domain contract does. "quý" is right in both styles.
const OLD_TONE_PLACEMENT = /(?<![qQ])[uU][ỳýỷỹỵ](?!\p{L})|[oO][àáảãạèéẻẽẹ](?!\p{L})/u;

// Product words typed without diacritics (a Telex slip or a copy from an ASCII source).
const BARE_WORDS =
  /\b(kiem tra|giam sat|nhap lieu|don vi|bang tinh|bieu mau|cai dat|huong dan|bao cao|khen thuong|doi thoai|tap huan|hoi nghi|du lieu|so lieu)\b/i;

describe("user-visible text", () => {
  it("is NFC in every source and built page (decomposed text would not match the sheet)", () => {
    expect(SOURCES.length).toBeGreaterThan(10);
    expect(
      offending([...SOURCES, ...builtPages()], (line) => line.normalize("NFC") !== line),
    ).toEqual([]);
  });

  it("uses one tone-mark placement and no Vietnamese words without diacritics", () => {
    const all = [...SOURCES, ...builtPages()];
    expect(offending(all, (line) => OLD_TONE_PLACEMENT.test(line))).toEqual([]);
    expect(offending(all, (line) => BARE_WORDS.test(line))).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    expect("Hòa".normalize("NFD").normalize("NFC")).toBe("Hòa");
    expect("Hòa".normalize("NFD") === "Hòa").toBe(false);
    for (const old of ["Xã Hoà Bình", "Uỷ ban MTTQ", "thuỷ lợi", "hoè"]) {
      expect(OLD_TONE_PLACEMENT.test(old), old).toBe(true);
    }
    for (const ok of ["Xã Hòa Bình", "Ủy ban MTTQ", "quý", "hoàn thành", "Thủy"]) {
      expect(OLD_TONE_PLACEMENT.test(ok), ok).toBe(false);
    }
    expect(BARE_WORDS.test("Chon bieu mau")).toBe(true);
    expect(BARE_WORDS.test("Chọn biểu mẫu")).toBe(false);
  });
});
