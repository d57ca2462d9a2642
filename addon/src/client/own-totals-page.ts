import type { ReportContext } from "../submission/submission-api.ts";
import { byId, setStatus } from "./element.ts";
import { fillPeriods, ruleHint } from "./period-picker.ts";
import { reportTableView } from "./report-table-view.ts";
import { callServer, closeDialog, errorText } from "./server-call.ts";

/** Số liệu của đơn vị: the unit's own report table for the chosen period. */
const period = byId<HTMLSelectElement>("period");
const status = byId("status");
const report = byId("report");

period.addEventListener("change", () => void show());
byId("close").addEventListener("click", () => closeDialog());
void start();

async function start(): Promise<void> {
  setStatus(status, "info", "Đang tải…");
  try {
    const context: ReportContext = await callServer("getReportContext");
    byId("unit").textContent = context.unitLabel
      ? `Đơn vị: ${context.unitLabel}`
      : "Chưa có tên đơn vị: hãy nhập trong Cài đặt đơn vị.";
    byId("period-hint").textContent = ruleHint(context);
    fillPeriods(period, context);
    await show();
  } catch (error) {
    setStatus(status, "error", `Không tải được: ${errorText(error)}`);
  }
}

async function show(): Promise<void> {
  setStatus(status, "info", "Đang tính số liệu…");
  report.setAttribute("aria-busy", "true");
  try {
    const result = await callServer("getOwnTotals", period.value);
    if (!result.ok) {
      setStatus(status, "error", result.message);
      return;
    }
    report.replaceChildren(reportTableView(result.table));
    setStatus(
      status,
      "info",
      `${result.table.period.name}: ${result.table.rows} dòng hợp lệ trong kỳ.`,
    );
  } catch (error) {
    setStatus(status, "error", `Không tính được số liệu: ${errorText(error)}`);
  } finally {
    report.removeAttribute("aria-busy");
  }
}
