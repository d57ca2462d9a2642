/**
 * The example province's key figures counted straight from the fixture's rows
 * (test/fixtures/example-province/), as an officer would count them by hand, without the
 * product's reader: a row counts when its date is a real day inside the period and it has
 * what the row is about (a known committee and an inspected unit, a recipient, resolved
 * opinions no more than opinions). The invalid rows the example carries on purpose (H01's
 * dialogue with more answers than opinions; H04's 31/02, its visit with more remedied than
 * recommended, its "Đoàn công tác" visit, its visit with no unit, its award with no
 * recipient) fail those tests; totals rows and other years have no date in the period.
 * A test that checks the local run's `Báo cáo` text against these counts fails when the
 * text, the figures or the example drift apart.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { parseSeed, type Seed, type SeedCell } from "../emulator/seed-format.ts";

type Cell = SeedCell;

/** Case, NFD/NFC and doubled spaces do not matter, as for a person reading the sheet. */
const fold = (v: Cell | undefined): string =>
  String(v ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

// Days as Sheets serials (days since 30/12/1899): what a date cell of the fixture holds.
const EPOCH = Date.UTC(1899, 11, 30);
const dayNumber = (y: number, m: number, d: number): number | null => {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return (t.getTime() - EPOCH) / 86_400_000;
};
/** `dd/mm/yyyy` of a serial day. */
export const dayText = (serial: number): string => {
  const t = new Date(EPOCH + serial * 86_400_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
};

/** A date as typed in the fixture: a serial, dd/mm/yyyy, d-m-yyyy or yyyy-mm-dd. */
function dateOf(v: Cell | undefined): number | null {
  if (typeof v === "number") return Math.floor(v);
  const s = String(v ?? "").trim();
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (dmy) return dayNumber(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  return iso ? dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/** A count cell: blank, "-" and "không" are none; "1.500" is 1500; "1,5" is no count. */
function countOf(v: Cell | undefined): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : null;
  const s = fold(v ?? null);
  if (s === "" || s === "-" || s === "không") return 0;
  return /^\d{1,3}(\.\d{3})*$/.test(s) ? Number(s.replaceAll(".", "")) : null;
}

/** Nghị định 09's reporting year N: 15/12 of year N-1 to 14/12 of year N. */
export function decree09Year(year: number): { from: number; to: number } {
  return { from: dayNumber(year - 1, 12, 15)!, to: dayNumber(year, 12, 14)! };
}

/** A tab's rows under its header row (the first row holding `firstHeader`), by folded header. */
function table(seed: Seed, title: string, firstHeader: string): Record<string, Cell>[] {
  const tab = seed.sheets.find((t) => fold(t.title) === fold(title));
  const rows = tab?.values ?? [];
  const at = rows.findIndex((r) => r.some((c) => fold(c) === firstHeader));
  if (at < 0) return [];
  const header = rows[at]!.map(fold);
  return rows.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}

export interface HandCount {
  inspections: number;
  checks: number;
  supervisions: number;
  visits: number;
  visitsByProvince: number;
  visitsByDistrict: number;
  awards: number;
  awardsCollective: number;
  awardsIndividual: number;
  awardDecisions: number;
  dialogues: number;
  dialogueAreas: number;
  dialogueParticipants: number;
  dialogueOpinions: number;
  trainings: number;
  trainingAttendance: number;
  /** Valid rows of the period per unit spreadsheet (what `Số dòng` of a submission counts). */
  rowsBySpreadsheet: Map<string, number>;
}

const COMMITTEE = /^ban chỉ đạo cấp (tỉnh|huyện|xã)$/;

/** Every unit's figures for one period, summed. */
export function handCount(units: readonly Seed[], period: { from: number; to: number }) {
  const n: HandCount = {
    ...{ inspections: 0, checks: 0, supervisions: 0, visits: 0 },
    ...{ visitsByProvince: 0, visitsByDistrict: 0, awards: 0, awardsCollective: 0 },
    ...{ awardsIndividual: 0, awardDecisions: 0, dialogues: 0, dialogueAreas: 0 },
    ...{ dialogueParticipants: 0, dialogueOpinions: 0, trainings: 0, trainingAttendance: 0 },
    rowsBySpreadsheet: new Map(),
  };
  const inPeriod = (v: Cell | undefined) => {
    const d = dateOf(v);
    return d !== null && d >= period.from && d <= period.to;
  };
  for (const unit of units) {
    let rows = 0;
    // A round (`Đợt kiểm tra`) is one inspection however many bases it visits; a visit
    // with no round is an inspection by itself.
    const rounds = new Map<string, string>();
    for (const r of table(unit, "Kiểm tra, giám sát", "ngày kiểm tra")) {
      const committee = fold(r["chủ thể kiểm tra"]).replace(/^bcđ /, "ban chỉ đạo cấp ");
      const level = COMMITTEE.exec(committee)?.[1];
      const recommended = countOf(r["số kiến nghị"]);
      const remedied = countOf(r["số kiến nghị đã khắc phục"]);
      const valid =
        inPeriod(r["ngày kiểm tra"]) &&
        level !== undefined &&
        fold(r["đơn vị được kiểm tra"]) !== "" &&
        recommended !== null &&
        remedied !== null &&
        remedied <= recommended;
      if (!valid) continue;
      rows += 1;
      n.visits += 1;
      if (level === "tỉnh") n.visitsByProvince += 1;
      if (level === "huyện") n.visitsByDistrict += 1;
      const round = fold(r["đợt kiểm tra"]);
      rounds.set(round === "" ? `row ${rows}` : round, fold(r["hình thức"]));
    }
    n.inspections += rounds.size;
    for (const method of rounds.values()) {
      if (method === "kiểm tra") n.checks += 1;
      if (method === "giám sát") n.supervisions += 1;
    }

    const decisions = new Set<string>();
    for (const r of table(unit, "Khen thưởng", "số quyết định")) {
      if (!inPeriod(r["ngày quyết định"]) || fold(r["tên tập thể, cá nhân"]) === "") continue;
      rows += 1;
      n.awards += 1;
      if (fold(r["đối tượng"]) === "tập thể") n.awardsCollective += 1;
      if (fold(r["đối tượng"]) === "cá nhân") n.awardsIndividual += 1;
      decisions.add(fold(r["số quyết định"]));
    }
    n.awardDecisions += decisions.size;

    const areas = new Set<string>();
    for (const r of table(unit, "Đối thoại", "ngày đối thoại")) {
      const opinions = countOf(r["số ý kiến"]);
      const resolved = countOf(r["số ý kiến đã giải quyết"]);
      const valid = inPeriod(r["ngày đối thoại"]) && opinions !== null && resolved !== null;
      if (!valid || resolved > opinions) continue;
      rows += 1;
      n.dialogues += 1;
      areas.add(fold(r["địa bàn"]));
      n.dialogueParticipants += countOf(r["số người dự"]) ?? 0;
      n.dialogueOpinions += opinions;
    }
    n.dialogueAreas += areas.size;

    for (const r of table(unit, "Tập huấn, hội nghị", "ngày")) {
      if (!inPeriod(r.ngày)) continue;
      rows += 1;
      if (fold(r.loại) !== "tập huấn") continue;
      n.trainings += 1;
      n.trainingAttendance += countOf(r["số lượt người"]) ?? 0;
    }
    n.rowsBySpreadsheet.set(unit.spreadsheetId ?? "", rows);
  }
  return n;
}

export interface ExampleProvince {
  readonly province: Seed;
  readonly units: readonly Seed[];
  /** `Cấu hình`: `Kỳ báo cáo`, `Quy tắc kỳ`, `Hạn nộp` as typed. */
  readonly settings: Readonly<Record<string, string>>;
  /** Unique codes in `Đơn vị`. */
  readonly codes: readonly string[];
}

export function readExample(dir: string): ExampleProvince {
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => parseSeed(JSON.parse(readFileSync(join(dir, f), "utf8")), f));
  const province = seeds.find((s) => s.sheets.some((t) => fold(t.title) === "đơn vị"))!;
  const settingsTab = province.sheets.find((t) => fold(t.title) === "cấu hình")?.values ?? [];
  const codes = table(province, "Đơn vị", "mã đơn vị")
    .map((r) => String(r["mã đơn vị"] ?? "").trim())
    .filter((c) => c !== "");
  return {
    province,
    units: seeds.filter((s) => s !== province),
    settings: Object.fromEntries(settingsTab.map((r) => [fold(r[0] ?? null), String(r[1])])),
    codes: [...new Set(codes)],
  };
}

export interface HandRate {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  notSubmitted: number;
  /** Submitted `Số dòng` differs from the unit's valid rows of the period now. */
  changed: number;
}

/**
 * The reporting rate from each unit's `Nộp báo cáo` tab: its last row for the period under
 * the province's `Quy tắc kỳ`, on time when made on or before the `Hạn nộp` day (the
 * fixture's times are Vietnam wall-clock serials, as a sheet in Asia/Ho_Chi_Minh holds).
 */
export function handRate(example: ExampleProvince, rows: Map<string, number>): HandRate {
  const period = fold(example.settings["kỳ báo cáo"] ?? null);
  const rule = fold(example.settings["quy tắc kỳ"] ?? null);
  const due = dateOf(example.settings["hạn nộp"] ?? null)!;
  const rate = { expected: example.codes.length, submitted: 0, onTime: 0, late: 0, changed: 0 };
  for (const unit of example.units) {
    const mine = table(unit, "Nộp báo cáo", "kỳ báo cáo").filter(
      (r) => fold(r["kỳ báo cáo"]) === period && fold(r["quy tắc kỳ"]) === rule,
    );
    const last = mine.at(-1);
    if (!last) continue;
    rate.submitted += 1;
    if (dateOf(last["thời điểm nộp"])! <= due) rate.onTime += 1;
    else rate.late += 1;
    if (countOf(last["số dòng"]) !== rows.get(unit.spreadsheetId ?? "")) rate.changed += 1;
  }
  return { ...rate, notSubmitted: rate.expected - rate.submitted };
}
