import { splitIsoDate } from "../../../shared/cells/dates.ts";
import { parseDate } from "../../../shared/cells/parse-date.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import { h } from "./element.ts";

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

/**
 * A date typed the Vietnamese way, dd/mm/yyyy, in a plain text box: the browser's own date
 * input orders its fields by the browser's language (an English Chrome reads 05062026 as
 * 6 May), so the page never uses it. shared/ parseDate reads what was typed, exactly as the
 * Worker reads a date typed into the sheet.
 */
export function dateInput(id: string, name: string): HTMLInputElement {
  const input = h("input", {
    id,
    name,
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    placeholder: "dd/mm/yyyy",
    maxlength: "10",
  });
  // Eight digits typed without separators (05062026) are day, month, year.
  input.addEventListener("change", () => {
    const digits = /^\s*(\d{2})(\d{2})(\d{4})\s*$/.exec(input.value);
    if (digits) {
      input.value = `${digits[1]}/${digits[2]}/${digits[3]}`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  return input;
}

/** "Thứ Sáu, ngày 05 tháng 06 năm 2026": the date read back in words, weekday first. */
export function spellDate(date: IsoDate): string {
  const [y, m, d] = splitIsoDate(date);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The line under a date box saying which day was understood, as the person types. */
export function dateEcho(input: HTMLInputElement, id: string): HTMLElement {
  const echo = h("p", { class: "hint date-echo", id, hidden: true });
  const update = () => {
    const parsed = input.value.trim() === "" ? null : parseDate(input.value);
    const date = parsed?.ok && parsed.value !== null ? parsed.value : null;
    echo.textContent = date ? `Là ${spellDate(date)}.` : "";
    echo.hidden = date === null;
  };
  input.addEventListener("input", update);
  input.addEventListener("change", update);
  return echo;
}
