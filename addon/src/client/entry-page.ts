import { TEMPLATES, templateById } from "../../../shared/templates/index.ts";
import { validateRecord } from "../../../shared/validate-row.ts";
import { entryRules } from "../entry/entry-rules.ts";
import type { EntryContext, EntryResult, RowTarget } from "../server-api.ts";
import { confirmAction } from "./confirm-bar.ts";
import { byId, h, setStatus } from "./element.ts";
import { type FieldSet, renderFields } from "./entry-fields.ts";
import { callServer, errorText } from "./server-call.ts";

/** Nhập liệu sidebar: template choice, the generated form, validation, add and edit rows. */
const picker = byId<HTMLSelectElement>("template");
const description = byId("template-description");
const form = byId<HTMLFormElement>("entry-form");
const fieldsBox = byId("fields");
const submit = byId<HTMLButtonElement>("submit");
const status = byId("status");
const unitBox = byId("unit");
const modeText = byId("mode-text");
const loadRow = byId<HTMLButtonElement>("load-row");
const deleteRow = byId<HTMLButtonElement>("delete-row");
const stopEdit = byId<HTMLButtonElement>("stop-edit");
const keptBar = byId("kept");
let context: EntryContext | null = null;
let fields: FieldSet = showTemplate(TEMPLATES[0].id);
/** The row loaded by Sửa dòng đang chọn, or null when the form adds rows. */
let editing: RowTarget | null = null;

for (const t of TEMPLATES) picker.append(h("option", { value: t.id }, t.title));
picker.addEventListener("change", () => {
  setEditing(null);
  fields = showTemplate(picker.value);
  setStatus(status, "info", "");
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void save();
});
form.addEventListener("input", (event) => recheck(event.target));
form.addEventListener("change", (event) => {
  recheck(event.target);
  showWarnings();
});
byId("clear").addEventListener("click", () => void clearAll());
byId("clear-kept").addEventListener("click", () => {
  fields.clearKept();
  keptBar.hidden = true;
  firstEmptyControl(fields)?.focus();
});
loadRow.addEventListener("click", () => void loadSelected());
deleteRow.addEventListener("click", () => void removeRow());
stopEdit.addEventListener("click", () => {
  setEditing(null);
  fields.clear(new Set());
  setStatus(status, "info", "");
});
void loadContext();

function showTemplate(id: string): FieldSet {
  const template = templateById(id) ?? TEMPLATES[0];
  description.textContent = template.description;
  const next = renderFields(fieldsBox, template);
  keptBar.hidden = true;
  showTabHint(template.id);
  return next;
}

function validate() {
  return validateRecord(fields.template, fields.read(), { today: context?.today ?? null });
}

/** Once a field shows an error, it is re-checked as the person corrects it. */
function recheck(target: EventTarget | null): void {
  if (!(target instanceof HTMLElement) || target.getAttribute("aria-invalid") !== "true") return;
  const key = target.getAttribute("name");
  if (!key) return;
  const result = validate();
  fields.showProblems(result.ok ? [] : result.problems, key);
}

/** Warnings (a date after today, the district level after 01/07/2025) never block a save. */
function showWarnings(): void {
  fields.showWarnings(validate().warnings);
}

async function save(allowSameAs = false): Promise<void> {
  const current = fields;
  const record = current.read();
  const checked = validate();
  current.showWarnings(checked.warnings);
  if (!checked.ok) {
    current.showProblems(checked.problems);
    const n = new Set(checked.problems.map((p) => p.key)).size;
    setStatus(status, "error", `Còn ${n} ô cần sửa trước khi ghi.`);
    current.controls.get(checked.problems[0]?.key ?? "")?.focus();
    return;
  }
  current.showProblems([]);
  submit.disabled = true;
  setStatus(status, "info", "Đang ghi vào bảng tính…");
  const target = editing;
  let result: EntryResult;
  try {
    result = target
      ? await callServer("updateEntry", target, record, { allowSameAs })
      : await callServer("submitEntry", current.template.id, record, { allowSameAs });
  } catch (error) {
    setStatus(status, "error", `Không ghi được: ${errorText(error)}`);
    return;
  } finally {
    submit.disabled = false;
  }
  if (result.ok) {
    const created = result.createdTab ? ` (trang "${result.tab}" vừa được tạo)` : "";
    const warned = result.warnings.length > 0 ? " Lưu ý các cảnh báo màu vàng bên dưới." : "";
    const where = `dòng ${result.row} của trang "${result.tab}"${created}`;
    if (target) {
      setEditing(null);
      current.clear(new Set());
      setStatus(status, "success", `Đã sửa ${where}.${warned}`);
    } else {
      current.clear(new Set(entryRules(current.template.id).repeat));
      showKept(current);
      setStatus(status, "success", `Đã ghi vào ${where}.${warned}`);
    }
    current.showWarnings(result.warnings);
    markExisting(current.template.id);
    firstEmptyControl(current)?.focus();
  } else if ("problems" in result) {
    current.showProblems(result.problems);
    setStatus(status, "error", "Máy chủ không nhận dòng này: hãy sửa các ô được báo lỗi.");
  } else if ("sameAs" in result) {
    setStatus(status, "info", "");
    const keys = entryRules(current.template.id).sameAs;
    const headers = current.template.columns
      .filter((c) => keys.includes(c.key))
      .map((c) => c.header);
    const same = `Dòng ${result.sameAs.row} của trang "${result.sameAs.tab}" đã có cùng ${headers.join(", ")}.`;
    const go = target
      ? await confirmAction(
          `${same} Có thể dòng ${target.row} và dòng đó là một việc được nhập hai lần. Vẫn ghi lại?`,
          `Vẫn ghi lại dòng ${target.row}`,
          "Không ghi",
        )
      : await confirmAction(
          `${same} Có thể dòng này đã được nhập. Vẫn thêm?`,
          "Vẫn thêm dòng",
          "Không thêm",
        );
    if (go) await save(true);
    else setStatus(status, "info", target ? "Chưa ghi lại dòng này." : "Chưa ghi dòng này.");
  } else {
    setStatus(status, "error", result.error);
  }
}

