import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["shared/**/*.test.ts", "addon/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["test/worker/**", "**/node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            main: "./worker/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                // The emulator started by the global setup stands in for Google.
                SHEETS_API_BASE: inject<string>("emulatorUrl"),
                TOKEN_URL: `${inject<string>("emulatorUrl")}/token`,
                GOOGLE_SERVICE_ACCOUNT_JSON: inject<string>("serviceAccountJson"),
                API_TOKEN: "test-api-token",
                PROVINCE_SPREADSHEET_ID: "tinh-mau",
                TEST_MIGRATIONS: await readD1Migrations("./worker/migrations"),
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/worker/**/*.test.ts"],
          globalSetup: ["test/emulator/global-setup.ts"],
          setupFiles: ["test/worker/apply-migrations.ts"],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
