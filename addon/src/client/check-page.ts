import type { CheckReport, CheckTabSummary } from "../server-api.ts";
import { byId, h, setStatus } from "./element.ts";
import { issueItem } from "./issue-item.ts";
import { callServer, errorText } from "./server-call.ts";

/** Kiểm tra dữ liệu sidebar: runs the check on open and on "Kiểm tra lại", lists problems. */
const rerun = byId<HTMLButtonElement>("rerun");
const status = byId("status");
const summary = byId("summary");
const list = byId("issues");

rerun.addEventListener("click", () => void check());
void check();

async function check(): Promise<void> {
  rerun.disabled = true;
  setStatus(status, "info", "Đang kiểm tra các biểu mẫu…");
  try {
    render(await callServer("runDataCheck"));
  } catch (error) {
    setStatus(status, "error", `Không kiểm tra được: ${errorText(error)}`);
  } finally {
    rerun.disabled = false;
  }
}

function render(report: CheckReport): void {
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.length - errors;
  const rows = report.tabs.reduce((n, t) => n + t.validRows + t.invalidRows, 0);
  if (report.issues.length === 0 && rows === 0) {
    setStatus(
      status,
      "info",
      "Chưa có số liệu: các biểu mẫu chưa có dòng nào, nên tỉnh sẽ thấy đơn vị chưa nhập gì cho kỳ báo cáo. Hãy nhập số liệu (Báo cáo QCDC › Nhập liệu) rồi kiểm tra lại.",
    );
  } else if (report.issues.length === 0) {
    setStatus(status, "success", "Không có lỗi. Số liệu sẵn sàng để tỉnh tổng hợp.");
  } else {
    const parts = [`${errors} lỗi`, warnings > 0 ? `${warnings} cảnh báo` : ""].filter(Boolean);
    const capped =
      report.unmarked > 0
        ? ` ${report.unmarked} lỗi không được tô màu vì quá nhiều; xem danh sách.`
        : "";
    setStatus(
      status,
      errors > 0 ? "error" : "info",
      `Tìm thấy ${parts.join(", ")}. Các ô có vấn đề đã được tô màu và ghi chú.${capped}`,
    );
  }
  summary.replaceChildren(
    ...report.tabs.map((t) => h("li", {}, h("strong", {}, t.title), ": ", tabSummary(t))),
  );
  list.replaceChildren();
  for (const tab of new Set(report.issues.map((i) => i.tab))) {
    const items = report.issues.filter((i) => i.tab === tab);
    list.append(
      h("h2", {}, tab),
      h(
        "ul",
        { class: "issue-list" },
        ...items.map((i) => issueItem(i, { withTab: false, onError })),
      ),
    );
  }
}

function tabSummary(tab: CheckTabSummary): string {
  if (tab.sheetName === null) return "chưa có trang này (chọn Tạo biểu mẫu)";
  if (tab.validRows + tab.invalidRows + tab.warnings === 0) return "chưa có dòng nào";
  const warnings = tab.warnings > 0 ? `, ${tab.warnings} cảnh báo` : "";
  return `${tab.validRows} dòng hợp lệ, ${tab.invalidRows} dòng lỗi${warnings}`;
}

function onError(message: string): void {
  setStatus(status, "error", message);
}
