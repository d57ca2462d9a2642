import { aggregateUnit, sumMetrics } from "../../../shared/aggregate.ts";
import { previousPeriod, samePeriodLastYear } from "../../../shared/comparison.ts";
import { METRIC_SECTIONS, METRICS } from "../../../shared/metrics.ts";
import type { Period } from "../../../shared/periods.ts";
import { TEMPLATES } from "../../../shared/templates/index.ts";
import { formatVietnamTime } from "../../time/vietnam-time.ts";
import type { ConsolidationReport, UnitOutcome } from "../model.ts";
import type { OutputTabsInput } from "./build-output.ts";
import type { ByUnitRow } from "./by-unit-tab.ts";
import { type ErrorSource, PROVINCE_CODE } from "./error-rows.ts";
import type { ReportLayout } from "./report-layout.ts";
import { STATUS_BACKGROUNDS, STATUS_LABELS, statusText } from "./status-text.ts";
import type { ComparedPeriod } from "./summary-tab.ts";

/** The report's sections and metrics, as shared/metrics.ts defines them. */
export const REPORT_LAYOUT: ReportLayout = { sections: METRIC_SECTIONS, metrics: METRICS };

/** What every output tab shows, from a run's report. */
export function reportView(report: ConsolidationReport): OutputTabsInput {
  const { outcomes, period } = report;
  const counts = { fresh: 0, stale: 0, unreadable: 0, missing: 0 };
  for (const o of outcomes) counts[o.state.status]++;
  const previous = previousPeriod(period);
  return {
    period,
    summary: {
      layout: REPORT_LAYOUT,
      period,
      generatedAt: report.generatedAt,
      total: report.total,
      samePeriodLastYear: compared(report, samePeriodLastYear(period) ?? period),
      previousPeriod: previous ? compared(report, previous) : null,
      unitsLine: `${outcomes.length} đơn vị: ${counts.fresh} ${STATUS_LABELS.fresh.toLowerCase()}, ${counts.stale} dùng số liệu cũ, ${counts.unreadable} ${STATUS_LABELS.unreadable.toLowerCase()}, ${counts.missing} ${STATUS_LABELS.missing.toLowerCase()}.`,
      reportingRate: null,
    },
    byUnit: {
      layout: REPORT_LAYOUT,
      units: outcomes.map(byUnitRow),
      total: report.total,
      totalStatus: `${counts.fresh}/${outcomes.length} đã cập nhật`,
    },
    details: TEMPLATES.map((template) => ({
      template,
      units: outcomes.flatMap(({ state, snapshot }) =>
        snapshot
          ? [
              {
                code: state.code,
                name: state.name,
                rows: (snapshot.rows[template.id] as readonly Record<string, unknown>[]).map(
                  (values) => ({ values, sheetRow: null }),
                ),
              },
            ]
          : [],
      ),
    })),
    errorSources: [
      {
        code: PROVINCE_CODE,
        name: "Bảng tính của tỉnh",
        contact: null,
        spreadsheetId: null,
        sheetIdOf: () => null,
        issues: report.provinceIssues.map((p) => p.issue),
        readError: null,
      },
      ...outcomes.map(errorSource),
    ],
  };
}

function byUnitRow(outcome: UnitOutcome): ByUnitRow {
  const { state, metrics } = outcome;
  return {
    code: state.code,
    name: state.name,
    status: statusText(state),
    statusNote: state.error,
    background: STATUS_BACKGROUNDS[state.status],
    figures: metrics,
  };
}

function errorSource({ state, snapshot, errorFromRegistry }: UnitOutcome): ErrorSource {
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
    contact: null,
    spreadsheetId: state.snapshotSpreadsheetId ?? state.spreadsheetId,
    sheetIdOf: () => null,
    issues: snapshot?.issues ?? [],
    readError,
  };
}

function compared(report: ConsolidationReport, period: Period): ComparedPeriod {
  return {
    period,
    total: sumMetrics(
      report.outcomes.flatMap((o) =>
        o.snapshot ? [aggregateUnit(o.snapshot.rows, o.snapshot.invalidRows, period)] : [],
      ),
    ),
  };
}
