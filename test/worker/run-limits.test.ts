import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { latestRun } from "../../worker/storage/run-repository.ts";
import { loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { putAll, readSpreadsheet, writesTo } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

/** Unit A answers at once; unit B takes `slowMs` for every call. */
async function province(id: string, slowMs: number) {
  await putAll([
    provinceSeed(id, [
      ["A", "Đơn vị A", `${id}-a`],
      ["B", "Đơn vị B", `${id}-b`],
    ]),
    unitSeed(`${id}-a`, "A", cleanUnitTabs()),
    unitSeed(`${id}-b`, "B", cleanUnitTabs(), { latencyMs: slowMs }),
  ]);
}

const statusOf = async (id: string) =>
  Object.fromEntries((await loadUnitStates(env.DB, id)).map((u) => [u.code, u.status]));

describe("a run's deadline", () => {
  it("stops reading and writes nothing; the cycle's last allowed run writes the rest stale", async () => {
    const P = "limit-deadline";
    await province(P, 0);
    expect((await runJob(P)).status).toBe("succeeded");
    const published = await loadUnitStates(env.DB, P);
    await province(P, 5_000);
    const since = Date.now();
    const started = Date.now();
    const cut = await runJob(P, { deadlineMs: 800, maxCycleRuns: 2 });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(cut.status).toBe("succeeded");
    expect(cut.message).toContain("đã đọc 1/2 đơn vị");
    expect(await writesTo(P, since)).toEqual([]);
    expect(await loadUnitStates(env.DB, P)).toEqual(published);

    // B hangs again: the second run of the cycle is its last, and writes what is in.
    const forced = await runJob(P, { deadlineMs: 800, maxCycleRuns: 2 });
    expect(forced.status).toBe("succeeded");
    expect(forced.message).toContain("Sau 2 lượt vẫn còn 1 đơn vị chưa đọc được");
    expect(forced.counts).toMatchObject({ unitsFresh: 1, unitsStale: 1 });
    expect(await statusOf(P)).toEqual({ A: "fresh", B: "stale" });
    const b = (await loadUnitStates(env.DB, P)).find((u) => u.code === "B")!;
    expect(b.error).toContain("hết thời gian");
    expect((await writesTo(P, since)).length).toBe(1);
  });

  it("counts a unit that failed on its own as in: it cannot hold the cycle back", async () => {
    const P = "limit-failing";
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", `${P}-a`],
        ["B", "Đơn vị B", `${P}-b`],
      ]),
      unitSeed(`${P}-a`, "A", cleanUnitTabs()),
      unitSeed(`${P}-b`, "B", cleanUnitTabs(), { failFirst: 1_000, failStatus: 503 }),
    ]);
    const run = await runJob(P, {}, { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } });
    expect(run.status).toBe("succeeded");
    expect(run.message ?? "").not.toContain("Chưa đọc xong");
    expect(await statusOf(P)).toEqual({ A: "fresh", B: "unreadable" });
  });
});

describe("a run's lease", () => {
  it("is renewed while the run works: a second run cannot take it over meanwhile", async () => {
    const P = "limit-renew";
    await province(P, 2_000);
    const first = runJob(P, { leaseMs: 900 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // The first run is still reading B, long past its first lease of 0.9 s.
    const second = await runJob(P, { lockWaitMs: 0, leaseMs: 900 });
    expect(second.status).toBe("skipped");
    expect((await first).status).toBe("succeeded");
  });

  it("once lost, stops the run without writing the sheet or D1", async () => {
    const P = "limit-lost";
    await province(P, 2_500);
    const since = Date.now();
    const running = runJob(P, { leaseMs: 900 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Another run takes the lease over (as if the first had stalled past its lease).
    await env.DB.prepare("UPDATE locks SET holder = 'run-other' WHERE name = ?1")
      .bind(`consolidation:${P}`)
      .run();
    const run = await running;
    expect(run.status).toBe("failed");
    expect(run.message).toContain("mất quyền giữ khoá");
    expect(await writesTo(P, since)).toEqual([]);
    expect(await loadUnitStates(env.DB, P)).toEqual([]);
  });

  it("closes the row of a run that crashed: no 'Đang chạy' is left for ever", async () => {
    const P = "limit-crashed";
    await province(P, 0);
    const longAgo = new Date(Date.now() - 3_600_000).toISOString();
    await env.DB.prepare(
      "INSERT INTO runs (province_id, trigger, status, started_at) VALUES (?1, 'scheduled', 'running', ?2)",
    )
      .bind(P, longAgo)
      .run();
    const run = await runJob(P);
    expect(run.status).toBe("succeeded");
    const crashed = await env.DB.prepare(
      "SELECT status, finished_at, message FROM runs WHERE province_id = ?1 AND started_at = ?2",
    )
      .bind(P, longAgo)
      .first<{ status: string; finished_at: string | null; message: string }>();
    expect(crashed).toMatchObject({ status: "failed" });
    expect(crashed?.finished_at).not.toBeNull();
    expect(crashed?.message).toContain("dừng giữa chừng");
    const log = (await readSpreadsheet(P)).sheets.find((s) => s.title === "Nhật ký")!.values;
    expect(log.slice(1).map((r) => r[3])).toEqual(["Hoàn thành", "Thất bại"]);
    expect(await latestRun(env.DB, P)).toMatchObject({ id: run.id });
  });
});
