import type { ReportContext } from "../submission/submission-api.ts";
import { h } from "./element.ts";

/** Fills the period list: one group per reporting year, the default period selected. */
export function fillPeriods(select: HTMLSelectElement, context: ReportContext): void {
  const years = new Map<string, HTMLOptGroupElement>();
  for (const p of context.periods) {
    const year = p.id.slice(0, 4);
    let group = years.get(year);
    if (!group) {
      group = h("optgroup", { label: `Năm ${year}` });
      years.set(year, group);
    }
    const open = p.open ? " – chưa kết thúc" : "";
    group.append(h("option", { value: p.id }, `${p.name} (${p.dates})${open}`));
  }
  select.replaceChildren(...years.values());
  select.value = context.defaultPeriod;
}

/** "Kỳ theo Nghị định 09 (Cài đặt đơn vị)." */
export function ruleHint(context: ReportContext): string {
  return `Các kỳ chia theo quy tắc ${context.ruleLabel}, như trong Cài đặt đơn vị.`;
}
