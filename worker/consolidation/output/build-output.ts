import { TEMPLATES } from "../../../shared/templates/index.ts";
import type { SheetsRequest } from "../../sheets/request-types.ts";
import type { SheetProperties } from "../../sheets/types.ts";
import type { RunRecord } from "../../storage/types.ts";
import type { ConsolidationReport } from "../model.ts";
import { detailRows, detailTab, type ListedRow } from "./detail-tabs.ts";
import { type ErrorRow, errorRows, errorsTab } from "./errors-tab.ts";
import { logTab } from "./log-tab.ts";
import { capLists, jsonBytes, OUTPUT_BUDGET_BYTES, rowBytes } from "./output-budget.ts";
import {
  detailNotice,
  errorsNotice,
  type Omission,
  shortenedRunNote,
} from "./shortening-notices.ts";
import { summaryTab } from "./summary-tab.ts";
import { planTabs } from "./tab-plan.ts";

export interface OutputInput {
  readonly report: ConsolidationReport;
  /** The runs `Nhật ký` lists, given the note for this run when tabs had to be shortened. */
  readonly runs: (shortened: string | null) => readonly RunRecord[];
  readonly existingSheets: readonly SheetProperties[];
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

/** A list tab as written: the first `kept` of `candidates` (all rows, or the period's). */
interface ListChoice<R extends ListedRow = ListedRow> {
  readonly total: number;
  readonly candidates: readonly R[];
  readonly kept: number;
}

/**
 * The output of a run within the size Google accepts for one request. Tổng hợp, Lỗi dữ
 * liệu and Nhật ký are always written. When everything does not fit, the detail tabs
 * first keep only the rows of the period Tổng hợp shows, then lose rows from their end,
 * largest tabs first, and Lỗi dữ liệu too if that is still not enough; every shortened
 * tab says on its first line what it leaves out.
 */
export function buildOutput(input: OutputInput): OutputPlan {
  const { report, existingSheets } = input;
  const budget = input.budgetBytes ?? OUTPUT_BUDGET_BYTES;
  const summary = summaryTab(report);
  const allDetails = TEMPLATES.map((t) => detailRows(t, report.outcomes, report.period));
  const allErrors = errorRows(report.provinceIssues, report.outcomes);

  const assemble = (details: readonly ListChoice[], errors: ListChoice<ErrorRow>): OutputPlan => {
    const detailOmissions = details.map(omission);
    const errorOmission = omission(errors);
    const detailsOmitted = detailOmissions.reduce((n, o) => n + o.outsidePeriod + o.capped, 0);
    const shortened =
      detailsOmitted || errorOmission.capped
        ? shortenedRunNote(detailsOmitted, errorOmission.capped)
        : null;
    const requests = planTabs(existingSheets, [
      summary,
      ...TEMPLATES.map((template, i) =>
        detailTab(template, written(details[i]!), detailNotice(detailOmissions[i]!, report.period)),
      ),
      errorsTab(written(errors), errorsNotice(errorOmission)),
      logTab(input.runs(shortened)),
    ]);
    return { requests, bytes: jsonBytes(requests), shortened };
  };

  let details = allDetails.map(whole);
  let errors = whole(allErrors);
  let plan = assemble(details, errors);
  if (plan.bytes <= budget) return plan;

  // 1. The detail tabs keep only the rows of the period Tổng hợp shows.
  details = allDetails.map((rows) => {
    const candidates = rows.filter((r) => r.inPeriod);
    return { total: rows.length, candidates, kept: candidates.length };
  });
  plan = assemble(details, errors);
  if (plan.bytes <= budget) return plan;

  // 2. Rows go from the end of the largest detail tabs, then of Lỗi dữ liệu.
  const detailSizes = details.map((d) => d.candidates.map(rowBytes));
  const errorSizes = errors.candidates.map(rowBytes);
  for (let round = 0; round < MAX_CAP_ROUNDS && plan.bytes > budget; round++) {
    const need = plan.bytes - budget + NOTICE_ALLOWANCE;
    const cut = capLists(
      details.map((d, i) => detailSizes[i]!.slice(0, d.kept)),
      need,
    );
    details = details.map((d, i) => ({ ...d, kept: cut.kept[i]! }));
    if (cut.shortfall > 0) {
      const kept = capLists([errorSizes.slice(0, errors.kept)], cut.shortfall).kept[0]!;
      errors = { ...errors, kept };
    }
    plan = assemble(details, errors);
  }
  // Still over only if Tổng hợp and Nhật ký alone are: Google refuses, the run says why.
  return plan;
}

/** buildOutput's requests with the default budget (no note for the log). */
export function buildOutputRequests(
  report: ConsolidationReport,
  runs: readonly RunRecord[],
  existingSheets: readonly SheetProperties[],
): SheetsRequest[] {
  return buildOutput({ report, runs: () => runs, existingSheets }).requests;
}

function whole<R extends ListedRow>(rows: readonly R[]): ListChoice<R> {
  return { total: rows.length, candidates: rows, kept: rows.length };
}

function written<R extends ListedRow>(choice: ListChoice<R>): readonly R[] {
  return choice.kept === choice.candidates.length
    ? choice.candidates
    : choice.candidates.slice(0, choice.kept);
}

function omission(choice: ListChoice): Omission {
  const cut = choice.kept < choice.candidates.length;
  return {
    total: choice.total,
    outsidePeriod: choice.total - choice.candidates.length,
    capped: choice.candidates.length - choice.kept,
    cappedFrom: cut ? (choice.candidates[choice.kept]?.unit ?? null) : null,
  };
}
