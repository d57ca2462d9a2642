import { env } from "cloudflare:workers";

const base = () => String(env.SHEETS_API_BASE).replace(/\/+$/, "");

/**
 * D1 that starts refusing statements the moment the province's output write has landed:
 * `fetch` is the Worker client's fetch (it notices Google's answer to the write), `db` the
 * database the run uses. `spared` says which statements still answer (e.g. the run record
 * and the lease, for "D1 answers, but not for the saves"); by default none do.
 */
export function d1FailingAfterTheWrite(
  provinceId: string,
  spared: (sql: string) => boolean = () => false,
): { fetch: typeof fetch; db: D1Database; readonly refused: string[] } {
  let down = false;
  const refused: string[] = [];
  const check = (sql: string) => {
    if (!down || spared(sql)) return null;
    refused.push(sql);
    return new Error("D1_ERROR: D1 is unavailable (test fault after the provincial write)");
  };
  const real = new WeakMap<object, D1PreparedStatement>();
  const sqlOf = new WeakMap<object, string>();
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => wrap(target.bind(...values), sql);
        if (prop === "run" || prop === "all" || prop === "first" || prop === "raw") {
          return (...args: unknown[]) => {
            const error = check(sql);
            if (error) return Promise.reject(error);
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    real.set(proxy, statement);
    sqlOf.set(proxy, sql);
    return proxy;
  };
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") {
        return (sql: string) => wrap(target.prepare(sql), sql);
      }
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          for (const s of statements) {
            const error = check(sqlOf.get(s) ?? "batch");
            if (error) throw error;
          }
          return target.batch(statements.map((s) => real.get(s) ?? s));
        };
      }
      if (prop === "exec") {
        return async (sql: string) => {
          const error = check(sql);
          if (error) throw error;
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const watching: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const isOutputWrite =
      init?.method === "POST" &&
      url.startsWith(`${base()}/v4/spreadsheets/${provinceId}:batchUpdate`);
    if (isOutputWrite && response.ok) down = true;
    return response;
  };
  return { fetch: watching, db, refused };
}
