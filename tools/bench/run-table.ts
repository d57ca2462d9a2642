/** The runs of a benchmark province as a table: README "Limits and figures" quotes it. */
import { QUOTA_PER_WINDOW, type RunDetail } from "./bench-session.ts";

export interface TableRow extends RunDetail {
  /** "first" (nothing read yet) or "next" (the following cron). */
  readonly label: string;
}

// The Worker's cron wall (Cloudflare stops a scheduled invocation at 15 minutes).
const CRON_WALL_MIN = 15;

export function printRunTable(rows: readonly TableRow[], windowMs: number): void {
  const scale = 60_000 / windowMs;
  console.log(
    "units  run    changed  status     wall s  reads  drive  tokens  writes  Google calls  429s  quota-bound s  at Google's quota  write KiB",
  );
  for (const r of rows) {
    const f = r.figures;
    // What the run's reads would take at 60 a minute: the bound, scaled back to real time.
    const realMin = (f.quotaBoundS * scale) / 60;
    // A first sync over several runs is not held by one run's wall: say how many it took.
    const runs = "invocations" in r && typeof r.invocations === "number" ? r.invocations : 1;
    const limit =
      runs > 1
        ? ` (${runs} runs)`
        : realMin > CRON_WALL_MIN
          ? ` (past the ${CRON_WALL_MIN}-min cron wall)`
          : "";
    console.log(
      [
        String(f.units).padStart(5),
        r.label.padEnd(5),
        String(f.changed).padStart(8),
        r.status.padEnd(9),
        f.wallS.toFixed(1).padStart(7),
        String(r.reads).padStart(6),
        String(r.drive).padStart(6),
        String(r.tokens).padStart(7),
        String(f.writes).padStart(7),
        String(f.googleCalls).padStart(13),
        String(f.status429).padStart(5),
        f.quotaBoundS.toFixed(1).padStart(14),
        `${realMin.toFixed(1)} min${limit}`.padStart(18),
        String(r.writeKiB).padStart(10),
      ].join("  "),
    );
  }
  console.log(
    `(quota ${QUOTA_PER_WINDOW} reads per window; wall and quota-bound seconds are scaled ${scale.toFixed(0)}×)`,
  );
}
