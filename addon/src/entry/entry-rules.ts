import type { TemplateId, TemplateKey } from "../../../shared/templates/index.ts";

/**
 * How the form treats each template's columns beyond what shared/ says about a cell:
 * - `repeat`: kept after a row is saved, because consecutive rows usually share them
 *   (one award decision for many people, one inspection round over many bases);
 * - `sameAs`: a new row with these cells equal to an existing row's is probably entered
 *   twice, so the form asks before adding it.
 */
export type EntryRules = {
  readonly [I in TemplateId]: {
    readonly repeat: readonly TemplateKey<I>[];
    readonly sameAs: readonly TemplateKey<I>[];
  };
};

export const ENTRY_RULES: EntryRules = {
  inspections: {
    repeat: ["date", "inspector", "method", "round"],
    sameAs: ["date", "inspector", "method", "target"],
  },
  awards: {
    repeat: ["decisionNo", "decisionDate", "authority", "form", "movement"],
    sameAs: ["decisionNo", "recipient"],
  },
  dialogues: {
    repeat: ["date", "chair"],
    sameAs: ["date", "area"],
  },
  trainings: {
    repeat: ["date", "kind"],
    sameAs: ["date", "kind", "topic"],
  },
};

export function entryRules(templateId: string): { repeat: string[]; sameAs: string[] } {
  const rules = (
    ENTRY_RULES as Record<string, { repeat: readonly string[]; sameAs: readonly string[] }>
  )[templateId];
  return { repeat: [...(rules?.repeat ?? [])], sameAs: [...(rules?.sameAs ?? [])] };
}
