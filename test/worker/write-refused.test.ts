import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { latestRun } from "../../worker/storage/run-repository.ts";
import { putAll, putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

// docs/faults.md, "Google refuses the provincial write … 400": the report tabs keep the
// last good run's content and `Nhật ký` alone is written, naming the cause. The other
// tests of that row refuse every write, the log's too; here Google refuses the report
// write only, so the log write must land.

const P = "refused-tinh";
const UNIT = "Xã Từ Chối Ghi";
const base = () => String(env.SHEETS_API_BASE).replace(/\/+$/, "");
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } };
const INPUT_TABS = ["Đơn vị", "Cấu hình", "Nhật ký"];

/** The report tabs (every output tab but Nhật ký), as the sheet holds them. */
async function reportTabs() {
  const { sheets } = await readSpreadsheet(P);
  return sheets.filter((s) => !INPUT_TABS.includes(s.title)).map((s) => [s.title, s.values]);
}

async function logRows(): Promise<unknown[][]> {
  const log = (await readSpreadsheet(P)).sheets.find((s) => s.title === "Nhật ký")!;
  return log.values.slice(1);
}

/** Replaces the first text cell of a batchUpdate body with one over Google's 50,000
 * characters, so that the emulator refuses it with Google's own 400. */
function withOversizedCell(body: unknown): unknown {
  let done = false;
  const visit = (node: unknown): unknown => {
    if (done || node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(visit);
    const object = node as Record<string, unknown>;
    if (typeof object.stringValue === "string") {
      done = true;
      return { ...object, stringValue: "x".repeat(50_001) };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, visit(v)]));
  };
  return visit(body);
}

/** A fetch with which Google refuses every provincial write that carries the report (it
 * names the unit), and accepts the rest: the write of `Nhật ký` alone. */
function refusingTheReport(refused: string[]): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = init?.body;
    if (
      init?.method === "POST" &&
      url === `${base()}/v4/spreadsheets/${P}:batchUpdate` &&
      typeof body === "string" &&
      body.includes(UNIT)
    ) {
      refused.push(url);
      return fetch(input, { ...init, body: JSON.stringify(withOversizedCell(JSON.parse(body))) });
    }
    return fetch(input, init);
  };
}

describe("a provincial write that Google refuses with 400", () => {
  it("fails the run with the cause, keeps the report tabs, and names the cause in Nhật ký", async () => {
    await putAll([
      provinceSeed(P, [["A", UNIT, "refused-a"]]),
      unitSeed("refused-a", "A", cleanUnitTabs()),
    ]);
    expect((await runJob(P, {}, fast)).status).toBe("succeeded");
    const before = await reportTabs();
    expect(before.map(([title]) => title)).toContain("Tổng hợp");
    expect((await logRows()).map((r) => r[3])).toEqual(["Hoàn thành"]);

    // New figures (the unit drops a tab), but Google refuses the write that carries them.
    await putSpreadsheet(unitSeed("refused-a", "A", cleanUnitTabs().slice(0, 2)));
    const refused: string[] = [];
    const run = await runJob(P, {}, { ...fast, fetch: refusingTheReport(refused) });
    expect(refused.length).toBeGreaterThan(0);

    const cause = "có ô dài quá 50.000 ký tự";
    expect(run.status).toBe("failed");
    expect(run.message).toContain(cause);
    expect(run.message).toContain("(Google: ");
    expect(run.message).not.toContain("tên các tab");
    // What /api/runs/latest serves.
    expect(await latestRun(env.DB, P)).toMatchObject({ id: run.id, status: "failed" });
    expect((await latestRun(env.DB, P))?.message).toContain(cause);

    // The sheet: every report tab as the last good run left it; Nhật ký alone written,
    // its newest row this run, Thất bại, with the cause.
    expect(await reportTabs()).toEqual(before);
    const log = await logRows();
    expect(log.map((r) => r[3])).toEqual(["Thất bại", "Hoàn thành"]);
    expect(String(log[0]!.at(-1))).toContain(cause);
    expect(String(log[0]!.at(-1))).toContain("giữ nguyên nội dung của lượt trước");
  });
});