function showKept(set: FieldSet): void {
  const kept = set.template.columns.filter(
    (c) => entryRules(set.template.id).repeat.includes(c.key) && set.controls.get(c.key)?.value,
  );
  keptBar.hidden = kept.length === 0;
  byId("kept-text").textContent =
    `Giữ lại cho dòng tiếp theo: ${kept.map((c) => c.header).join(", ")}.`;
}

async function clearAll(): Promise<void> {
  if (!fields.hasInput()) return;
  const yes = await confirmAction("Xóa hết nội dung đang nhập trong biểu mẫu?", "Xóa hết");
  if (!yes) return;
  fields.clear(new Set());
  keptBar.hidden = true;
  setStatus(status, "info", "");
  firstEmptyControl(fields)?.focus();
}

async function loadSelected(): Promise<void> {
  loadRow.disabled = true;
  setStatus(status, "info", "Đang tải dòng đang chọn…");
  try {
    const result = await callServer("loadSelectedRow");
    if (!result.ok) {
      setStatus(status, "error", result.error);
      return;
    }
    picker.value = result.templateId;
    fields = showTemplate(result.templateId);
    fields.set(result.record);
    setEditing(result);
    const checked = validate();
    fields.showProblems(checked.ok ? [] : checked.problems);
    fields.showWarnings(checked.warnings);
    setStatus(
      status,
      "info",
      `Đã tải dòng ${result.row}. Sửa các ô rồi bấm Ghi lại dòng ${result.row}.`,
    );
    fields.controls.values().next().value?.focus();
  } catch (error) {
    setStatus(status, "error", `Không tải được dòng: ${errorText(error)}`);
  } finally {
    loadRow.disabled = false;
  }
}

async function removeRow(): Promise<void> {
  const target = editing;
  if (!target) return;
  const yes = await confirmAction(
    `Xóa dòng ${target.row} khỏi trang "${target.tab}"? Các dòng bên dưới sẽ dịch lên một dòng.`,
    "Xóa dòng",
  );
  if (!yes) return;
  try {
    const result = await callServer("deleteEntry", target);
    if (!result.ok) {
      setStatus(status, "error", result.error);
      return;
    }
    setEditing(null);
    fields.clear(new Set());
    setStatus(status, "success", `Đã xóa dòng ${result.row} của trang "${result.tab}".`);
  } catch (error) {
    setStatus(status, "error", `Không xóa được: ${errorText(error)}`);
  }
}

function setEditing(target: RowTarget | null): void {
  editing = target
    ? { templateId: target.templateId, tab: target.tab, row: target.row, version: target.version }
    : null;
  deleteRow.hidden = !editing;
  stopEdit.hidden = !editing;
  modeText.textContent = editing ? `Đang sửa dòng ${editing.row} của trang "${editing.tab}".` : "";
  modeText.hidden = !editing;
  submit.textContent = editing ? `Ghi lại dòng ${editing.row}` : "Ghi vào bảng tính";
  if (editing) keptBar.hidden = true;
}

function firstEmptyControl(set: FieldSet): HTMLElement | undefined {
  return [...set.controls.values()].find((c) => c.value === "");
}

async function loadContext(): Promise<void> {
  try {
    context = await callServer("getEntryContext");
  } catch (error) {
    setStatus(status, "error", `Không tải được thông tin bảng tính: ${errorText(error)}`);
    return;
  }
  unitBox.textContent = context.unitLabel
    ? `Đơn vị: ${context.unitLabel}`
    : "Chưa cài đặt đơn vị: chọn Báo cáo QCDC › Cài đặt đơn vị.";
  unitBox.classList.toggle("warning", !context.unitLabel);
  showTabHint(fields.template.id);
}

function markExisting(templateId: string): void {
  if (context && !context.existingTemplates.includes(templateId)) {
    context = { ...context, existingTemplates: [...context.existingTemplates, templateId] };
  }
  showTabHint(templateId);
}

function showTabHint(templateId: string): void {
  const hint = byId("tab-hint");
  const missing = context !== null && !context.existingTemplates.includes(templateId);
  hint.hidden = !missing;
  hint.textContent = missing
    ? "Bảng tính chưa có trang này; trang sẽ được tạo khi ghi dòng đầu tiên."
    : "";
}
