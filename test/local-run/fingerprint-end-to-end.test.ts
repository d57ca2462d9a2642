import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type {
  ReportContext,
  SubmissionPreview,
  SubmitResult,
} from "../../addon/src/submission/submission-api.ts";
import { DATE_FORMAT } from "../../addon/src/templates/column-formats.ts";
import { callGlobal, loadBundle } from "../../addon/test/load-bundle.ts";
import { type Period, resolvePeriod } from "../../shared/periods.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { type LocalWorker, startLocalWorker } from "../../tools/local-run/start-worker.ts";
import { putSeed } from "../emulator/seed-client.ts";
import type { Seed, SeedCell } from "../emulator/seed-format.ts";
import { type Emulator, startEmulator } from "../emulator/server.ts";
import { arbRow, cleanCell } from "../support/arbitraries.ts";
import { withFigureChanged } from "../support/figure-change.ts";
import { REPO_ROOT } from "./npm-start-run.ts";

/**
 * Mã kiểm tra end to end, with no shared/ call in between: the REAL add-on bundle (its V8
 * sandbox, getValues() Dates in the sheet's own zone) writes the `Nộp báo cáo` row, and
 * the REAL Worker in workerd (UNFORMATTED_VALUE serials through the emulator) must find
 * the same fingerprint, or an unchanged unit would show `Đã sửa sau khi nộp`. The halves
 * are proven separately in addon/test/submit-fingerprint and
 * test/worker/submissions-fingerprint; this joins them through the products themselves.
 */

const PROVINCE = "fp-e2e-tinh";
// One zone per unit: the zones the add-on turns Dates back into serials in, including a
// half-hour offset and a southern-hemisphere summer time.
const ZONES = [
  "Asia/Ho_Chi_Minh",
  "Asia/Bangkok",
  "Europe/London",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Sydney",
];
const RULE_LABEL = "Nghị định 09";
// A run of a few units takes a second or two; bounded so a stuck run fails the test.
const RUN_WAIT_MS = 30_000;

type Rows = Record<string, string | number | null>[];
const arbUnitRows = fc.tuple(
  ...TEMPLATES.map((t) => fc.array(arbRow(t), { minLength: 1, maxLength: 5 })),
) as fc.Arbitrary<Rows[]>;

interface Submitted {
  readonly code: string;
  readonly seed: Seed & { spreadsheetId: string };
  readonly fingerprint: string;
  readonly rowsInPeriod: number;
}

/** The year period the bundle offers today under Nghị định 09: what the province reports. */
function yearPeriod(context: ReportContext): Period {
  const choice = context.periods.find((p) => /^\d{4}$/.test(p.id));
  if (!choice) throw new Error("the bundle offers no year period");
  return resolvePeriod(choice.id, "decree09")!;
}

/**
 * One unit through the bundle as staff would: Tạo biểu mẫu, rows typed in (dates in the
 * date format), Cài đặt đơn vị, then Nộp báo cáo for the period. Null when the data check
 * blocks the submission (a random row in the period the check calls an error).
 */
function submitThroughBundle(index: number, rows: Rows[], periodId: string): Submitted | null {
  const zone = ZONES[index]!;
  const code = `E${index + 1}`;
  const { fake, scope } = loadBundle({ timeZone: zone });
  callGlobal(scope, "menuCreateTemplates");
  TEMPLATES.forEach((template, t) => {
    const sheet = fake.spreadsheet.getSheetByName(template.title)!;
    const dateColumn = template.columns.findIndex((c) => c.key === template.dateKey) + 1;
    const cells = (rows[t] ?? []).map((row) =>
      template.columns.map((c) => cleanCell(c, row[c.key] ?? null)),
    );
    sheet.put(sheet.getLastRow() + 1, cells, { [dateColumn]: DATE_FORMAT });
  });
  const saved = callGlobal(scope, "saveUnitSettings", {
    code,
    name: `Xã thử ${code}`,
    preparer: "Nguyễn Thị Lan",
    rule: "decree09",
  }) as { ok: boolean };
  expect(saved.ok).toBe(true);
  // Through JSON as google.script.run would carry it (and out of the sandbox's realm).
  const preview = JSON.parse(
    JSON.stringify(callGlobal(scope, "previewSubmission", periodId)),
  ) as SubmissionPreview;
  if (preview.errors.length > 0) return null;
  const result = JSON.parse(
    JSON.stringify(callGlobal(scope, "submitReport", periodId, preview.fingerprint, "")),
  ) as SubmitResult;
  expect(result).toMatchObject({ ok: true, ruleLabel: RULE_LABEL });

  // What the Sheets API would hold: the fake's stored cells, dates as serials.
  const sheets = fake.spreadsheet.getSheets().map((s) => ({
    title: s.getName(),
    values: s.stored(
      1,
      1,
      Math.max(s.getLastRow(), 1),
      Math.max(s.getLastColumn(), 1),
    ) as SeedCell[][],
  }));
  return {
    code,
    fingerprint: preview.fingerprint,
    rowsInPeriod: preview.table.rows,
    seed: {
      spreadsheetId: `fp-e2e-${code.toLowerCase()}`,
      properties: { title: `Đơn vị ${code}`, locale: "vi_VN", timeZone: zone },
      sheets,
    },
  };
}

