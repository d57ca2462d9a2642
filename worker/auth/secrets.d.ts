// Worker secrets are not in wrangler.toml, so `wrangler types` cannot see them; declared
// here so `env.GOOGLE_SERVICE_ACCOUNT_JSON` type-checks (set with `wrangler secret put`).
declare namespace Cloudflare {
  interface Env {
    GOOGLE_SERVICE_ACCOUNT_JSON: string;
  }
}
