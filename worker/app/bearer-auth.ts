import type { Context, MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import type { AppEnv } from "./create-app.ts";

/**
 * `Authorization: Bearer <API_TOKEN>`, checked by Hono's bearer-auth (it compares hashes,
 * in constant time). Every refusal is 401 with our error body, also for a malformed
 * header, so a caller learns nothing from the difference.
 */
export function apiTokenAuth(
  expectedToken: (c: Context<AppEnv>) => string,
): MiddlewareHandler<AppEnv> {
  const refuse = (c: Context<AppEnv>) =>
    c.json(
      {
        error: {
          code: "unauthorized",
          message: "Thiếu hoặc sai mã truy cập (Authorization: Bearer …).",
        },
      },
      401,
    );
  return (c, next) =>
    bearerAuth<AppEnv>({
      token: expectedToken(c),
      realm: "qcdc-sheets",
      noAuthenticationHeader: { message: refuse },
      invalidAuthenticationHeader: { message: refuse },
      invalidToken: { message: refuse },
    })(c, next);
}
