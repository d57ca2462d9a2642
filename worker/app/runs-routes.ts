import { Hono } from "hono";
import { runFromEnv } from "../consolidation/job-from-env.ts";
import { latestRun } from "../storage/run-repository.ts";
import type { AppEnv } from "./create-app.ts";
import { HttpError } from "./http-error.ts";

export function runsRoutes() {
  const routes = new Hono<AppEnv>();

  // Runs now and answers when the run is over (minutes for a large province): a run
  // started in waitUntil would be cut off 30 s after the response.
  routes.post("/", async (c) => {
    const run = await runFromEnv(c.env, c.get("config"), "api");
    if (run.status === "skipped") {
      throw new HttpError(
        409,
        "run_in_progress",
        run.message ?? "Một lượt tổng hợp khác đang chạy.",
        { run },
      );
    }
    if (run.status === "failed") {
      throw new HttpError(502, "run_failed", run.message ?? "Lượt tổng hợp thất bại.", { run });
    }
    return c.json({ run });
  });

  routes.get("/latest", async (c) => {
    const run = await latestRun(c.env.DB, c.get("config").provinceSpreadsheetId);
    if (!run) throw new HttpError(404, "no_runs", "Chưa có lượt tổng hợp nào.");
    return c.json({ run });
  });

  return routes;
}
