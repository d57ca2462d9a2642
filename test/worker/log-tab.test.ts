import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RunRecord, zeroCounts } from "../../worker/consolidation/model.ts";
import {
  collapseQuietRuns,
  LOG_HEADERS,
  LOG_ROWS,
  logTab,
} from "../../worker/consolidation/output/log-tab.ts";
import { QUIET_MESSAGE } from "../../worker/consolidation/province-inputs.ts";
import type { CellData } from "../../worker/sheets/request-types.ts";

const START = Date.parse("2026-12-01T00:00:00.000Z");
const FIVE_MIN = 300_000;

type Kind = "quiet" | "wrote" | "failed" | "skipped";

/** Run `id` of a 5-minute cron, started id × 5 min after START, done 20 s later. */
function run(id: number, kind: Kind, over: Partial<RunRecord> = {}): RunRecord {
  const startedAt = new Date(START + id * FIVE_MIN).toISOString();
  return {
    id,
    provinceId: "tinh",
    trigger: "scheduled",
    status: kind === "quiet" || kind === "wrote" ? "succeeded" : kind,
    startedAt,
    finishedAt: new Date(Date.parse(startedAt) + 20_000).toISOString(),
    periodId: "2026",
    periodRule: "decree09",
    counts: { ...zeroCounts(), unitsTotal: 6, unitsFresh: 5, unitsMissing: 1 },
    message: kind === "quiet" ? QUIET_MESSAGE : kind === "wrote" ? null : `lý do ${id}`,
    ...over,
  };
}

const plain = (c: CellData | undefined) => {
  const v = c?.userEnteredValue;
  return v && "stringValue" in v ? v.stringValue : v && "numberValue" in v ? v.numberValue : null;
};
const column = (name: (typeof LOG_HEADERS)[number]) => LOG_HEADERS.indexOf(name);

/** Vietnam time (UTC+7) as the note writes it. */
const vn = (ms: number) => {
  const t = new Date(ms + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCHours())}:${p(t.getUTCMinutes())} ${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
};

describe("Nhật ký collapses runs that found nothing new", () => {
  it("shows a stretch of quiet runs as one row: how many, from the first start to the last end", () => {
    // Oldest → newest: a write, 12 quiet runs (an hour), a write, 3 quiet runs.
    const kinds: Kind[] = [
      "wrote",
      ...Array<Kind>(12).fill("quiet"),
      "wrote",
      "quiet",
      "quiet",
      "quiet",
    ];
    const runs = kinds.map((k, i) => run(i + 1, k));
    const tab = logTab(runs);
    const notes = tab.rows.slice(1).map((r) => plain(r[column("Ghi chú")]));
    expect(notes).toEqual([
      `3 lượt liền nhau không có thay đổi (từ ${vn(START + 15 * FIVE_MIN)} đến ${vn(START + 17 * FIVE_MIN + 20_000)}): bảng tính của tỉnh không cần ghi lại.`,
      "",
      `12 lượt liền nhau không có thay đổi (từ ${vn(START + 2 * FIVE_MIN)} đến ${vn(START + 13 * FIVE_MIN + 20_000)}): bảng tính của tỉnh không cần ghi lại.`,
      "",
    ]);
    // Bắt đầu is the stretch's first start, Kết thúc its last end (as date-time cells).
    const quietHour = tab.rows[3]!;
    const serial = (ms: number) => (ms + 7 * 3_600_000) / 86_400_000 + 25_569;
    expect(plain(quietHour[column("Bắt đầu")])).toBeCloseTo(serial(START + 2 * FIVE_MIN), 8);
    expect(plain(quietHour[column("Kết thúc")])).toBeCloseTo(
      serial(START + 13 * FIVE_MIN + 20_000),
      8,
    );
    expect(plain(quietHour[column("Kết quả")])).toBe("Hoàn thành");
    expect(plain(quietHour[column("Đọc được")])).toBe(5);
  });

  it("keeps a single quiet run's own note, and never merges across a write, a failure or a skip", () => {
    const runs = [
      run(1, "quiet"),
      run(2, "failed"),
      run(3, "quiet"),
      run(4, "quiet"),
      run(5, "skipped"),
      run(6, "quiet"),
    ];
    const tab = logTab(runs);
    expect(tab.rows.slice(1).map((r) => plain(r[column("Kết quả")]))).toEqual([
      "Hoàn thành",
      "Bỏ qua",
      "Hoàn thành",
      "Thất bại",
      "Hoàn thành",
    ]);
    expect(plain(tab.rows[1]![column("Ghi chú")])).toBe(QUIET_MESSAGE);
    expect(plain(tab.rows[3]![column("Ghi chú")])).toMatch(/^2 lượt liền nhau/);
  });

  it("does not merge quiet runs of another period, another trigger or other counts", () => {
    const other = { ...zeroCounts(), unitsTotal: 7 };
    const entries = collapseQuietRuns([
      run(6, "quiet"),
      run(5, "quiet", { periodId: "2026-Q4" }),
      run(4, "quiet", { trigger: "api" }),
      run(3, "quiet", { counts: other }),
      run(2, "quiet", { message: `Đã chờ lượt khác. ${QUIET_MESSAGE}` }),
      run(1, "quiet"),
    ]);
    expect(entries.map((e) => e.count)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("accounts for every run exactly once, newest first, each stretch as long as it can be", () => {
    const kind = fc.constantFrom<Kind>("quiet", "quiet", "quiet", "wrote", "failed", "skipped");
    fc.assert(
      fc.property(fc.array(kind, { maxLength: 80 }), (kinds) => {
        const newestFirst = kinds.map((k, i) => run(kinds.length - i, k));
        const entries = collapseQuietRuns(newestFirst);
        expect(entries.reduce((n, e) => n + e.count, 0)).toBe(newestFirst.length);
        // Each entry covers consecutive runs, from `run` (newest) down to `oldest`.
        let next = 0;
        for (const e of entries) {
          expect(e.run).toBe(newestFirst[next]);
          expect(e.oldest).toBe(newestFirst[next + e.count - 1]);
          if (e.count > 1) {
            for (const r of newestFirst.slice(next, next + e.count))
              expect(r.message).toBe(QUIET_MESSAGE);
          }
          next += e.count;
        }
        // Two neighbouring entries that are both quiet would have been one.
        entries.forEach((e, i) => {
          const older = entries[i + 1];
          if (older)
            expect(e.oldest.message === QUIET_MESSAGE && older.run.message === QUIET_MESSAGE).toBe(
              false,
            );
        });
        // The rows: one per entry, capped.
        expect(logTab(newestFirst).rows.length - 1).toBe(Math.min(entries.length, LOG_ROWS));
      }),
    );
  });

  it("shows at most LOG_ROWS rows, the newest", () => {
    const runs = Array.from({ length: LOG_ROWS + 30 }, (_, i) => run(i + 1, "wrote"));
    const tab = logTab(runs);
    expect(tab.rows).toHaveLength(LOG_ROWS + 1);
    const first = plain(tab.rows[1]![column("Bắt đầu")]) as number;
    const last = plain(tab.rows.at(-1)![column("Bắt đầu")]) as number;
    expect(first).toBeGreaterThan(last);
  });
});
