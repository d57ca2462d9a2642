import type { TemplateDef } from "../../../shared/schema/template.ts";
import type { UnitSettings } from "../server-api.ts";
import { unitLabel } from "../settings/unit-store.ts";

const SEPARATOR = " — ";
const NO_UNIT = "(chưa cài đặt đơn vị)";

/** Row 1 of a generated tab: "KIỂM TRA, GIÁM SÁT — Xã Hòa Bình (mã 001)". */
export function titleText(template: TemplateDef, unit: UnitSettings | null): string {
  return `${titlePrefix(template)}${unitLabel(unit) ?? NO_UNIT}`;
}

/** True when `text` is a title row this add-on wrote, so it may rewrite it. */
export function isGeneratedTitle(template: TemplateDef, text: unknown): boolean {
  return typeof text === "string" && text.startsWith(titlePrefix(template));
}

function titlePrefix(template: TemplateDef): string {
  return `${template.title.toLocaleUpperCase("vi")}${SEPARATOR}`;
}
