// The `q` of Drive API v3 files.list, for what a spreadsheet can match: `name`, `mimeType`,
// `modifiedTime`, `createdTime`, `trashed`, `starred`, `'<folder id>' in parents`, joined with
// `and`, `or`, `not` and parentheses. Strings are single-quoted with `\'` and `\\` escapes;
// times are RFC 3339 (no zone means UTC). Anything else is Drive's 400 "Invalid Value".

import { parseRfc3339 } from "./drive-metadata.ts";

/** What a query can see of one file. */
export interface QueryableFile {
  readonly name: string;
  readonly mimeType: string;
  readonly modifiedTime: number;
  readonly createdTime: number;
  readonly parents: readonly string[];
}

export type FileQuery = (file: QueryableFile) => boolean;

export class InvalidQuery extends Error {}

type Token =
  | { kind: "string"; value: string }
  | { kind: "word"; value: string }
  | { kind: "op"; value: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= q.length) throw new InvalidQuery("unterminated string");
        const c = q[i] as string;
        if (c === "\\" && i + 1 < q.length) {
          value += q[i + 1];
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ kind: "string", value });
    } else if ("()".includes(ch)) {
      tokens.push({ kind: "op", value: ch });
      i++;
    } else if ("<>=!".includes(ch)) {
      const two = q.slice(i, i + 2);
      const op = ["<=", ">=", "!="].includes(two) ? two : ch;
      if (op === "!") throw new InvalidQuery("stray !");
      tokens.push({ kind: "op", value: op });
      i += op.length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(q.slice(i));
      if (!m) throw new InvalidQuery(`unexpected ${ch}`);
      tokens.push({ kind: "word", value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

const COMPARE = ["=", "!=", "<", "<=", ">", ">="];

function compare(a: number | string, op: string, b: number | string): boolean {
  switch (op) {
    case "=":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a >= b;
  }
}

/** Parses `q` into a predicate; throws InvalidQuery for anything Drive would refuse. */
export function parseFileQuery(q: string): FileQuery {
  const tokens = tokenize(q);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (t: Token | undefined, w: string) => t?.kind === "word" && t.value === w;
  const next = (): Token => {
    const t = tokens[at++];
    if (!t) throw new InvalidQuery("unexpected end");
    return t;
  };

  function term(): FileQuery {
    const first = next();
    if (first.kind === "string") {
      // '<folder id>' in parents
      if (!isWord(next(), "in") || !isWord(next(), "parents"))
        throw new InvalidQuery("expected in parents");
      return (f) => f.parents.includes(first.value);
    }
    if (first.kind !== "word") throw new InvalidQuery("expected a field");
    const field = first.value;
    const opToken = next();
    const op = opToken.value;
    const valueToken = next();
    if (field === "trashed" || field === "starred") {
      if (op !== "=" && op !== "!=") throw new InvalidQuery(`${field} takes = or !=`);
      if (valueToken.kind !== "word" || !["true", "false"].includes(valueToken.value))
        throw new InvalidQuery(`${field} takes true or false`);
      // Spreadsheets in the emulator are never trashed nor starred.
      const matches = (valueToken.value === "false") === (op === "=");
      return () => matches;
    }
    if (valueToken.kind !== "string") throw new InvalidQuery("expected a quoted value");
    const value = valueToken.value;
    if (field === "name" || field === "mimeType") {
      const get = (f: QueryableFile) => (field === "name" ? f.name : f.mimeType);
      if (opToken.kind === "word" && op === "contains") {
        // Drive's `name contains` matches word prefixes; `mimeType contains` a substring.
        return field === "name"
          ? (f) =>
              f.name
                .toLowerCase()
                .split(/\s+/)
                .some((w) => w.startsWith(value.toLowerCase()))
          : (f) => f.mimeType.includes(value);
      }
      if (op !== "=" && op !== "!=") throw new InvalidQuery(`${field} takes =, != or contains`);
      return (f) => compare(get(f), op, value);
    }
    if (field === "modifiedTime" || field === "createdTime") {
      if (opToken.kind !== "op" || !COMPARE.includes(op)) throw new InvalidQuery("bad operator");
      const t = parseRfc3339(value);
      if (Number.isNaN(t)) throw new InvalidQuery(`not an RFC 3339 time: ${value}`);
      return (f) => compare(field === "modifiedTime" ? f.modifiedTime : f.createdTime, op, t);
    }
    throw new InvalidQuery(`unknown field ${field}`);
  }

  function unary(): FileQuery {
    if (isWord(peek(), "not")) {
      at++;
      const inner = unary();
      return (f) => !inner(f);
    }
    const t = peek();
    if (t?.kind === "op" && t.value === "(") {
      at++;
      const inner = or();
      const close = next();
      if (close.kind !== "op" || close.value !== ")") throw new InvalidQuery("expected )");
      return inner;
    }
    return term();
  }

  function and(): FileQuery {
    const parts = [unary()];
    while (isWord(peek(), "and")) {
      at++;
      parts.push(unary());
    }
    return (f) => parts.every((p) => p(f));
  }

  function or(): FileQuery {
    const parts = [and()];
    while (isWord(peek(), "or")) {
      at++;
      parts.push(and());
    }
    return (f) => parts.some((p) => p(f));
  }

  if (tokens.length === 0) return () => true;
  const query = or();
  if (at !== tokens.length) throw new InvalidQuery("unexpected text after the query");
  return query;
}
