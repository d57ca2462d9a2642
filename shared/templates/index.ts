import type { KeyOf, RowOf, TemplateDef } from "../schema/template.ts";
import { awards } from "./awards.ts";
import { dialogues } from "./dialogues.ts";
import { inspections } from "./inspections.ts";
import { trainings } from "./trainings.ts";

/**
 * Every template, in the order of the `Tổng hợp` columns. A new template is one file
 * beside this one and one entry here; rows, metric ids and labels follow from it.
 */
export const TEMPLATES = [inspections, awards, dialogues, trainings] as const;

export type Template = (typeof TEMPLATES)[number];
export type TemplateId = Template["id"];

/** A valid, normalised row of any template, tagged with its template id. */
export type TemplateRow = { [T in Template as T["id"]]: RowOf<T> };
export type AnyRow = TemplateRow[TemplateId];
export type TemplateKey<I extends TemplateId> = KeyOf<Extract<Template, { id: I }>>;

export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id) as TemplateId[];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export function isTemplate(value: TemplateDef): value is Template {
  return (TEMPLATES as readonly TemplateDef[]).includes(value);
}

export { awards, dialogues, inspections, trainings };
