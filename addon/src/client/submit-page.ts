import type { CheckIssue } from "../server-api.ts";
import type {
  ReportContext,
  SubmissionPreview,
  SubmitResult,
} from "../submission/submission-api.ts";
import { byId, h, setStatus } from "./element.ts";
import { issueItem } from "./issue-item.ts";
import { fillPeriods, ruleHint } from "./period-picker.ts";
import { reportTableView } from "./report-table-view.ts";
import { callServer, closeDialog, errorText } from "./server-call.ts";

/**
 * Nộp báo cáo: pick the period, see its totals and the data check for its rows, then
 * submit. The server checks again under the document lock and writes only if the rows
 * still give the fingerprint shown here.
 */
const period = byId<HTMLSelectElement>("period");
const status = byId("status");
const earlier = byId("earlier");
const problems = byId("problems");
const report = byId("report");
const note = byId<HTMLInputElement>("note");
const submit = byId<HTMLButtonElement>("submit");
const recheck = byId<HTMLButtonElement>("recheck");
let shown: SubmissionPreview | null = null;

period.addEventListener("change", () => void load());
recheck.addEventListener("click", () => void load());
submit.addEventListener("click", () => void send());
byId("close").addEventListener("click", () => closeDialog());
void start();

async function start(): Promise<void> {
  setStatus(status, "info", "Đang tải…");
  try {
    const context: ReportContext = await callServer("getReportContext");
    fillPeriods(period, context);
    await load();
  } catch (error) {
    setStatus(status, "error", `Không tải được: ${errorText(error)}`);
  }
}

async function load(): Promise<void> {
  submit.disabled = true;
  recheck.disabled = true;
  shown = null;
  setStatus(status, "info", "Đang kiểm tra số liệu của kỳ…");
  try {
    const preview = await callServer("previewSubmission", period.value);
    if (!preview) {
      setStatus(status, "error", "Kỳ này không có trong danh sách. Hãy đóng rồi mở lại hộp thoại.");
      return;
    }
    render(preview);
  } catch (error) {
    setStatus(status, "error", `Không kiểm tra được: ${errorText(error)}`);
  } finally {
    recheck.disabled = false;
  }
}

function render(preview: SubmissionPreview, lead = ""): void {
  shown = preview;
  const { context, table } = preview;
  byId("unit").textContent = [
    context.unitLabel ? `Đơn vị: ${context.unitLabel}` : "Chưa có tên đơn vị",
    `Người lập biểu: ${context.preparer || "chưa có"}`,
  ].join(" · ");
  byId("period-hint").textContent = ruleHint(context);
  report.replaceChildren(reportTableView(table));
  problems.replaceChildren(
    ...issueGroup("Lỗi phải sửa trước khi nộp", preview.errors),
    ...issueGroup("Cảnh báo (vẫn nộp được)", preview.warnings),
  );
  earlier.hidden = preview.earlier === null;
  if (preview.earlier) {
    const e = preview.earlier;
    earlier.textContent = `Kỳ này đã nộp lúc ${e.submittedAt}${e.by ? ` (${e.by})` : ""}; ${
      e.unchanged ? "số liệu chưa thay đổi từ đó" : "số liệu đã thay đổi từ đó"
    }. Nộp lại sẽ thêm một dòng mới, dòng cũ vẫn giữ.`;
  }
  const blocked = preview.errors.length > 0 || preview.missingSettings.length > 0;
  submit.disabled = blocked;
  const what = `${table.period.name}: ${table.rows} dòng hợp lệ`;
  if (preview.missingSettings.length > 0) {
    setStatus(
      status,
      "error",
      `${lead}Chưa nộp được: hãy nhập ${preview.missingSettings.join(", ")} trong Báo cáo QCDC › Cài đặt đơn vị, rồi bấm Kiểm tra lại.`,
    );
  } else if (preview.errors.length > 0) {
    setStatus(
      status,
      "error",
      `${lead}Chưa nộp được: ${preview.errors.length} lỗi trong số liệu của ${table.period.name}. Hãy sửa các ô được nêu dưới đây (đã tô màu trong bảng tính) rồi bấm Kiểm tra lại.`,
    );
  } else {
    const warned = preview.warnings.length > 0 ? `, ${preview.warnings.length} cảnh báo` : "";
    setStatus(
      status,
      "info",
      `${lead}Sẵn sàng nộp ${what}${warned}. Xem bảng số liệu bên dưới rồi bấm Nộp báo cáo.`,
    );
  }
}

function issueGroup(title: string, issues: readonly CheckIssue[]): HTMLElement[] {
  if (issues.length === 0) return [];
  return [
    h("h2", {}, title),
    h(
      "ul",
      { class: "issue-list" },
      ...issues.map((i) => issueItem(i, { withTab: true, onError })),
    ),
  ];
}

async function send(): Promise<void> {
  if (!shown) return;
  submit.disabled = true;
  recheck.disabled = true;
  setStatus(status, "info", "Đang nộp báo cáo…");
  try {
    done(await callServer("submitReport", period.value, shown.fingerprint, note.value));
  } catch (error) {
    setStatus(status, "error", `Không nộp được: ${errorText(error)}`);
    submit.disabled = false;
  } finally {
    recheck.disabled = false;
  }
}

function done(result: SubmitResult): void {
  if (result.ok) {
    const created = result.createdTab ? " (trang mới được tạo)" : "";
    setStatus(
      status,
      "success",
      `Đã nộp báo cáo ${result.period.name} (${result.period.dates}, quy tắc ${result.ruleLabel}) lúc ${result.submittedAt}: ${result.rows} dòng, mã kiểm tra ${result.fingerprint}, người nộp ${result.by}. Đã ghi vào dòng ${result.row} của trang "${result.sheetName}"${created}. Tỉnh sẽ ghi nhận ở lần tổng hợp tiếp theo (tự động, vài phút một lần).`,
    );
    note.value = "";
    status.focus();
    return;
  }
  if (result.reason === "blocked") render(result.preview, "Chưa nộp. ");
  else if (result.reason === "changed") {
    render(
      result.preview,
      "Chưa nộp: số liệu vừa thay đổi từ lúc hiện bảng. Bảng đã được cập nhật; hãy xem lại rồi bấm Nộp báo cáo lần nữa. ",
    );
  } else {
    setStatus(status, "error", result.message);
    submit.disabled = false;
  }
  status.focus();
}

function onError(message: string): void {
  setStatus(status, "error", message);
}
