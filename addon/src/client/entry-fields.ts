import { COUNT_RULE } from "../../../shared/cells/parse-count.ts";
import type { ColumnDef, TemplateDef } from "../../../shared/schema/template.ts";
import { isBlank } from "../../../shared/text/fold.ts";
import type { Problem } from "../../../shared/validate-row.ts";
import { dateEcho, dateInput } from "./date-field.ts";
import { h } from "./element.ts";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Text columns this wide in the sheet hold sentences: a textarea reads better. */
const TEXTAREA_MIN_WIDTH = 240;

export interface FieldSet {
  readonly template: TemplateDef;
  readonly controls: ReadonlyMap<string, Control>;
  /** The record as typed, by column key: what shared/ validateRecord reads. */
  read(): Record<string, string>;
  /** Fills the controls (a loaded row); a value a dropdown lacks is added so it shows. */
  set(record: Readonly<Record<string, string>>): void;
  showProblems(problems: readonly Problem[], onlyKey?: string): void;
  showWarnings(warnings: readonly Problem[]): void;
  /** Empties every control but those in `keep`, which are marked as kept. */
  clear(keep: ReadonlySet<string>): void;
  /** Empties the kept controls only; returns whether any was kept. */
  clearKept(): boolean;
  hasInput(): boolean;
}

/** Builds one labelled control per template column, in template order. */
export function renderFields(container: HTMLElement, template: TemplateDef): FieldSet {
  container.replaceChildren();
  const controls = new Map<string, Control>();
  const boxes = new Map<string, HTMLElement>();
  const errors = new Map<string, HTMLElement>();
  const warnings = new Map<string, HTMLElement>();
  for (const column of template.columns) {
    const id = `f-${column.key}`;
    const control = controlFor(column, id);
    const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const warning = h("p", { class: "field-warning", id: `${id}-warning`, hidden: true });
    const echo =
      column.type === "date" ? dateEcho(control as HTMLInputElement, `${id}-echo`) : null;
    const described = [`${id}-hint`, echo ? `${id}-echo` : "", `${id}-error`, `${id}-warning`];
    control.setAttribute("aria-describedby", described.filter(Boolean).join(" "));
    if (column.required) control.setAttribute("aria-required", "true");
    const box = h(
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
      warning,
    );
    // Typing into a kept field makes it this row's own value.
    control.addEventListener("input", () => box.classList.remove("kept"));
    controls.set(column.key, control);
    boxes.set(column.key, box);
    errors.set(column.key, error);
    warnings.set(column.key, warning);
    container.append(box);
  }

  const byKey = new Map(template.columns.map((c) => [c.key, c]));
  return {
    template,
    controls,
    read: () => Object.fromEntries([...controls].map(([key, control]) => [key, control.value])),
    set(record) {
      for (const [key, control] of controls) {
        const value = record[key] ?? "";
        if (
          control instanceof HTMLSelectElement &&
          ![...control.options].some((o) => o.value === value)
        ) {
          control.append(h("option", { value }, value));
        }
        control.value = value;
        control.dispatchEvent(new Event("input"));
      }
    },
    showProblems(problems, onlyKey) {
      for (const [key, error] of errors) {
        if (onlyKey !== undefined && key !== onlyKey) continue;
        const problem = problems.find((p) => p.key === key);
        const column = byKey.get(key);
        error.textContent = problem && column ? formMessage(column, problem) : "";
        error.hidden = !problem;
        controls.get(key)?.setAttribute("aria-invalid", problem ? "true" : "false");
      }
    },
    showWarnings(found) {
      for (const [key, warning] of warnings) {
        const text = found.filter((w) => w.key === key).map((w) => w.message);
        warning.textContent = text.join(" ");
        warning.hidden = text.length === 0;
      }
    },
    clear(keep) {
      for (const [key, control] of controls) {
        const kept = keep.has(key) && control.value !== "";
        if (!kept) {
          control.value = "";
          control.dispatchEvent(new Event("input"));
        }
        boxes.get(key)?.classList.toggle("kept", kept);
      }
      this.showProblems([]);
      this.showWarnings([]);
    },
    clearKept() {
      let any = false;
      for (const [key, box] of boxes) {
        if (!box.classList.contains("kept")) continue;
        any = true;
        box.classList.remove("kept");
        const control = controls.get(key);
        if (control) {
          control.value = "";
          control.dispatchEvent(new Event("input"));
        }
      }
      return any;
    },
    hasInput: () => [...controls.values()].some((c) => c.value.trim() !== ""),
  };
}

/**
 * The form's words for a problem. shared/'s messages are written for a sheet cell, with
 * nothing beside it, so they end with how to fill it in; in the form that is printed right
 * under the field (its note), and the error must not say it again. A required field left
 * empty gets a short sentence; a count keeps what was wrong ("1,5" has a fraction) without
 * the count rule its note ends with; any other message is shared/'s own.
 */
export function formMessage(column: ColumnDef, problem: Problem): string {
  if (column.required && isBlank(problem.value)) {
    return column.type === "enum" ? `Chưa chọn ${column.header}.` : `Chưa nhập ${column.header}.`;
  }
  if (column.note.endsWith(COUNT_RULE) && problem.message.endsWith(` ${COUNT_RULE}`)) {
    return problem.message.slice(0, -COUNT_RULE.length - 1);
  }
  return problem.message;
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
      return dateInput(id, name);
    case "count":
      // Text, not type=number: the browser would blank "1.500" or "-" before shared/ sees it,
      // and shared/'s message for what was typed is the one staff should read.
      return h("input", { id, name, type: "text", inputmode: "numeric", autocomplete: "off" });
    case "text":
      return column.width >= TEXTAREA_MIN_WIDTH
        ? h("textarea", { id, name, rows: "2", placeholder: example(column) })
        : h("input", { id, name, type: "text", placeholder: example(column), autocomplete: "off" });
  }
}

function example(column: ColumnDef): string | undefined {
  return column.type === "text" && column.example ? `Ví dụ: ${column.example}` : undefined;
}
