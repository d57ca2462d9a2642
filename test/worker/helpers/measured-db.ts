import { env } from "cloudflare:workers";

/** env.DB, recording the UTF-8 size of every text bound to a statement. */
export function measuredDb(sizes: number[]): D1Database {
  const encoder = new TextEncoder();
  return new Proxy(env.DB, {
    get(target, key) {
      if (key === "prepare") {
        return (query: string) => {
          const statement = target.prepare(query);
          const bind = statement.bind.bind(statement);
          statement.bind = (...values: unknown[]) => {
            for (const v of values) if (typeof v === "string") sizes.push(encoder.encode(v).length);
            return bind(...values);
          };
          return statement;
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
