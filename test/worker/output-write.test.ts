import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  putAll,
  putSpreadsheet,
  readSpreadsheet,
  type SheetState,
  writesTo,
} from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, type Seed, unitSeed } from "./helpers/seeds.ts";

const P = "write-tinh";
const base = () => String(env.SHEETS_API_BASE).replace(/\/+$/, "");
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } };

async function provinceState(): Promise<{ sheets: SheetState[] }> {
  const { sheets } = await readSpreadsheet(P);
  return { sheets };
}

/** Google starts failing the province's writes at the very moment the Worker sends its
 * output: the emulator's own fault injection, switched on from inside the run. */
function failingAtTheWrite(): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (init?.method === "POST" && url.includes(`/spreadsheets/${P}:batchUpdate`)) {
      const state = (await (await fetch(`${base()}/__emulator/spreadsheets/${P}`)).json()) as Seed;
      await putSpreadsheet({ ...state, emulator: { failFirst: 100, failStatus: 503 } });
    }
    return fetch(input, init);
  };
}

describe("writing the province's output", () => {
  it("is all or nothing: a failed write leaves every tab as the last run left it", async () => {
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", "write-a"],
        ["B", "Đơn vị B", "write-b"],
      ]),
      unitSeed("write-a", "A", cleanUnitTabs()),
      unitSeed("write-b", "B", cleanUnitTabs()),
    ]);
    expect((await runJob(P, {}, fast)).status).toBe("succeeded");
    const before = await provinceState();

    // New figures (B loses a tab), but Google refuses the write of this run.
    await putSpreadsheet(unitSeed("write-b", "B", cleanUnitTabs().slice(0, 2)));
    const failed = await runJob(P, {}, { ...fast, fetch: failingAtTheWrite() });
    expect(failed.status).toBe("failed");
    expect(failed.message).toContain("Không đọc/ghi được bảng tính của tỉnh");
    expect(failed.message).toContain("Google Sheets tạm thời không phản hồi");
    expect(await provinceState()).toEqual(before);

    // Google recovers: the next run writes everything, and its log shows the failed run.
    const state = (await readSpreadsheet(P)) as unknown as Seed;
    await putSpreadsheet({ ...state, emulator: { failFirst: 0 } });
    const startedAt = Date.now();
    expect((await runJob(P, {}, fast)).status).toBe("succeeded");
    const after = new Map((await provinceState()).sheets.map((s) => [s.title, s.values]));
    expect(
      after
        .get("Nhật ký")
        ?.slice(1)
        .map((r) => r[3]),
    ).toEqual(["Hoàn thành", "Thất bại", "Hoàn thành"]);
    expect(after.get("Lỗi dữ liệu")?.some((r) => r[0] === "B" && r[3] === "Đối thoại")).toBe(true);

    // All of it arrived as ONE spreadsheets.batchUpdate (the emulator's request log):
    // no values.update, values.clear or second batch that could leave a half-written sheet.
    const writes = await writesTo(P, startedAt);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v4/spreadsheets/${P}:batchUpdate`,
    ]);
  });
});
