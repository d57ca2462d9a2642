import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { METRIC_IDS } from "../../shared/metrics.ts";
import type { RunRecord } from "../../worker/consolidation/model.ts";
import type { TotalsBody } from "../../worker/consolidation/totals.ts";
import worker from "../../worker/index.ts";
import { putAll } from "./helpers/emulator.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

/** Any of the API's answers, all fields taken as present: each test reads its own. */
interface ApiBody extends TotalsBody {
  ok: boolean;
  error: { code: string; message: string; run?: RunRecord };
  run: RunRecord;
}

const P = "api-tinh";
const TOKEN = "api-test-token-0123456789";
// The Worker exactly as deployed, with this file's province and token in its env.
const testEnv = { ...env, PROVINCE_SPREADSHEET_ID: P, API_TOKEN: TOKEN } as unknown as Env;

async function call(
  path: string,
  init: RequestInit = {},
  token: string | null = TOKEN,
  e: Env = testEnv,
) {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`http://worker${path}`, { ...init, headers }),
    e,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ApiBody,
  };
}

beforeAll(async () => {
  await putAll([
    provinceSeed(P, [
      ["A", "Đơn vị A", "api-a"],
      ["B", "Đơn vị B", ""],
    ]),
    unitSeed("api-a", "A", cleanUnitTabs()),
  ]);
});

describe("HTTP API", () => {
  it("answers /health without a token", async () => {
    const res = await call("/health", {}, null);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it("refuses /api/* without the right bearer token", async () => {
    for (const token of [null, "wrong-token", `${TOKEN}x`, ""]) {
      const res = await call("/api/units", {}, token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await call("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    expect((await call("/", {}, null)).status).toBe(404);
  });

  it("says which setting is missing instead of crashing", async () => {
    const res = await call("/api/units", {}, TOKEN, {
      ...testEnv,
      PROVINCE_SPREADSHEET_ID: "",
    } as unknown as Env);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("configuration");
    expect(res.body.error.message).toContain("PROVINCE_SPREADSHEET_ID");
    expect(res.body.error.message).not.toContain(TOKEN);
  });

  it("answers a plain 500 when API_TOKEN is too short, explaining nothing to callers", async () => {
    const shortToken = { ...testEnv, API_TOKEN: "abc" } as unknown as Env;
    for (const token of [null, "abc", TOKEN]) {
      const res = await call("/api/units", {}, token, shortToken);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe("internal");
      expect(JSON.stringify(res.body)).not.toMatch(/API_TOKEN|8 characters|token/i);
    }
  });

  it("has no run before the first one", async () => {
    const res = await call("/api/runs/latest", {}, TOKEN, {
      ...testEnv,
      PROVINCE_SPREADSHEET_ID: "api-none",
    } as unknown as Env);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("no_runs");
  });

  it("runs now on POST /api/runs and reports units and totals for any period", async () => {
    const posted = await call("/api/runs", { method: "POST" });
    expect(posted.status).toBe(200);
    expect(posted.body.run).toMatchObject({
      status: "succeeded",
      trigger: "api",
      periodId: "2026",
    });

    const latest = await call("/api/runs/latest");
    expect(latest.body.run.id).toBe(posted.body.run.id);

    const units = await call("/api/units");
    expect(
      units.body.units.map((u: { code: string; status: string }) => [u.code, u.status]),
    ).toEqual([
      ["A", "fresh"],
      ["B", "missing"],
    ]);

    const year = await call("/api/totals");
    expect(year.body.period).toMatchObject({
      id: "2026",
      rule: "decree09",
      from: "2025-12-15",
      to: "2026-12-14",
    });
    expect(year.body.total.inspections).toBe(3);
    const h1 = await call("/api/totals?period=2026-h1");
    expect(h1.body.period).toMatchObject({
      id: "2026-H1",
      rule: "decree09",
      from: "2025-12-15",
      to: "2026-06-14",
    });
    expect(h1.body.total.inspections).toBe(3);
    const q3 = await call("/api/totals?period=2026-Q3&rule=calendar");
    expect(q3.body.period).toMatchObject({
      id: "2026-Q3",
      rule: "calendar",
      from: "2026-07-01",
      to: "2026-09-30",
    });
    expect(q3.body.total.inspections).toBe(0);
    const y2025 = await call("/api/totals?period=2025");
    expect(y2025.body.total.inspections).toBe(1);
    for (const body of [year.body, h1.body, q3.body]) {
      expect(Object.keys(body.total)).toEqual([...METRIC_IDS]);
      for (const u of body.units) expect(Object.keys(u.metrics)).toEqual([...METRIC_IDS]);
      expect(body.units[1]).toMatchObject({
        code: "B",
        status: "missing",
        spreadsheetId: null,
        readAt: null,
      });
    }
  });

  it("answers 409 at once while another run holds the province, and logs the skip", async () => {
    const lock = `consolidation:${P}`;
    await env.DB.prepare(
      "INSERT INTO locks (name, holder, acquired_at, expires_at) VALUES (?1, 'run-999', ?2, ?3)",
    )
      .bind(lock, new Date().toISOString(), Date.now() + 600_000)
      .run();
    try {
      const res = await call("/api/runs", { method: "POST" });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("run_in_progress");
      expect(res.body.error.message).toContain("lượt số 999");
      expect(res.body.error.message).toContain("đang chạy");
      expect(res.body.error.run).toMatchObject({ status: "skipped", trigger: "api" });
      const latest = await call("/api/runs/latest");
      expect(latest.body.run).toMatchObject({ id: res.body.error.run?.id, status: "skipped" });
    } finally {
      await env.DB.prepare("DELETE FROM locks WHERE name = ?1").bind(lock).run();
    }
  });

  it("rejects a bad period or rule with 400", async () => {
    for (const query of ["period=2026-Q5", "period=năm", "period=1999", "period=", "rule=lunar"]) {
      const res = await call(`/api/totals?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type"), query).toContain("application/json");
      expect(res.body.error.code, query).toBe(
        query.startsWith("rule") ? "invalid_query" : "invalid_period",
      );
      expect(res.body.error.message, query).toContain(
        query.startsWith("rule") ? "rule" : "Kỳ báo cáo",
      );
    }
  });

  it("runs from the cron trigger too", async () => {
    const ctx = createExecutionContext();
    worker.scheduled(
      createScheduledController({ cron: "0 * * * *", scheduledTime: Date.now() }),
      testEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const latest = await call("/api/runs/latest");
    expect(latest.body.run).toMatchObject({ trigger: "scheduled", status: "succeeded" });
  });
});
