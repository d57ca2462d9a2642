/**
 * A benchmark province in an emulator data folder: the example province's registry
 * replaced by `units` copies of its units (each a spreadsheet of its own), as Drive would
 * list them: last modified well before the bench, so that only what the bench edits
 * counts as changed.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";

const fixtureDir = resolve(import.meta.dirname, "../../test/fixtures/example-province");

interface Seed {
  spreadsheetId: string;
  properties: { title: string };
  sheets: { title: string; values: unknown[][] }[];
  emulator?: Record<string, unknown>;
  drive?: Record<string, unknown>;
}

export interface BenchProvince {
  readonly provinceId: string;
  /** The unit spreadsheets that answer (neither unshared nor flaky), in registry order. */
  readonly healthyUnitIds: readonly string[];
}

export interface ProvinceOptions {
  readonly units: number;
  /** The first `deny` units are not shared with the service account (403). */
  readonly deny?: number;
  /** The next `flaky` units answer 503 on their first call. */
  readonly flaky?: number;
}

// An hour before the bench: older than any margin a Worker keeps when it asks Drive.
const SEEDED_MODIFIED_AGO_MS = 60 * 60_000;

export async function buildProvince(dir: string, options: ProvinceOptions): Promise<BenchProvince> {
  const { units, deny = 0, flaky = 0 } = options;
  const seeds: Seed[] = [];
  for (const f of (await readdir(fixtureDir)).filter((f) => f.endsWith(".json")).sort()) {
    seeds.push(JSON.parse(await readFile(join(fixtureDir, f), "utf8")) as Seed);
  }
  const province = seeds.find((s) => s.sheets.some((t) => t.title === "Đơn vị"));
  if (!province) throw new Error(`no province spreadsheet (with a "Đơn vị" tab) in ${fixtureDir}`);
  const templates = seeds.filter((s) => s !== province);
  const modifiedTime = new Date(Date.now() - SEEDED_MODIFIED_AGO_MS).toISOString();
  const registry: unknown[][] = [["Mã đơn vị", "Tên đơn vị", "Bảng tính", "Ghi chú"]];
  const healthyUnitIds: string[] = [];
  for (let i = 0; i < units; i++) {
    const code = `X${String(i + 1).padStart(4, "0")}`;
    const source = templates[i % templates.length] as Seed;
    const id = `bench-${code.toLowerCase()}`;
    const seed: Seed = {
      ...source,
      sheets: withSubmissionTab(source.sheets),
      spreadsheetId: id,
      properties: { title: `Xã ${code}` },
      drive: { modifiedTime, createdTime: modifiedTime },
    };
    delete seed.emulator;
    if (i < deny) seed.emulator = { deny: true };
    else if (i < deny + flaky) seed.emulator = { failFirst: 1, failStatus: 503 };
    else healthyUnitIds.push(id);
    await writeFile(join(dir, `${id}.json`), JSON.stringify(seed));
    registry.push([code, `Xã ${code}`, id, ""]);
  }
  const provinceSeed: Seed = {
    ...province,
    spreadsheetId: "bench-province",
    drive: { modifiedTime, createdTime: modifiedTime },
    sheets: province.sheets.map((t) => (t.title === "Đơn vị" ? { ...t, values: registry } : t)),
  };
  await writeFile(join(dir, "province.json"), JSON.stringify(provinceSeed));
  return { provinceId: provinceSeed.spreadsheetId, healthyUnitIds };
}

/** A unit's tabs with `Nộp báo cáo` (empty when the example unit has none), as the add-on's
 * Tạo biểu mẫu makes it: the Worker then reads a known unit in one batchGet, not two. */
function withSubmissionTab(sheets: Seed["sheets"]): Seed["sheets"] {
  if (sheets.some((t) => t.title === SUBMISSION_TAB.title)) return sheets;
  return [
    ...sheets,
    { title: SUBMISSION_TAB.title, values: [SUBMISSION_TAB.columns.map((c) => c.header)] },
  ];
}
