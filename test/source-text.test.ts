import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Every Vietnamese string users see comes from these sources: they must be precomposed
// (NFC). Decomposed text belongs only in the fixtures, where it is the realistic mess.
const root = join(import.meta.dirname, "..");
const SOURCES = ["shared", "worker", "addon/src", "test", "README.md"];
const SKIP = /node_modules|worker-configuration\.d\.ts$|test\/fixtures\/example-province\//;
const TEXT = /\.(ts|mjs|md|html|css|json|sql)$/;

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

describe("source text", () => {
  const all = SOURCES.flatMap((s) => files(join(root, s)))
    .filter((f) => TEXT.test(f) && !SKIP.test(f))
    .map((f) => relative(root, f));

  it("covers the sources that hold user-facing text", () => {
    expect(all.some((f) => f.startsWith("shared/templates/"))).toBe(true);
    expect(all.some((f) => f.startsWith("worker/consolidation/"))).toBe(true);
  });

  it("is NFC everywhere, so messages and headers compare and render as typed", () => {
    const decomposed = all.filter((f) => {
      const text = readFileSync(join(root, f), "utf8");
      return text !== text.normalize("NFC");
    });
    expect(decomposed).toEqual([]);
  });
});