interface UnitTotals {
  code: string;
  submission: { status: string; changedAfterSubmission: boolean };
}

async function totalsByCode(worker: LocalWorker): Promise<Map<string, UnitTotals["submission"]>> {
  const response = await worker.api("/api/totals");
  const body = (await response.json()) as { units: UnitTotals[] };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return new Map(body.units.map((u) => [u.code, u.submission]));
}

/** The cron handler once, then the run's end as `npm start` waits for it. */
async function scheduledRun(worker: LocalWorker): Promise<void> {
  await worker.fireScheduled();
  const run = await worker.settledRun(RUN_WAIT_MS);
  expect(run.status, run.message ?? "").toBe("succeeded");
}

let emulator: Emulator | undefined;
let worker: LocalWorker | undefined;
afterAll(async () => {
  await worker?.close();
  await emulator?.close();
});

describe("Mã kiểm tra: the add-on bundle's submission, read by the Worker in workerd", () => {
  it("is unchanged for every unit that submitted, and changed where a figure was", async () => {
    // The bundle reads the real clock (the fake has none to set): the province reports the
    // year period the bundle offers today (arbDate keeps dates around today's year too).
    const probe = loadBundle();
    const period = yearPeriod(callGlobal(probe.scope, "getReportContext") as ReportContext);

    const samples = fc.sample(arbUnitRows, { seed: 11, numRuns: ZONES.length });
    const units = samples
      .map((rows, i) => submitThroughBundle(i, rows, period.id))
      .filter((u): u is Submitted => u !== null);
    // Enough units, and enough with rows in the period, that the agreement means something.
    expect(units.length).toBeGreaterThanOrEqual(4);
    expect(units.filter((u) => u.rowsInPeriod > 0).length).toBeGreaterThanOrEqual(3);

    const province: Seed = {
      spreadsheetId: PROVINCE,
      properties: { title: "Tỉnh thử", locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
      sheets: [
        {
          title: "Đơn vị",
          values: [
            ["DANH SÁCH ĐƠN VỊ"],
            ["Mã đơn vị", "Tên đơn vị", "Bảng tính", "Ghi chú"],
            ...units.map((u) => [u.code, `Xã thử ${u.code}`, u.seed.spreadsheetId, ""]),
          ],
        },
        {
          title: "Cấu hình",
          values: [
            ["Kỳ báo cáo", period.id],
            ["Quy tắc kỳ", RULE_LABEL],
            // Far away, so every submission is on time whatever today is.
            ["Hạn nộp", "31/12/2099"],
          ],
        },
      ],
    };
    emulator = await startEmulator({
      port: 0,
      spreadsheets: [province, ...units.map((u) => u.seed)],
    });
    worker = await startLocalWorker({
      repoRoot: REPO_ROOT,
      provinceId: PROVINCE,
      emulatorUrl: emulator.url,
      serviceAccountJson: JSON.stringify(emulator.serviceAccountKey),
      apiToken: randomBytes(24).toString("base64url"),
    });

    await scheduledRun(worker);
    const first = await totalsByCode(worker);
    const statusOf = (totals: typeof first, u: Submitted) => {
      const s = totals.get(u.code);
      return [u.code, s?.status, s?.changedAfterSubmission];
    };
    expect(units.map((u) => statusOf(first, u))).toEqual(
      units.map((u) => [u.code, "onTime", false]),
    );

    // One figure of the period changed in two units, through the emulator (a write moves
    // the file's modifiedTime, so the Worker reads those units again).
    const edited = units
      .map((u) => {
        const sheets = withFigureChanged(u.seed.sheets, period);
        return { unit: u, changed: sheets && { ...u.seed, sheets } };
      })
      .filter((e) => e.changed !== null)
      .slice(0, 2);
    expect(edited).toHaveLength(2);
    for (const e of edited) await putSeed(emulator.url, e.changed!);
    // POST /api/runs answers when the run is over, so no polling here.
    const run = await worker.api("/api/runs", "POST");
    expect(run.status, await run.text()).toBe(200);

    const second = await totalsByCode(worker);
    const changedCodes = new Set(edited.map((e) => e.unit.code));
    expect(units.map((u) => statusOf(second, u))).toEqual(
      units.map((u) => [u.code, "onTime", changedCodes.has(u.code)]),
    );
    // Runs in about 6 s; the bound leaves room for wrangler's bundling on a busy machine.
  }, 90_000);
});
