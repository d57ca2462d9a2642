import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { putAll, readSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

async function province(id: string) {
  await putAll([
    provinceSeed(id, [["A", "Đơn vị A", `${id}-a`]]),
    unitSeed(`${id}-a`, "A", cleanUnitTabs()),
  ]);
}

describe("overlapping runs of one province", () => {
  it("never interleave: with no time to wait, the second skips and says so", async () => {
    const id = "overlap-skip";
    await province(id);
    const runs = await Promise.all([runJob(id, { lockWaitMs: 0 }), runJob(id, { lockWaitMs: 0 })]);
    expect(runs.map((r) => r.status).sort()).toEqual(["skipped", "succeeded"]);
    const skipped = runs.find((r) => r.status === "skipped")!;
    expect(skipped.message).toMatch(
      /^Bỏ qua: một lượt tổng hợp khác \(lượt số \d+, bắt đầu lúc .*đang chạy/,
    );
    // The next run's log shows the skipped one too.
    expect((await runJob(id)).status).toBe("succeeded");
    const log = (await readSpreadsheet(id)).sheets.find((s) => s.title === "Nhật ký")!.values;
    expect(
      log
        .slice(1)
        .map((r) => r[3])
        .sort(),
    ).toEqual(["Bỏ qua", "Hoàn thành", "Hoàn thành"]);
    expect(log.find((r) => r[3] === "Bỏ qua")?.[13]).toContain("đang chạy");
  });

  it("wait for each other when given time, and both finish", async () => {
    const id = "overlap-wait";
    await province(id);
    const runs = await Promise.all([
      runJob(id, { lockWaitMs: 60_000 }),
      runJob(id, { lockWaitMs: 60_000 }),
    ]);
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    const [a, b] = [...runs].sort((x, y) => x.startedAt.localeCompare(y.startedAt));
    // One ran after the other had released the lock, and says it waited.
    expect(a!.finishedAt! <= b!.finishedAt!).toBe(true);
    const waited = runs.find((r) => r.message !== null);
    expect(waited?.message).toMatch(/^Lượt này đã chờ \d+ giây cho lượt số \d+ \(bắt đầu lúc /);
    expect(runs.filter((r) => r.message === null)).toHaveLength(1);
    const log = (await readSpreadsheet(id)).sheets.find((s) => s.title === "Nhật ký")!.values;
    // Nhật ký lists the newest run first: the one that waited.
    expect(log[1]?.[13]).toContain("đã chờ");
  });

  it("skips while a live lease is held, and takes over a crashed run's expired lease", async () => {
    const id = "overlap-lease";
    await province(id);
    const lock = `consolidation:${id}`;
    await env.DB.prepare(
      "INSERT INTO locks (name, holder, acquired_at, expires_at) VALUES (?1, 'run-crashed', ?2, ?3)",
    )
      .bind(lock, new Date().toISOString(), Date.now() + 600_000)
      .run();
    expect((await runJob(id, { lockWaitMs: 0 })).status).toBe("skipped");
    await env.DB.prepare("UPDATE locks SET expires_at = ?2 WHERE name = ?1")
      .bind(lock, Date.now() - 1)
      .run();
    expect((await runJob(id, { lockWaitMs: 0 })).status).toBe("succeeded");
    const left = await env.DB.prepare("SELECT count(*) AS n FROM locks WHERE name = ?1")
      .bind(lock)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});
