// Applies a request's `fields` mask: only the named paths of the target change, each to what
// the request gives (or cleared when the request leaves it out), exactly as batchUpdate does.

import type { JsonObject } from "./cell.ts";
import type { MaskTree, Schema } from "./field-mask.ts";
import { parseMask, validateMask } from "./field-mask.ts";

export function mergeMasked(
  target: JsonObject,
  source: JsonObject | undefined,
  mask: MaskTree,
): void {
  if (mask.has("*")) {
    for (const k of Object.keys(target)) delete target[k];
    if (source) Object.assign(target, structuredClone(source));
    return;
  }
  for (const [name, sub] of mask) {
    const v = source?.[name];
    if (sub === true) {
      if (v === undefined) delete target[name];
      else target[name] = structuredClone(v);
      continue;
    }
    let child = target[name];
    if (!child || typeof child !== "object" || Array.isArray(child)) {
      child = {};
      target[name] = child;
    }
    mergeMasked(
      child as JsonObject,
      v && typeof v === "object" ? (v as JsonObject) : undefined,
      sub,
    );
    if (Object.keys(child as JsonObject).length === 0) delete target[name];
  }
}

/** Parses and checks a request's `fields`; returns an error text or the mask. */
export function requestMask(fields: unknown, schema: Schema | undefined): MaskTree | string {
  if (typeof fields !== "string" || fields.trim() === "")
    return "At least one field must be specified.";
  const tree = parseMask(fields);
  if (!(tree instanceof Map)) return `Invalid field mask: '${tree.error}'`;
  if (schema) {
    const bad = validateMask(tree, schema);
    if (bad) return `Invalid field mask: '${bad}' is not a field of the request's object`;
  }
  return tree;
}
