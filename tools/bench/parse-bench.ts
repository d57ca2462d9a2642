/**
 * Benchmark: parse + validate + aggregate (`readUnit` then `aggregateUnit`) against a
 * "sum-only floor" that walks the same cells and only adds up the numbers in them. The
 * ratio says how far cell reading is from the machine; issue 14 asks for ≤ 60×.
 *
 *   node --experimental-strip-types tools/bench/parse-bench.ts [--rows 50000] [--json FILE]
 *
 * Rows are generated (seeded, so every run reads the same cells) the way units type them:
 * mostly clean values, some typed forms (dates as text, counts with thousands dots, enum
 * aliases in other cases or NFD, text with double spaces or NFD), texts that repeat
 * within a unit the way chairs, bases and topics do plus a share that never repeats, and
 * about 2% of rows with an error.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { aggregateUnit } from "../../shared/aggregate.ts";
import { isoDateToSerial, serialToIsoDate } from "../../shared/cells/dates.ts";
import { resolvePeriod } from "../../shared/periods.ts";
import { readUnit } from "../../shared/read-unit.ts";
import type { ColumnDef } from "../../shared/schema/template.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";

export interface ParseBenchResult {
  readonly rows: number;
  readonly rowsPerSecond: number;
  readonly floorRowsPerSecond: number;
  /** parse + validate + aggregate time ÷ floor time on the same cells. */
  readonly ratio: number;
  /** `readUnit` alone (parse + validate), rows per second. */
  readonly readRowsPerSecond: number;
}

type Tab = { title: string; values: unknown[][] };

const ROWS_PER_TAB = 50;
const PHRASES = [
  "Trường THCS Lê Lợi",
  "UBND Phường 5",
  "Trạm Y tế xã Hòa Bình",
  "Đồng chí Bí thư Đảng ủy",
  "Kiểm tra việc thực hiện Luật Thực hiện dân chủ ở cơ sở",
  "Hội nghị triển khai Quy chế dân chủ",
  "Khu dân cư số 3, Phường Thủy Xuân",
  "Nguyễn Văn An",
  "Chi bộ thôn Đông",
  "Công an xã Tân Hội",
];

/** Mulberry32: a small seeded generator, so runs and machines compare. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function cell(column: ColumnDef, unit: number, row: number, rnd: () => number): unknown {
  const roll = rnd();
  switch (column.type) {
    case "date": {
      const serial = isoDateToSerial("2025-12-15") + Math.floor(rnd() * 365);
      if (roll < 0.85) return serial;
      const [y, m, d] = serialToIsoDate(serial).split("-");
      return `${d}/${m}/${y}`;
    }
    case "count": {
      const n = Math.floor(rnd() * (roll < 0.05 ? 5000 : 200));
      if (roll < 0.8) return n;
      if (roll < 0.9) return String(n);
      if (roll < 0.95) return n >= 1000 ? n.toLocaleString("de-DE") : ` ${n} `;
      return n === 0 ? "-" : n;
    }
    case "enum": {
      const aliases = Object.keys(column.aliases ?? {});
      const value = column.values[Math.floor(rnd() * column.values.length)] ?? "";
      if (roll < 0.8) return value;
      if (roll < 0.85 && aliases.length > 0) {
        return aliases[Math.floor(rnd() * aliases.length)];
      }
      if (roll < 0.93) return value.toLowerCase();
      return value.normalize("NFD");
    }
    case "text": {
      const phrase = PHRASES[Math.floor(rnd() * PHRASES.length)] ?? "";
      // A unit repeats a few dozen texts; one in four is its own (a decision number, a name).
      const text = roll < 0.75 ? `${phrase} ${unit % 40}` : `${phrase} số ${unit}-${row}-${rnd()}`;
      if (rnd() < 0.1) return text.normalize("NFD");
      if (rnd() < 0.05) return `  ${text.replace(" ", "  ")} `;
      return text;
    }
  }
}

/** Units of four template tabs, each a title row, a blank row, the header and its rows. */
export function generateUnits(rows: number, seed = 1): Tab[][] {
  const rnd = random(seed);
  const perUnit = ROWS_PER_TAB * TEMPLATES.length;
  const units: Tab[][] = [];
  for (let u = 0; u * perUnit < rows; u++) {
    const tabs = TEMPLATES.map((template) => {
      const columns: readonly ColumnDef[] = template.columns;
      const limits = columns.map((c) =>
        c.type === "count" ? columns.findIndex((l) => l.key === c.atMost) : -1,
      );
      const values: unknown[][] = [
        [`${template.title.toUpperCase()} – Đơn vị ${u}`],
        [],
        columns.map((c) => c.header),
      ];
      for (let r = 0; r < ROWS_PER_TAB; r++) {
        const row = columns.map((c) => cell(c, u, r, rnd));
        limits.forEach((at, i) => {
          // "at most" pairs (remedied ≤ recommendations) as offices fill them: valid.
          if (at >= 0) row[i] = typeof row[at] === "number" ? Math.floor(row[at] / 2) : null;
        });
        // About one row in fifty has an error, as a unit's sheet does before its data check.
        if (rnd() < 0.02) row[0] = "31/02/2026";
        values.push(row);
      }
      return { title: template.title, values };
    });
    // Not through JSON, though the Worker gets its cells so: flat strings are larger than
    // the joined pieces built here, and the floor, which must look at every cell to find
    // the numbers, slows by ~30% on them. The floor stays what it was measured on.
    units.push(tabs);
  }
  return units;
}

