import { Hono } from "hono";
import { loadUnitStates } from "../storage/unit-repository.ts";
import type { AppEnv } from "./create-app.ts";

export function unitsRoutes() {
  const routes = new Hono<AppEnv>();

  /** The registry as the latest run read it, with each unit's status and reason. */
  routes.get("/", async (c) => {
    const provinceId = c.get("config").provinceSpreadsheetId;
    const units = await loadUnitStates(c.env.DB, provinceId);
    return c.json({
      provinceId,
      units: units.map((u) => ({
        code: u.code,
        name: u.name,
        spreadsheetId: u.spreadsheetId,
        status: u.status,
        error: u.error,
        checkedAt: u.checkedAt,
        readAt: u.readAt,
      })),
    });
  });

  return routes;
}
