import { METRIC_SECTIONS, METRICS, zeroMetrics } from "../../../shared/metrics.ts";
import type { WordingRow } from "../../../shared/report-text/compose-report.ts";
import { TEMPLATES } from "../../../shared/templates/index.ts";
import { foldKey } from "../../../shared/text/fold.ts";
import { formatVietnamTime } from "../../time/vietnam-time.ts";
import type { ConsolidationReport, Contact, UnitOutcome } from "../model.ts";
import { byUnitSubmission, byUnitTotalSubmission, reportingRateLine } from "../submissions.ts";
import { figuresOf, sumQuarter } from "../unit-figures.ts";
import type { OutputTabsInput, UnitLists } from "./build-output.ts";
import type { ByUnitRow } from "./by-unit-tab.ts";
import { quarterFigures } from "./charts-tab.ts";
import type { DetailUnit } from "./detail-tabs.ts";
import { type ErrorSource, PROVINCE_CODE } from "./error-rows.ts";
import type { ReportLayout } from "./report-layout.ts";
import { STATUS_BACKGROUNDS, STATUS_LABELS, statusText } from "./status-text.ts";
import { submissionsTabInput } from "./submissions-tab.ts";

/** The report's sections and metrics, as shared/metrics.ts defines them. */
export const REPORT_LAYOUT: ReportLayout = { sections: METRIC_SECTIONS, metrics: METRICS };

/** What every output tab shows, from a run's report. */
export function reportView(
  report: ConsolidationReport,
  /** The province's `Mẫu báo cáo` rows, or null (the built-in wording). */
  wording: readonly WordingRow[] | null = null,
): OutputTabsInput {
  const { outcomes, period } = report;
  const figures = outcomes.map((o) => figuresOf(o, period));
  const counts = { fresh: 0, stale: 0, unreadable: 0, missing: 0 };
  for (const o of outcomes) counts[o.state.status]++;
  return {
    period,
    summary: {
      layout: REPORT_LAYOUT,
      period,
      generatedAt: report.generatedAt,
      total: report.total,
      samePeriodLastYear: report.comparison.samePeriodLastYear ?? {
        period,
        total: zeroMetrics(),
      },
      previousPeriod: report.comparison.previousPeriod,
      unitsLine: `${outcomes.length} đơn vị: ${counts.fresh} ${STATUS_LABELS.fresh.toLowerCase()}, ${counts.stale} dùng số liệu cũ, ${counts.unreadable} ${STATUS_LABELS.unreadable.toLowerCase()}, ${counts.missing} ${STATUS_LABELS.missing.toLowerCase()}.`,
      reportingRate: report.submissions ? reportingRateLine(report.submissions.rate) : null,
    },
    submissions: submissionsTabInput(report),
    byUnit: {
      layout: REPORT_LAYOUT,
      units: outcomes.map((o) => ({ ...byUnitRow(o), submission: byUnitSubmission(report, o) })),
      total: report.total,
      totalStatus: `${counts.fresh}/${outcomes.length} đã cập nhật`,
      totalSubmission: byUnitTotalSubmission(report),
    },
    charts: {
      period,
      units: outcomes.map(({ state, metrics }) => ({
        name: state.name,
        status: state.status,
        submission: report.submissions?.units.get(state.code)?.status.state ?? null,
        figures: metrics ?? {},
      })),
      // Each quarter from the units' figures, computed with the period's own.
      quarters: quarterFigures(period, (_, index) => sumQuarter(figures, index)),
    },
    reportText: {
      period,
      generatedAt: report.generatedAt,
      total: report.total,
      lastYear: report.comparison.samePeriodLastYear?.total ?? zeroMetrics(),
      previous: report.comparison.previousPeriod?.total ?? null,
      units: counts,
      reportingRate: report.submissions?.rate ?? null,
      wording,
    },
    detailTemplates: TEMPLATES,
    provinceErrors: {
      code: PROVINCE_CODE,
      name: report.province.title,
      contact: null,
      spreadsheetId: report.province.spreadsheetId,
      sheetIdOf: (tab) =>
        report.province.sheets.find((s) => foldKey(s.title) === foldKey(tab))?.sheetId ?? null,
      issues: report.provinceIssues.map((p) => p.issue),
      readError: null,
    },
    units: outcomes.map((o) => ({
      open: () => unitLists(o, report.contacts.get(o.state.code) ?? null),
    })),
  };
}

/** A unit's rows of each detail tab and its problems, read from its snapshot once. */
function unitLists(outcome: UnitOutcome, contact: Contact | null): ReturnType<UnitLists["open"]> {
  const { state, snapshot } = outcome;
  const errors = errorSource(outcome, contact);
  if (!snapshot) return { details: null, errors };
  // A packed snapshot decodes its rows on each read (snapshot-codec.ts): read them once.
  const { rows, sheetRows } = snapshot;
  const details = TEMPLATES.map((template): DetailUnit => {
    const values = rows[template.id] as readonly Record<string, unknown>[];
    const numbers = sheetRows?.[template.id];
    return {
      code: state.code,
      name: state.name,
      rows: values.map((v, i) => ({ values: v, sheetRow: numbers?.[i] ?? null })),
    };
  });
  return { details, errors };
}

function byUnitRow(outcome: UnitOutcome): ByUnitRow {
  const { state, metrics, snapshot } = outcome;
  // A tab whose rows were not counted must not hide behind "Đã cập nhật".
  const problems = snapshot?.tabProblems ?? [];
  const status = problems.length
    ? `${statusText(state)}; ${problems.length} biểu không được tính`
    : statusText(state);
  const notes = [state.error, ...problems.map((p) => p.message)].filter((n) => n);
  return {
    code: state.code,
    name: state.name,
    status,
    statusNote: notes.length ? notes.join("\n") : null,
    background: STATUS_BACKGROUNDS[state.status],
    figures: metrics,
  };
}

function errorSource(
  { state, snapshot, errorFromRegistry }: UnitOutcome,
  contact: Contact | null,
): ErrorSource {
  let readError: string | null = null;
  if (state.error && state.status !== "missing" && !errorFromRegistry) {
    const fallback =
      state.status === "stale" && state.readAt
        ? ` Tổng hợp đang dùng số liệu đọc lúc ${formatVietnamTime(state.readAt)}.`
        : "";
    readError = `${state.error}${fallback}`;
  }
  return {
    code: state.code,
    name: state.name,
    contact,
    spreadsheetId: state.snapshotSpreadsheetId ?? state.spreadsheetId,
    sheetIdOf: (tab) => {
      const template = TEMPLATES.find((t) => t.title === tab);
      return (template && state.tabSheetIds?.[template.id]) ?? null;
    },
    issues: snapshot?.issues ?? [],
    readError,
  };
}
