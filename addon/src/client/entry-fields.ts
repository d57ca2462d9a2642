import { formatDateVi, MAX_YEAR, MIN_YEAR, makeDate } from "../../../shared/cells/dates.ts";
import type { ColumnDef, TemplateDef } from "../../../shared/schema/template.ts";
import type { Problem } from "../../../shared/validate-row.ts";
import { h } from "./element.ts";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Text columns this wide in the sheet hold sentences: a textarea reads better. */
const TEXTAREA_MIN_WIDTH = 240;

export interface FieldSet {
  readonly template: TemplateDef;
  readonly controls: ReadonlyMap<string, Control>;
  /** The record as typed, by column key: what shared/ validateRecord reads. */
  read(): Record<string, string>;
  showProblems(problems: readonly Problem[], onlyKey?: string): void;
  clear(keep: ReadonlySet<string>): void;
}

/** Builds one labelled control per template column, in template order. */
export function renderFields(container: HTMLElement, template: TemplateDef): FieldSet {
  container.replaceChildren();
  const controls = new Map<string, Control>();
  const errors = new Map<string, HTMLElement>();
  for (const column of template.columns) {
    const id = `f-${column.key}`;
    const control = controlFor(column, id);
    const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const echo = column.type === "date" ? dateEcho(control, `${id}-echo`) : null;
    control.setAttribute("aria-describedby", `${id}-hint ${echo ? `${id}-echo ` : ""}${id}-error`);
    if (column.required) control.setAttribute("aria-required", "true");
    controls.set(column.key, control);
    errors.set(column.key, error);
    container.append(
      h(
        "div",
        { class: "field", "data-key": column.key },
        h(
          "label",
          { for: id },
          column.header,
          column.required ? h("span", { class: "required", "aria-hidden": "true" }, " *") : null,
        ),
        control,
        echo,
        h("p", { class: "hint", id: `${id}-hint` }, column.note),
        error,
      ),
    );
  }

  return {
    template,
    controls,
    read: () => Object.fromEntries([...controls].map(([key, control]) => [key, control.value])),
    showProblems(problems, onlyKey) {
      for (const [key, error] of errors) {
        if (onlyKey !== undefined && key !== onlyKey) continue;
        const problem = problems.find((p) => p.key === key);
        error.textContent = problem?.message ?? "";
        error.hidden = !problem;
        controls.get(key)?.setAttribute("aria-invalid", problem ? "true" : "false");
      }
    },
    clear(keep) {
      for (const [key, control] of controls) {
        if (keep.has(key)) continue;
        control.value = "";
        control.dispatchEvent(new Event("input"));
      }
      this.showProblems([]);
    },
  };
}

function controlFor(column: ColumnDef, id: string): Control {
  const name = column.key;
  switch (column.type) {
    case "enum":
      return h(
        "select",
        { id, name },
        h("option", { value: "" }, column.required ? "— Chọn —" : "— Không chọn —"),
        ...column.values.map((v) => h("option", { value: v }, v)),
      );
    case "date":
      // The browser's date picker; its value is yyyy-mm-dd, which shared/ reads as a date.
      return h("input", {
        id,
        name,
        type: "date",
        min: `${MIN_YEAR}-01-01`,
        max: `${MAX_YEAR}-12-31`,
      });
    case "count":
      // Text, not type=number: the browser would blank "1.500" or "-" before shared/ sees it,
      // and shared/'s message for what was typed is the one staff should read.
      return h("input", { id, name, type: "text", inputmode: "numeric", autocomplete: "off" });
    case "text":
      return column.width >= TEXTAREA_MIN_WIDTH
        ? h("textarea", { id, name, rows: "3", placeholder: example(column) })
        : h("input", { id, name, type: "text", placeholder: example(column), autocomplete: "off" });
  }
}

function example(column: ColumnDef): string | undefined {
  return column.type === "text" && column.example ? `Ví dụ: ${column.example}` : undefined;
}

const WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

/**
 * The picked date spelled out Vietnamese-style under the picker, whose own display follows
 * the browser's locale (an English browser shows 06/05/2026 for 5 June).
 */
function dateEcho(control: Control, id: string): HTMLElement {
  const echo = h("p", { class: "hint date-echo", id });
  const update = () => {
    const [y, m, d] = control.value.split("-").map(Number);
    const date = y && m && d ? makeDate(y, m, d) : null;
    const weekday = date ? WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()] : "";
    echo.textContent = date ? `Ngày đã chọn: ${weekday}, ${formatDateVi(date)}` : "";
    echo.hidden = !date;
  };
  control.addEventListener("input", update);
  control.addEventListener("change", update);
  update();
  return echo;
}