// Every number the floor adds ends up here, so the JIT cannot drop the loop.
let sink = 0;

/** The least work over the same cells: visit each data row and add up its numbers. */
function floorPass(units: readonly Tab[][]): number {
  let sum = 0;
  let rows = 0;
  for (const tabs of units) {
    for (const tab of tabs) {
      const values = tab.values;
      for (let r = 3; r < values.length; r++) {
        const row = values[r] as unknown[];
        rows++;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (typeof v === "number") sum += v;
        }
      }
    }
  }
  sink += sum;
  return rows;
}

const period = resolvePeriod("2026")!;

function fullPass(units: readonly Tab[][]): number {
  let rows = 0;
  for (const tabs of units) {
    const read = readUnit(tabs);
    const metrics = aggregateUnit(read.rows, read.invalidRows, period);
    sink += metrics.invalidRows;
    for (const t of tabs) rows += t.values.length - 3;
  }
  return rows;
}

function readPass(units: readonly Tab[][]): number {
  let rows = 0;
  for (const tabs of units) {
    sink += readUnit(tabs).invalidRows;
    for (const t of tabs) rows += t.values.length - 3;
  }
  return rows;
}

/** CPU microseconds of this process: on a shared machine, wall time counts the others. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU microseconds per row of one timing of `pass`, repeated until it takes 50 ms. */
function timeOnce(pass: (units: readonly Tab[][]) => number, units: readonly Tab[][]): number {
  for (let repeat = 1; ; repeat *= 2) {
    const start = cpuMicros();
    let rows = 0;
    for (let i = 0; i < repeat; i++) rows += pass(units);
    const us = cpuMicros() - start;
    if (us >= 50_000 || repeat >= 1 << 16) return us / rows;
  }
}

/**
 * Best of `runs` timings of each pass, taken in turns so that a busy moment of a shared
 * machine slows all of them alike rather than one. Rows per second.
 */
function time(
  passes: readonly ((units: readonly Tab[][]) => number)[],
  units: readonly Tab[][],
  runs: number,
): number[] {
  const best = passes.map(() => Number.POSITIVE_INFINITY);
  for (let run = 0; run < runs; run++) {
    passes.forEach((pass, i) => {
      best[i] = Math.min(best[i] ?? Number.POSITIVE_INFINITY, timeOnce(pass, units));
    });
  }
  return best.map((us) => 1_000_000 / us);
}

export function runParseBench(rows = 50_000, runs = 5): ParseBenchResult {
  const units = generateUnits(rows);
  const total = units.reduce((n, tabs) => n + tabs.length * ROWS_PER_TAB, 0);
  // One untimed pass of each, so all three are compiled before any is timed.
  fullPass(units);
  readPass(units);
  floorPass(units);
  const [rowsPerSecond = 0, readRowsPerSecond = 0, floorRowsPerSecond = 0] = time(
    [fullPass, readPass, floorPass],
    units,
    runs,
  );
  return {
    rows: total,
    rowsPerSecond: Math.round(rowsPerSecond),
    floorRowsPerSecond: Math.round(floorRowsPerSecond),
    ratio: Math.round((floorRowsPerSecond / rowsPerSecond) * 10) / 10,
    readRowsPerSecond: Math.round(readRowsPerSecond),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({
    options: {
      rows: { type: "string", default: "50000" },
      runs: { type: "string", default: "5" },
      json: { type: "string" },
    },
  });
  const result = runParseBench(Number(args.rows), Number(args.runs));
  const fmt = (n: number) => n.toLocaleString("en-US");
  console.log(`rows                       ${fmt(result.rows)}`);
  console.log(`parse + validate + agg.    ${fmt(result.rowsPerSecond)} rows/s`);
  console.log(`readUnit alone             ${fmt(result.readRowsPerSecond)} rows/s`);
  console.log(`sum-only floor             ${fmt(result.floorRowsPerSecond)} rows/s`);
  console.log(`ratio to the floor         ${result.ratio}× (target ≤ 60×)`);
  if (args.json) await writeFile(args.json, `${JSON.stringify({ parse: result }, null, 2)}\n`);
  if (sink === Number.NEGATIVE_INFINITY) console.log(sink);
}
