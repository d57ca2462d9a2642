import type { SettingsView, UnitSettings } from "../server-api.ts";
import { byId, setStatus } from "./element.ts";
import { callServer, closeDialog, errorText } from "./server-call.ts";

/** Cài đặt đơn vị dialog: unit code and name, and the address to share the sheet with. */
const form = byId<HTMLFormElement>("settings-form");
const code = byId<HTMLInputElement>("unit-code");
const name = byId<HTMLInputElement>("unit-name");
const preparer = byId<HTMLInputElement>("unit-preparer");
const rule = byId<HTMLSelectElement>("unit-rule");
const save = byId<HTMLButtonElement>("save");
const status = byId("status");
const email = byId<HTMLInputElement>("sa-email");
const copy = byId<HTMLButtonElement>("copy-email");
const fieldErrors: Record<keyof UnitSettings, HTMLElement> = {
  code: byId("unit-code-error"),
  name: byId("unit-name-error"),
  preparer: byId("unit-preparer-error"),
  rule: byId("unit-rule-error"),
};
const inputs: Record<keyof UnitSettings, HTMLElement> = { code, name, preparer, rule };

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void store();
});
byId("close").addEventListener("click", () => closeDialog());
copy.addEventListener("click", () => {
  email.select();
  const copied = document.execCommand("copy");
  setStatus(
    status,
    copied ? "success" : "info",
    copied ? "Đã sao chép địa chỉ." : "Hãy nhấn Ctrl+C để sao chép.",
  );
});
void load();

async function load(): Promise<void> {
  try {
    show(await callServer("getUnitSettings"));
  } catch (error) {
    setStatus(status, "error", `Không tải được cài đặt: ${errorText(error)}`);
  }
}

function show(view: SettingsView): void {
  code.value = view.code;
  name.value = view.name;
  preparer.value = view.preparer;
  rule.value = view.rule;
  const known = view.serviceAccountEmail !== null;
  email.value = view.serviceAccountEmail ?? "";
  byId("sa-known").hidden = !known;
  byId("sa-missing").hidden = known;
}

async function store(): Promise<void> {
  save.disabled = true;
  setStatus(status, "info", "Đang lưu…");
  try {
    const result = await callServer("saveUnitSettings", {
      code: code.value,
      name: name.value,
      preparer: preparer.value,
      rule: rule.value as SettingsView["rule"],
    });
    for (const [field, element] of Object.entries(fieldErrors) as [
      keyof UnitSettings,
      HTMLElement,
    ][]) {
      const problem = result.ok ? undefined : result.problems.find((p) => p.field === field);
      element.textContent = problem?.message ?? "";
      element.hidden = !problem;
      inputs[field].setAttribute("aria-invalid", problem ? "true" : "false");
    }
    if (!result.ok) {
      setStatus(status, "error", "Chưa lưu: hãy sửa các ô được báo lỗi.");
      inputs[result.problems[0]?.field ?? "code"].focus();
      return;
    }
    show(result.settings);
    const titles = result.updatedTitles.length
      ? ` Đã cập nhật dòng tiêu đề của: ${result.updatedTitles.join(", ")}.`
      : "";
    setStatus(status, "success", `Đã lưu.${titles}`);
  } catch (error) {
    setStatus(status, "error", `Không lưu được: ${errorText(error)}`);
  } finally {
    save.disabled = false;
  }
}
