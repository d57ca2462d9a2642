import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { ConfigError, parseApiToken, parseEnv, type WorkerConfig } from "../env.ts";
import { apiTokenAuth } from "./bearer-auth.ts";
import { HttpError } from "./http-error.ts";
import { runsRoutes } from "./runs-routes.ts";
import { totalsRoutes } from "./totals-routes.ts";
import { unitsRoutes } from "./units-routes.ts";

export type AppEnv = { Bindings: Env; Variables: { config: WorkerConfig } };

/**
 * The HTTP API. Everything under /api needs the bearer token; every error leaves through
 * `onError` as `{"error":{"code","message"}}`.
 */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/health", (c) => c.json({ ok: true, time: new Date().toISOString() }));

  app.use(
    "/api/*",
    apiTokenAuth((c) => parseApiToken(c.env)),
  );
  app.use("/api/*", async (c, next) => {
    // Parsed per request: a missing setting answers 500 with its name, never crashes.
    c.set("config", parseEnv(c.env));
    await next();
  });
  app.route("/api/runs", runsRoutes());
  app.route("/api/totals", totalsRoutes());
  app.route("/api/units", unitsRoutes());

  app.notFound((c) =>
    c.json(
      {
        error: { code: "not_found", message: `Không có đường dẫn ${c.req.method} ${c.req.path}.` },
      },
      404,
    ),
  );

  app.onError((error, c) => {
    // Hono's own middleware (bearer-auth) throws with the finished response.
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof HttpError) {
      return c.json(
        { error: { code: error.code, message: error.message, ...error.details } },
        error.status,
      );
    }
    if (error instanceof ConfigError) {
      console.error(JSON.stringify({ event: "configuration", message: error.message }));
      if (error.explainToCaller) {
        return c.json({ error: { code: "configuration", message: error.message } }, 500);
      }
    } else {
      console.error(
        JSON.stringify({
          event: "unhandled",
          message: String(error),
          stack: (error as Error).stack,
        }),
      );
    }
    return c.json(
      { error: { code: "internal", message: "Lỗi máy chủ, xem nhật ký của Worker." } },
      500,
    );
  });

  return app;
}
