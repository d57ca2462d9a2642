/**
 * Seeds and clocks for the submission tests (submissions-*.test.ts): a unit's
 * `Nộp báo cáo` tab as the add-on writes it, and a clock the test moves.
 */
import { resolvePeriod } from "../../shared/periods.ts";
import { readUnit } from "../../shared/read-unit.ts";
import { fingerprint, periodRowCount } from "../../shared/submission/fingerprint.ts";
import { SUBMISSION_TAB } from "../../shared/submission/submission-tab.ts";
import type { Clock } from "../../worker/time/clock.ts";
import { systemClock } from "../../worker/time/clock.ts";
import type { SeedCell } from "../emulator/seed-format.ts";
import type { Seed } from "./helpers/seeds.ts";

export const SUBMISSION_HEADER = SUBMISSION_TAB.columns.map((c) => c.header);

/** A Vietnamese wall-clock time `yyyy-mm-ddThh:mm:ss` as the serial a sheet in
 * Asia/Ho_Chi_Minh holds. */
export function vnSerial(local: string): number {
  return (Date.parse(`${local}Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The instant of a Vietnamese wall-clock time. */
export const vn = (local: string) => Date.parse(`${local}+07:00`);

/** The fingerprint of a unit's tabs for a period, as the add-on computes it. */
export function fingerprintOf(tabs: Seed["sheets"], periodId: string, rule = "calendar" as const) {
  const period = resolvePeriod(periodId, rule)!;
  const rows = readUnit(tabs.map((t) => ({ title: t.title, values: t.values ?? [] }))).rows;
  return fingerprint(rows, period);
}

/** `Số dòng`: the valid rows of the period in a unit's tabs. */
export function rowsOf(tabs: Seed["sheets"], periodId: string, rule = "calendar" as const) {
  const rows = readUnit(tabs.map((t) => ({ title: t.title, values: t.values ?? [] }))).rows;
  return periodRowCount(rows, resolvePeriod(periodId, rule)!);
}

/** One row of `Nộp báo cáo`: period, rule, stated local time, by, rows, fingerprint. */
export function submissionRow(
  period: string,
  rule: "Nghị định 09" | "Năm dương lịch",
  local: string,
  fp: string,
  by = "Nguyễn Thị Lan",
): SeedCell[] {
  return [period, rule, vnSerial(local), by, 0, fp, ""];
}

export function submissionTab(rows: SeedCell[][]): Seed["sheets"][number] {
  return { title: SUBMISSION_TAB.title, values: [SUBMISSION_HEADER, ...rows] };
}

/** A clock fixed at a time the test sets; sleeping still takes real time. */
export function testClock(start: number): Clock & { set(t: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: systemClock.sleep,
    set: (t) => {
      now = t;
    },
  };
}
