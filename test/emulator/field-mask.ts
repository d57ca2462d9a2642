// Google field masks: the `fields` system parameter on every response, and the `fields` of
// batchUpdate requests. Grammar: `a.b,c(d,e/f),*`. A name the schema does not know is refused.

import { badFieldMask } from "./google-error.ts";

/** `true` selects the whole subtree. */
export type MaskTree = Map<string, MaskTree | true>;

function addPath(tree: MaskTree, path: string[], sub: MaskTree | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    const existing = tree.get(head);
    if (existing === true || sub === true) tree.set(head, true);
    else if (existing) for (const [k, v] of sub) addPath(existing, [k], v);
    else tree.set(head, sub);
    return;
  }
  let child = tree.get(head);
  if (child === true) return;
  if (!child) {
    child = new Map();
    tree.set(head, child);
  }
  addPath(child, rest, sub);
}

/** Parses a mask; returns undefined (and the offending text) on a syntax error. */
export function parseMask(text: string): MaskTree | { error: string } {
  let pos = 0;
  const parseList = (depth: number): MaskTree | { error: string } => {
    const tree: MaskTree = new Map();
    for (;;) {
      const start = pos;
      while (pos < text.length && !",()".includes(text[pos] as string)) pos += 1;
      const pathText = text.slice(start, pos);
      const path = pathText.split(/[./]/);
      if (pathText === "" || path.some((p) => p === "")) return { error: pathText };
      let sub: MaskTree | true = true;
      if (text[pos] === "(") {
        pos += 1;
        const inner = parseList(depth + 1);
        if (!(inner instanceof Map)) return inner;
        if (text[pos] !== ")") return { error: text };
        pos += 1;
        sub = inner;
      }
      addPath(tree, path, sub);
      if (text[pos] === ",") {
        pos += 1;
        continue;
      }
      if (text[pos] === ")" && depth > 0) return tree;
      if (pos >= text.length && depth === 0) return tree;
      return { error: text.slice(start) };
    }
  };
  return parseList(0);
}

/** A response schema: field name → child schema, `"leaf"` or `"any"` (not checked deeper). */
export type Schema = { [field: string]: Schema | "leaf" | "any" };

export function validateMask(tree: MaskTree, schema: Schema, prefix = ""): string | undefined {
  for (const [name, sub] of tree) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (name === "*") continue;
    const s = schema[name];
    if (s === undefined) return path;
    if (sub === true || s === "any") continue;
    if (s === "leaf") return `${path}.${[...sub.keys()][0]}`;
    const bad = validateMask(sub, s, path);
    if (bad) return bad;
  }
  return undefined;
}

/** Keeps only the masked parts of a JSON value (arrays are masked element-wise). */
export function applyMask(value: unknown, tree: MaskTree): unknown {
  if (Array.isArray(value)) return value.map((v) => applyMask(v, tree));
  if (value === null || typeof value !== "object") return value;
  if (tree.has("*")) return value;
  const out: Record<string, unknown> = {};
  const obj = value as Record<string, unknown>;
  for (const [name, sub] of tree) {
    if (!(name in obj)) continue;
    const v = obj[name];
    if (sub === true) out[name] = v;
    else {
      const masked = applyMask(v, sub);
      if (
        masked !== null &&
        typeof masked === "object" &&
        !Array.isArray(masked) &&
        Object.keys(masked).length === 0
      )
        continue;
      out[name] = masked;
    }
  }
  return out;
}

/** Applies the `fields` query parameter to a response, refusing unknown names like Google. */
export function maskResponse(body: unknown, fields: string | null, schema: Schema): unknown {
  if (fields === null || fields === "") return body;
  const tree = parseMask(fields);
  if (!(tree instanceof Map)) throw badFieldMask(tree.error);
  const bad = validateMask(tree, schema);
  if (bad) throw badFieldMask(bad);
  return applyMask(body, tree);
}
