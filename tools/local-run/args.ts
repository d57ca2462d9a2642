import { parseArgs } from "node:util";

export interface LocalRunArgs {
  readonly dataDir: string;
  readonly outDir: string;
  readonly period: string | null;
  readonly serve: boolean;
}

export const USAGE = `npm start -- [--data DIR] [--out DIR] [--period ID] [--serve]
  --data DIR    seed the emulator from DIR (default test/fixtures/example-province)
  --out DIR     write the CSV of every tab and totals.json here (default out/)
  --period ID   period of the printed totals and totals.json, e.g. 2026, 2026-H1, 2026-Q3
                (default: the province's Cấu hình, else the year containing today)
  --serve       keep the emulator and the Worker running and print their URLs`;

/** Options exactly as docs/local-run.md names them; throws with the usage on anything else. */
export function parseLocalRunArgs(argv: readonly string[], repoRoot: string): LocalRunArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      data: { type: "string" },
      out: { type: "string" },
      period: { type: "string" },
      serve: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageError("");
  return {
    dataDir: values.data ?? `${repoRoot}/test/fixtures/example-province`,
    outDir: values.out ?? "out",
    period: values.period ?? null,
    serve: values.serve ?? false,
  };
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}
