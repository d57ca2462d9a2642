import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./create-app.ts";
import { HttpError } from "./http-error.ts";

/**
 * `Authorization: Bearer <API_TOKEN>`. Both sides are hashed before the comparison so it
 * takes the same time whatever the length or content of the presented token.
 */
export function bearerAuth(expectedToken: (c: Context<AppEnv>) => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match?.[1] || !(await tokensEqual(match[1], expectedToken(c)))) {
      throw new HttpError(
        401,
        "unauthorized",
        "Thiếu hoặc sai mã truy cập (Authorization: Bearer …).",
      );
    }
    await next();
  });
}

async function tokensEqual(presented: string, expected: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(presented)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}
