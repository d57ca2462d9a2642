import { TEMPLATES, templateById } from "../../../shared/templates/index.ts";
import { validateRecord } from "../../../shared/validate-row.ts";
import type { EntryContext } from "../server-api.ts";
import { byId, h, setStatus } from "./element.ts";
import { type FieldSet, renderFields } from "./entry-fields.ts";
import { callServer, errorText } from "./server-call.ts";

/** Nhập liệu sidebar: template choice, the generated form, validation, submit. */
const picker = byId<HTMLSelectElement>("template");
const description = byId("template-description");
const form = byId<HTMLFormElement>("entry-form");
const fieldsBox = byId("fields");
const submit = byId<HTMLButtonElement>("submit");
const status = byId("status");
const unitBox = byId("unit");
let context: EntryContext | null = null;
let fields: FieldSet = showTemplate(TEMPLATES[0].id);

for (const t of TEMPLATES) picker.append(h("option", { value: t.id }, t.title));
picker.addEventListener("change", () => {
  fields = showTemplate(picker.value);
  setStatus(status, "info", "");
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void save();
});
form.addEventListener("input", (event) => recheck(event.target));
form.addEventListener("change", (event) => recheck(event.target));
form.addEventListener("reset", () => {
  fields.clear(new Set());
  setStatus(status, "info", "");
});
void loadContext();

function showTemplate(id: string): FieldSet {
  const template = templateById(id) ?? TEMPLATES[0];
  description.textContent = template.description;
  const next = renderFields(fieldsBox, template);
  showTabHint(template.id);
  return next;
}

/** Once a field shows an error, it is re-checked as the person corrects it. */
function recheck(target: EventTarget | null): void {
  if (!(target instanceof HTMLElement) || target.getAttribute("aria-invalid") !== "true") return;
  const key = target.getAttribute("name");
  if (!key) return;
  const result = validateRecord(fields.template, fields.read());
  fields.showProblems(result.ok ? [] : result.problems, key);
}

async function save(): Promise<void> {
  const current = fields;
  const record = current.read();
  const checked = validateRecord(current.template, record);
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
  try {
    const result = await callServer("submitEntry", current.template.id, record);
    if (result.ok) {
      const created = result.createdTab ? ` (trang "${result.tab}" vừa được tạo)` : "";
      setStatus(
        status,
        "success",
        `Đã ghi vào dòng ${result.row} của trang "${result.tab}"${created}.`,
      );
      current.clear(new Set([current.template.dateKey]));
      markExisting(current.template.id);
      firstEmptyControl(current)?.focus();
    } else if ("problems" in result) {
      current.showProblems(result.problems);
      setStatus(status, "error", "Máy chủ không nhận dòng này: hãy sửa các ô được báo lỗi.");
    } else {
      setStatus(status, "error", result.error);
    }
  } catch (error) {
    setStatus(status, "error", `Không ghi được: ${errorText(error)}`);
  } finally {
    submit.disabled = false;
  }
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
