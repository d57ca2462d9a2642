import type { FakeSheet } from "./fake-sheet.ts";

/**
 * Whether Sheets would take `input` typed into a cell, by the cell's data validation:
 * the fake's answer to "does this rule refuse `-`?". Custom formulas are evaluated with
 * the small part of the Sheets formula language the add-on's rules use (IF, AND, OR,
 * ISNUMBER, INT, N, TRIM, VALUE, REGEXMATCH, REGEXREPLACE, comparisons, relative cell
 * references); anything else throws,
 * so a rule the evaluator does not understand can never pass a test by accident.
 * `anchorRow` is the row the formula was written for (the validated range's first row).
 */
export function acceptsInput(
  sheet: FakeSheet,
  row: number,
  column: number,
  input: string | number,
  anchorRow: number,
): boolean {
  const rule = sheet.peek(row, column)?.validation ?? null;
  // Sheets never validates an empty cell.
  if (rule === null || input === "") return true;
  const [first] = rule.getCriteriaValues();
  switch (rule.getCriteriaType()) {
    case "VALUE_IN_LIST":
      return (first as string[]).includes(String(input));
    case "CUSTOM_FORMULA": {
      const at = (r: number, c: number): unknown =>
        r === row && c === column ? input : (sheet.peek(r, c)?.value ?? "");
      return evaluate(String(first), row - anchorRow, at) === true;
    }
    default:
      throw new Error(`fake formula: ${rule.getCriteriaType()} is not modelled`);
  }
}

const ERROR = Symbol("#VALUE!");
type Value = number | string | boolean | typeof ERROR;

function evaluate(formula: string, shift: number, at: (r: number, c: number) => unknown): Value {
  const tokens = formula
    .replace(/^=/, "")
    .match(/"[^"]*"|[A-Z]+\d+|[A-Z]+(?=\()|\d+|<=|>=|<>|[=<>(),]/g);
  // Spaces are dropped outside text literals only: a literal keeps its own ("[. ]").
  const compact = formula.replace(/^=/, "").replace(/"[^"]*"|\s+/g, (m) => (m[0] === '"' ? m : ""));
  if (!tokens || tokens.join("") !== compact) {
    throw new Error(`fake formula: cannot read ${formula}`);
  }
  let i = 0;
  const next = () => tokens[i++] ?? "";
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`fake formula: expected ${t} in ${formula}`);
  };
  const comparison = (): Value => {
    const left = primary();
    const op = tokens[i];
    if (op && ["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      i++;
      return compare(left, op, primary());
    }
    return left;
  };
  const primary = (): Value => {
    const t = next();
    if (t.startsWith('"')) return t.slice(1, -1);
    if (/^\d+$/.test(t)) return Number(t);
    const ref = /^([A-Z]+)(\d+)$/.exec(t);
    if (ref && tokens[i] !== "(") return cell(at(Number(ref[2]) + shift, letters(ref[1]!)));
    expect("(");
    const args: (() => Value)[] = [];
    const starts: number[] = [];
    // Arguments are parsed now and evaluated lazily: IF evaluates one branch only.
    while (tokens[i] !== ")") {
      starts.push(i);
      comparison();
      if (tokens[i] === ",") i++;
    }
    expect(")");
    const end = i;
    for (const start of starts) {
      args.push(() => {
        const saved = i;
        i = start;
        const value = comparison();
        i = saved;
        return value;
      });
    }
    i = end;
    return call(t, args);
  };
  const result = comparison();
  if (i !== tokens.length) throw new Error(`fake formula: trailing tokens in ${formula}`);
  return result;
}

function call(name: string, args: (() => Value)[]): Value {
  const all = () => args.map((a) => a());
  switch (name) {
    case "IF": {
      const condition = args[0]!();
      if (condition === ERROR) return ERROR;
      return truthy(condition) ? args[1]!() : (args[2]?.() ?? false);
    }
    case "AND":
    case "OR": {
      const values = all();
      if (values.includes(ERROR)) return ERROR;
      return name === "AND" ? values.every(truthy) : values.some(truthy);
    }
    case "ISNUMBER":
      return typeof args[0]!() === "number";
    case "INT": {
      const v = args[0]!();
      return typeof v === "number" ? Math.floor(v) : ERROR;
    }
    case "N": {
      const v = args[0]!();
      return typeof v === "number" ? v : 0;
    }
    case "TRIM": {
      const v = args[0]!();
      // Sheets' TRIM takes ASCII spaces only: a no-break space or a tab stays.
      return v === ERROR
        ? ERROR
        : String(v)
            .replace(/^ +| +$/g, "")
            .replace(/ {2,}/g, " ");
    }
    case "VALUE": {
      // Only what the rules hand it: digits (or a number); anything else is an error.
      const v = args[0]!();
      if (typeof v === "number") return v;
      return typeof v === "string" && /^\d+$/.test(v) ? Number(v) : ERROR;
    }
    case "REGEXMATCH":
    case "REGEXREPLACE": {
      const [text, pattern] = [args[0]!(), args[1]!()];
      // Sheets refuses a number here (#VALUE!); the rules always pass TRIM's text.
      if (typeof text !== "string" || typeof pattern !== "string") return ERROR;
      // RE2 and JavaScript agree on the syntax the rules use (\d, {m,n}, classes, \xA0).
      if (name === "REGEXMATCH") return new RegExp(pattern).test(text);
      const by = args[2]!();
      return typeof by === "string" ? text.replace(new RegExp(pattern, "g"), by) : ERROR;
    }
    default:
      throw new Error(`fake formula: ${name} is not modelled`);
  }
}

function compare(a: Value, op: string, b: Value): Value {
  if (a === ERROR || b === ERROR) return ERROR;
  // Sheets: text compares without case; any text is greater than any number.
  const rank = (v: Value) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const key = (v: number | string | boolean) =>
    typeof v === "string" ? v.toLocaleLowerCase("vi") : Number(v);
  const order =
    rank(a) !== rank(b) ? rank(a) - rank(b) : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    "=": order === 0,
    "<>": order !== 0,
    "<": order < 0,
    ">": order > 0,
    "<=": order <= 0,
    ">=": order >= 0,
  }[op]!;
}

function truthy(v: Value): boolean {
  if (v === ERROR) return false;
  return typeof v === "string" ? false : Boolean(v);
}

function cell(value: unknown): Value {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  return "";
}

function letters(s: string): number {
  return [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
