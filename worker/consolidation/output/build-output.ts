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
import { type DetailUnit, detailRows, detailTab, tabOrder } from "./detail-tabs.ts";
import { type ErrorRow, type ErrorSource, errorsTabOrder, sourceRows } from "./error-rows.ts";
import { errorsTab } from "./errors-tab.ts";
import {
  addList,
  cutPool,
  droppedRows,
  listPool,
  omissionOf,
  type PooledList,
} from "./list-pool.ts";
import { logTab } from "./log-tab.ts";
import { OUTPUT_BUDGET_BYTES, requestsBytes } from "./output-budget.ts";
import { type ReportTextInput, reportTextTab } from "./report-text-tab.ts";
import { reportView } from "./report-view.ts";
import { detailNotice, errorsNotice, shortenedRunNote } from "./shortening-notices.ts";
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
  /** The templates of the `Chi tiết` tabs, in their order. */
  readonly detailTemplates: readonly Template[];
  /** The province's own problems in `Lỗi dữ liệu` (never cut). */
  readonly provinceErrors: ErrorSource;
  /** The units in registry order, each opened once, when its rows are listed. */
  readonly units: readonly UnitLists[];
}

/** A unit's rows for the list tabs, made when asked: the unit's rows are decoded only
 * while they are listed, one unit at a time. */
export interface UnitLists {
  readonly open: () => {
    /** The unit's rows of each detail template (detailTemplates order); null: no figures. */
    readonly details: readonly DetailUnit[] | null;
    readonly errors: ErrorSource;
  };
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
// The rows are measured as they are made, so one round should do; more only if the
// notices took more than their allowance.
const MAX_CAP_ROUNDS = 4;

/**
 * The output of a run within the size Google accepts for one request. `Tổng hợp`, `Theo
 * đơn vị` and `Nhật ký` are always whole. The detail tabs and `Lỗi dữ liệu` are made unit
 * by unit within the room the whole tabs leave (list-pool.ts): when everything does not
 * fit, rows go fairly, the largest lists first (so the unit that caused the overflow
 * loses rows first and a small unit keeps all of its rows), a unit's rows outside the
 * period before its rows in it; the detail tabs' and `Lỗi dữ liệu`'s lists compete
 * alike. Every shortened tab says on its first line what it leaves out.
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
  // `Mẫu báo cáo` is the province's tab: its unknown placeholders are the province's problems.
  const provinceRows = sourceRows({
    ...tabs.provinceErrors,
    issues: [...tabs.provinceErrors.issues, ...reportText.problems],
  });

  // Each unit's lists, as the pool keeps them; empty until the units are listed.
  const detailLists: PooledList[][] = tabs.detailTemplates.map(() => []);
  const unitErrors: PooledList<ErrorRow>[] = [];
  const assemble = (): OutputPlan => {
    const detailTabs = tabs.detailTemplates.map((template, t) => {
      const byUnit = detailLists[t] ?? [];
      const notice = detailNotice(omissionOf(byUnit), tabs.period);
      return detailTab(template, tabOrder(byUnit.map((l) => l.rows)), notice);
    });
    const errorRows = errorsTabOrder([provinceRows, ...unitErrors.map((l) => l.rows)]);
    const detailsOmitted = droppedRows(detailLists.flat());
    const errorsOmitted = droppedRows(unitErrors);
    const shortened =
      detailsOmitted || errorsOmitted ? shortenedRunNote(detailsOmitted, errorsOmitted) : null;
    const tabRequests = planTabs(
      input.existingSheets,
      [
        ...fixed,
        ...detailTabs,
        errorsTab(errorRows, errorsNotice(omissionOf(unitErrors))),
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
    return { requests, bytes: requestsBytes(requests), shortened };
  };

  // What is never cut, measured once: the room the lists may take is what it leaves.
  const whole = assemble();
  const pool = listPool(budget - whole.bytes - NOTICE_ALLOWANCE);
  for (const unit of tabs.units) {
    const { details, errors } = unit.open();
    if (details) {
      tabs.detailTemplates.forEach((template, t) => {
        const of = details[t];
        if (!of) return;
        const [rows = []] = detailRows(template, [of], tabs.period);
        detailLists[t]!.push(addList(pool, of.code, rows));
      });
    }
    unitErrors.push(addList(pool, errors.code, sourceRows(errors)));
  }
  cutPool(pool, pool.bytes - pool.room);
  let plan = assemble();
  for (let round = 0; round < MAX_CAP_ROUNDS && plan.bytes > budget; round++) {
    cutPool(pool, plan.bytes - budget + NOTICE_ALLOWANCE);
    plan = assemble();
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
