import type { Period } from "../../../shared/periods.ts";
import type { WordingRow } from "../../../shared/report-text/compose-report.ts";
import type { Template } from "../../../shared/templates/index.ts";
import type { SheetsRequest } from "../../sheets/request-types.ts";
import type { SheetProperties } from "../../sheets/types.ts";
import type { ConsolidationReport, RunRecord } from "../model.ts";
import { type ByUnitInput, byUnitTab } from "./by-unit-tab.ts";
import {
  CHARTS_TAB,
  type ChartsInput,
  chartsTab,
  plannedSheetId,
  removeCharts,
} from "./charts-tab.ts";
import { type DetailUnit, detailRows, detailTab, type ListedRow, tabOrder } from "./detail-tabs.ts";
import { type ErrorSource, errorsTabOrder, sourceRows } from "./error-rows.ts";
import { errorsTab } from "./errors-tab.ts";
import { logTab } from "./log-tab.ts";
import { capLists, jsonBytes, OUTPUT_BUDGET_BYTES, rowBytes } from "./output-budget.ts";
import { type ReportTextInput, reportTextTab } from "./report-text-tab.ts";
import { reportView } from "./report-view.ts";
import {
  detailNotice,
  errorsNotice,
  type Omission,
  shortenedRunNote,
} from "./shortening-notices.ts";
import { type SubmissionsTabInput, submissionsTab } from "./submissions-tab.ts";
import { type SummaryInput, summaryTab } from "./summary-tab.ts";
import { planTabs } from "./tab-plan.ts";

/** What every output tab shows, as plain data (report-view.ts makes it from a run). */
export interface OutputTabsInput {
  readonly period: Period;
  readonly summary: SummaryInput;
  readonly byUnit: ByUnitInput;
  readonly charts: ChartsInput;
  readonly reportText: ReportTextInput;
  /** `Tình hình nộp báo cáo`; absent when the run judged no submissions. */
  readonly submissions?: SubmissionsTabInput | null;
  /** Per template, in `Chi tiết` order: the units with figures and their rows. */
  readonly details: readonly {
    readonly template: Template;
    readonly units: readonly DetailUnit[];
  }[];
  /** The province first, then the units in registry order. */
  readonly errorSources: readonly ErrorSource[];
}

export interface PlanInput {
  readonly tabs: OutputTabsInput;
  /** The runs `Nhật ký` lists, given the note for this run when tabs had to be shortened. */
  readonly runs: (shortened: string | null) => readonly RunRecord[];
  readonly existingSheets: readonly SheetProperties[];
  /** Existing tabs that already carry the output's warning-only protection. */
  readonly protectedSheetIds?: ReadonlySet<number>;
  /** The charts an earlier run left on `Biểu đồ`: replaced, not piled up. */
  readonly existingChartIds?: readonly number[];
  /** Bytes `requests` may take as JSON (default OUTPUT_BUDGET_BYTES; tests pass less). */
  readonly budgetBytes?: number;
}

export interface OutputPlan {
  /** Every output tab, for ONE atomic spreadsheets.batchUpdate. */
  readonly requests: SheetsRequest[];
  /** UTF-8 size of JSON.stringify(requests). */
  readonly bytes: number;
  /** Why and how much was left out (Vietnamese, for `Nhật ký`), or null if nothing was. */
  readonly shortened: string | null;
}

// Room for what measuring rows does not see: the notice lines and the log note.
const NOTICE_ALLOWANCE = 8 * 1024;
// Each round frees at least what the last one was over by, so one round should do.
const MAX_CAP_ROUNDS = 4;

/**
 * The output of a run within the size Google accepts for one request. `Tổng hợp`, `Theo
 * đơn vị` and `Nhật ký` are always whole. When everything does not fit, rows go fairly:
 * the detail tabs' rows are cut per unit and tab, the largest lists first (so the unit
 * that caused the overflow loses rows first and a small unit keeps all of its rows), rows
 * outside the period before rows in it; then the units' rows of `Lỗi dữ liệu` the same
 * way. Every shortened tab says on its first line what it leaves out.
 */
