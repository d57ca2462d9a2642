import { METRICS } from "../../shared/metrics.ts";

/** What the Worker logs per unit (worker/consolidation/job-from-env.ts). */
export interface UnitProgressLine {
  readonly index: number;
  readonly count: number;
  readonly code: string;
  readonly name: string;
  readonly status: "fresh" | "stale" | "unreadable" | "missing";
  readonly rows: number;
  readonly invalidRows: number;
  readonly error: string | null;
}

const STATUS_VI = {
  fresh: "đã cập nhật",
  stale: "không đọc được, dùng số liệu cũ",
  unreadable: "không đọc được",
  missing: "chưa có bảng tính",
} as const;

export function progressLine(p: UnitProgressLine, done: number): string {
  const head = `  [${String(done).padStart(String(p.count).length)}/${p.count}] ${p.code} ${p.name}: ${STATUS_VI[p.status]}`;
  if (p.status === "fresh") return `${head}, ${p.rows} dòng hợp lệ, ${p.invalidRows} dòng lỗi`;
  return p.error ? `${head} – ${p.error}` : head;
}

export interface TotalsForPrint {
  readonly period: {
    readonly id: string;
    readonly rule: string;
    readonly from: string;
    readonly to: string;
  };
  readonly units: readonly {
    readonly code: string;
    readonly status: string;
    readonly metrics: Readonly<Record<string, number>>;
  }[];
  readonly total: Readonly<Record<string, number>>;
}

// Beyond this many units the table shows the province total only (terminal width).
const MAX_UNIT_COLUMNS = 10;

/** The totals as a text table: one line per metric, a column per unit and `Toàn tỉnh`. */
export function totalsTable(totals: TotalsForPrint): string {
  const units = totals.units.length <= MAX_UNIT_COLUMNS ? totals.units : [];
  const labels = METRICS.map((m) => `${m.label} (${m.id})`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const columns = [...units.map((u) => u.code), "Toàn tỉnh"];
  const widths = columns.map((c) => Math.max(c.length, 5));
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(labelWidth)}  ${cells.map((c, i) => c.padStart(widths[i]!)).join("  ")}`;
  const out = [
    line("", columns),
    line(
      "-".repeat(labelWidth),
      widths.map((w) => "-".repeat(w)),
    ),
  ];
  METRICS.forEach((m, i) => {
    const cells = [
      ...units.map((u) => String(u.metrics[m.id] ?? 0)),
      String(totals.total[m.id] ?? 0),
    ];
    out.push(line(labels[i]!, cells));
  });
  return out.join("\n");
}
