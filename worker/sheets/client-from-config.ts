import { createServiceAccountTokenProvider } from "../auth/token-provider.ts";
import type { SheetsConfig } from "../env.ts";
import { createSheetsClient, type SheetsClient, type SheetsClientOptions } from "./client.ts";

/**
 * The client the Worker uses, from the parsed configuration, so production, `npm start`
 * and the tests differ only in those values; anything in `overrides` wins.
 */
export function createSheetsClientFromConfig(
  config: SheetsConfig,
  overrides: Partial<SheetsClientOptions> = {},
): SheetsClient {
  return createSheetsClient({
    baseUrl: config.baseUrl,
    tokenProvider:
      overrides.tokenProvider ??
      createServiceAccountTokenProvider({
        keyJson: config.serviceAccountJson,
        tokenUrl: config.tokenUrl,
        ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
      }),
    quota: config.quota,
    ...overrides,
  });
}