export function planOutput(input: PlanInput): OutputPlan {
  const { tabs } = input;
  const budget = input.budgetBytes ?? OUTPUT_BUDGET_BYTES;
  const charts = chartsTab(tabs.charts);
  const reportText = reportTextTab(tabs.reportText);
  const fixed = [
    summaryTab(tabs.summary),
    byUnitTab(tabs.byUnit),
    ...(tabs.submissions ? [submissionsTab(tabs.submissions)] : []),
    charts.tab,
    reportText.tab,
  ];
  // One list per (template, unit), and per error source; the province's are never cut.
  const details = tabs.details.map((d) => detailRows(d.template, d.units, tabs.period));
  // `Mẫu báo cáo` is the province's tab: its unknown placeholders are the province's problems.
  const errors = tabs.errorSources.map((source, i) =>
    sourceRows(
      i === 0 ? { ...source, issues: [...source.issues, ...reportText.problems] } : source,
    ),
  );
  const detailLists = details.flat();
  const unitErrors = errors.slice(1);

  const assemble = (detailKept: readonly number[], errorKept: readonly number[]): OutputPlan => {
    let at = 0;
    const detailTabs = tabs.details.map((d, t) => {
      const byUnit = details[t]!;
      const kept = byUnit.map(() => detailKept[at++]!);
      const notice = detailNotice(omission(byUnit, kept), tabs.period);
      return detailTab(d.template, tabOrder(byUnit, kept), notice);
    });
    const errorKeptAll = [errors[0]?.length ?? 0, ...errorKept];
    const errorOmission = omission(errors, errorKeptAll);
    const detailsOmitted = detailLists.reduce((n, l, i) => n + l.length - detailKept[i]!, 0);
    const errorsOmitted = errorOmission.outsidePeriod + errorOmission.inPeriod;
    const shortened =
      detailsOmitted || errorsOmitted ? shortenedRunNote(detailsOmitted, errorsOmitted) : null;
    const tabRequests = planTabs(
      input.existingSheets,
      [
        ...fixed,
        ...detailTabs,
        errorsTab(errorsTabOrder(errors, errorKeptAll), errorsNotice(errorOmission)),
        logTab(input.runs(shortened)),
      ],
      input.protectedSheetIds,
    );
    // Last run's charts go first (their tab is then resized); the new ones once it is written.
    const chartsSheetId = plannedSheetId(input.existingSheets, tabRequests, CHARTS_TAB);
    const requests = [
      ...removeCharts(input.existingChartIds ?? []),
      ...tabRequests,
      ...(chartsSheetId === null ? [] : charts.charts(chartsSheetId)),
    ];
    return { requests, bytes: jsonBytes(requests), shortened };
  };

  let detailKept = detailLists.map((l) => l.length);
  let errorKept = unitErrors.map((l) => l.length);
  let plan = assemble(detailKept, errorKept);
  if (plan.bytes <= budget) return plan;

  // Detail and error lists compete alike: whichever is largest is cut first.
  const sizes = [...detailLists, ...unitErrors].map((l) => l.map(rowBytes));
  let kept = [...detailKept, ...errorKept];
  for (let round = 0; round < MAX_CAP_ROUNDS && plan.bytes > budget; round++) {
    const need = plan.bytes - budget + NOTICE_ALLOWANCE;
    kept = capLists(
      sizes.map((list, i) => list.slice(0, kept[i])),
      need,
    ).kept;
    detailKept = kept.slice(0, detailLists.length);
    errorKept = kept.slice(detailLists.length);
    plan = assemble(detailKept, errorKept);
  }
  // Still over only if the whole tabs alone are: Google refuses, the run says why.
  return plan;
}

export interface OutputInput extends Omit<PlanInput, "tabs"> {
  readonly report: ConsolidationReport;
  /** The province's own wording for `Báo cáo` (its tab `Mẫu báo cáo`), or null. */
  readonly wording?: readonly WordingRow[] | null;
}

/** The output of a run's report (planOutput over reportView). */
export function buildOutput(input: OutputInput): OutputPlan {
  return planOutput({ ...input, tabs: reportView(input.report, input.wording ?? null) });
}

/** buildOutput's requests with the default budget (no note for the log). */
export function buildOutputRequests(
  report: ConsolidationReport,
  runs: readonly RunRecord[],
  existingSheets: readonly SheetProperties[],
): SheetsRequest[] {
  return buildOutput({ report, runs: () => runs, existingSheets }).requests;
}

/** What `kept` leaves out of lists of rows (each list one unit's, all of one unit). */
function omission(lists: readonly (readonly ListedRow[])[], kept: readonly number[]): Omission {
  let total = 0;
  let outsidePeriod = 0;
  let inPeriod = 0;
  const units: string[] = [];
  lists.forEach((rows, i) => {
    total += rows.length;
    const dropped = rows.slice(kept[i] ?? rows.length);
    if (!dropped.length) return;
    for (const r of dropped) {
      if (r.inPeriod) inPeriod++;
      else outsidePeriod++;
    }
    const unit = dropped[0]!.unit;
    if (unit !== "" && !units.includes(unit)) units.push(unit);
  });
  return { total, outsidePeriod, inPeriod, units };
}
