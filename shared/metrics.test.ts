import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { METRIC_IDS, METRIC_SECTIONS, METRICS } from "./metrics.ts";

// docs/domain.md is the contract: its metric tables, section by section, in order.
function documentedMetrics() {
  const doc = readFileSync(join(import.meta.dirname, "..", "docs", "domain.md"), "utf8");
  const start = doc.indexOf("## Metrics (version 2)");
  const end = doc.indexOf("### Version 1 ids that are gone", start);
  const rows: { section: string; id: string; label: string; unit: string }[] = [];
  let section = "";
  for (const line of doc.slice(start, end).split("\n")) {
    const heading = /^\*\*([IV]+)\. (.+)\*\*$/.exec(line);
    if (heading) section = `${heading[1]}. ${heading[2]}`;
    const row = /^\| `(\w+)` \| (.+?) \| (.+?) \|/.exec(line);
    if (row) rows.push({ section, id: row[1]!, label: row[2]!, unit: row[3]! });
  }
  return rows;
}

describe("METRICS (v2)", () => {
  it("is the documented table: ids, labels, units and sections, in report order", () => {
    const documented = documentedMetrics();
    expect(documented.length).toBeGreaterThan(40);
    const numeral = new Map(METRIC_SECTIONS.map((s) => [s.id, `${s.numeral}. ${s.title}`]));
    expect(
      METRICS.map((m) => ({
        section: numeral.get(m.section),
        id: m.id,
        label: m.label,
        unit: m.unit,
      })),
    ).toEqual(documented);
  });

  it("marks exactly the 'Trong đó' rows as breakdowns, each under a row of its section", () => {
    METRICS.forEach((m, i) => {
      expect(m.breakdown, m.id).toBe(m.label.startsWith("Trong đó:"));
      if (m.breakdown) expect(METRICS[i - 1]?.section, m.id).toBe(m.section);
    });
  });

  it("has unique ids, NFC text, and sections in METRIC_SECTIONS order with none empty", () => {
    expect(new Set(METRIC_IDS).size).toBe(METRICS.length);
    for (const m of METRICS) {
      expect(m.label.normalize("NFC")).toBe(m.label);
      expect(m.unit.normalize("NFC")).toBe(m.unit);
    }
    const order = METRIC_SECTIONS.map((s) => s.id);
    const seen = METRICS.map((m) => m.section).filter((s, i, all) => all[i - 1] !== s);
    expect(seen).toEqual(order);
  });

  it("drops the v1 ids that changed meaning", () => {
    for (const gone of ["inspectionsByProvince", "inspectionsByDistrict", "inspectionsByCommune"]) {
      expect(METRIC_IDS).not.toContain(gone);
    }
  });
});
