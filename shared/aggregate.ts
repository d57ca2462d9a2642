import { type MetricId, type Metrics, zeroMetrics } from "./metrics.ts";
import type { Period } from "./periods.ts";
import type { UnitRows } from "./read-unit.ts";
import type { MetricDef, RowFilter, TemplateDef } from "./schema/template.ts";
import { TEMPLATES } from "./templates/index.ts";
import { foldKeyOnce } from "./text/fold.ts";

type Cells = Readonly<Record<string, unknown>>;

/*
 * Every valid row of every unit passes through here, once per period asked for. The
 * metrics are compiled once per template into a plan, and each row is visited once: the
 * cells that metrics compare folded are folded once per row (not once per metric), a
 * row's inspection-group key is built once for all the metrics that group the same way,
 * and a filtered metric is found from the row's cell (one lookup per filtered key) rather
 * than each metric testing the row.
 */

/** A filter's values as a set: `in` lists are short, but a set asks no more of a row. */
interface Filter {
  readonly key: string;
  readonly values: ReadonlySet<string>;
}

/** Rows with equal folded `by` cells and the same non-blank folded `round` are one event. */
interface GroupSpec {
  readonly bySlots: readonly number[];
  readonly roundSlot: number;
}

type Op =
  | { readonly kind: "rows"; readonly id: MetricId; readonly where?: Filter }
  | { readonly kind: "sum"; readonly id: MetricId; readonly key: string; readonly where?: Filter }
  | { readonly kind: "distinct"; readonly id: MetricId; readonly slot: number }
  | {
      readonly kind: "groups";
      readonly id: MetricId;
      readonly spec: number;
      readonly where?: Filter;
    };

/** The ops that filter on one key, by the cell value that lets a row in. */
interface FilterIndex {
  readonly key: string;
  readonly byValue: ReadonlyMap<string, readonly number[]>;
}

interface Plan {
  readonly dateKey: string;
  /** The keys whose cells some metric compares folded, each folded once per row. */
  readonly foldKeys: readonly string[];
  readonly groupSpecs: readonly GroupSpec[];
  readonly ops: readonly Op[];
  /** Ops that take every row of the period (a distinct count needs only its codes). */
  readonly always: readonly number[];
  /** Ops with a filter: a row's cell is looked up once per key, not once per op. */
  readonly filters: readonly FilterIndex[];
}

function filter(where: RowFilter): Filter {
  return { key: where.key, values: new Set(where.in) };
}

function compile(template: TemplateDef): Plan {
  const foldKeys: string[] = [];
  const slot = (key: string): number => {
    const at = foldKeys.indexOf(key);
    return at >= 0 ? at : foldKeys.push(key) - 1;
  };
  const specs: GroupSpec[] = [];
  const specIds: string[] = [];
  const op = (metric: MetricDef): Op => {
    const id = metric.id as MetricId;
    switch (metric.kind) {
      case "rows":
        return { kind: "rows", id };
      case "rowsWhere":
        return { kind: "rows", id, where: filter(metric) };
      case "sum":
        return { kind: "sum", id, key: metric.key };
      case "sumWhere":
        return { kind: "sum", id, key: metric.key, where: filter(metric.where) };
      case "distinct":
        return { kind: "distinct", id, slot: slot(metric.key) };
      case "inspectionGroups": {
        const bySlots = metric.by.map(slot);
        const roundSlot = slot(metric.round);
        const specId = `${bySlots.join(",")}|${roundSlot}`;
        let spec = specIds.indexOf(specId);
        if (spec < 0) {
          spec = specs.push({ bySlots, roundSlot }) - 1;
          specIds.push(specId);
        }
        return metric.where
          ? { kind: "groups", id, spec, where: filter(metric.where) }
          : { kind: "groups", id, spec };
      }
    }
  };
  const ops = template.metrics.map(op);
  const always: number[] = [];
  const filters = new Map<string, Map<string, number[]>>();
  ops.forEach((o, i) => {
    const where = o.kind === "distinct" ? undefined : o.where;
    if (!where) {
      if (o.kind !== "distinct") always.push(i);
      return;
    }
    let byValue = filters.get(where.key);
    if (!byValue) {
      byValue = new Map();
      filters.set(where.key, byValue);
    }
    for (const value of where.values) {
      const list = byValue.get(value);
      if (list) list.push(i);
      else byValue.set(value, [i]);
    }
  });
  return {
    dateKey: template.dateKey,
    foldKeys,
    groupSpecs: specs,
    ops,
    always,
    filters: [...filters].map(([key, byValue]) => ({ key, byValue })),
  };
}

const PLANS = TEMPLATES.map((template) => ({ id: template.id, plan: compile(template) }));

/**
 * One unit's metrics for a period, from its valid rows. `invalidRows` counts rows left
 * out for errors over all periods (a broken date has no period to fall in).
 */
export function aggregateUnit(
  rows: UnitRows,
  invalidRows: number,
  period: Pick<Period, "from" | "to">,
): Metrics {
  const metrics = zeroMetrics();
  for (const { id, plan } of PLANS) {
    aggregateTemplate(plan, (rows[id] ?? []) as readonly Cells[], period, metrics);
  }
  metrics.invalidRows = invalidRows;
  return metrics;
}

function aggregateTemplate(
  plan: Plan,
  rows: readonly Cells[],
  period: Pick<Period, "from" | "to">,
  metrics: Metrics,
): void {
  const { dateKey, foldKeys, groupSpecs, ops, always, filters } = plan;
  const counts = new Array<number>(ops.length).fill(0);
  const events = ops.map((op) => (op.kind === "groups" ? new Set<number | string>() : null));
  const coders = foldKeys.map(() => new FoldCoder());
  // The row in hand: its folded cells as codes, and its event key by spec (null when the
  // round is blank: an event by itself).
  const codes = new Array<number>(foldKeys.length).fill(0);
  const groupKeys = new Array<number | string | null>(groupSpecs.length).fill(null);
  // Codes are below rows.length + 1, so digits of that base keep a key's parts apart.
  const base = rows.length + 1;
  const { from, to } = period;
  for (const row of rows) {
    const date = row[dateKey];
    if (typeof date !== "string" || date < from || date > to) continue;
    for (let s = 0; s < foldKeys.length; s++) {
      codes[s] = (coders[s] as FoldCoder).code(row[foldKeys[s] as string]);
    }
    for (let g = 0; g < groupSpecs.length; g++) {
      const spec = groupSpecs[g] as GroupSpec;
      groupKeys[g] = codes[spec.roundSlot] === 0 ? null : eventKey(spec, codes, base);
    }
    for (let a = 0; a < always.length; a++) {
      apply(ops, always[a] as number, row, counts, events, groupKeys);
    }
    for (let f = 0; f < filters.length; f++) {
      const { key, byValue } = filters[f] as FilterIndex;
      const v = row[key];
      const matched = typeof v === "string" ? byValue.get(v) : undefined;
      if (matched === undefined) continue;
      for (let m = 0; m < matched.length; m++) {
        apply(ops, matched[m] as number, row, counts, events, groupKeys);
      }
    }
  }
  ops.forEach((op, i) => {
    // Every folded value of the slot seen in the period has a code: distinct counts them.
    const distinct = op.kind === "distinct" ? (coders[op.slot] as FoldCoder).size : 0;
    metrics[op.id] = (counts[i] as number) + (events[i]?.size ?? 0) + distinct;
  });
}

/** Op `i` takes `row` (its filter, if any, already passed). */
function apply(
  ops: readonly Op[],
  i: number,
  row: Cells,
  counts: number[],
  events: (Set<number | string> | null)[],
  groupKeys: readonly (number | string | null)[],
): void {
  const op = ops[i] as Op;
  switch (op.kind) {
    case "rows":
      counts[i] = (counts[i] as number) + 1;
      break;
    case "sum": {
      const v = row[op.key];
      if (typeof v === "number") counts[i] = (counts[i] as number) + v;
      break;
    }
    case "distinct":
      break;
    case "groups": {
      const key = groupKeys[op.spec];
      if (key === null || key === undefined) counts[i] = (counts[i] as number) + 1;
      else events[i]?.add(key);
      break;
    }
  }
}

/**
 * Numbers a column's cells by their folded form within one unit: 0 for a blank cell, and
 * the same code for two cells a person would call the same. A cell typed the same way as
 * one before it (dropdown values, a unit's repeated texts) is one map lookup.
 */
class FoldCoder {
  private readonly raw = new Map<unknown, number>();
  private readonly folded = new Map<string, number>();

  /** How many distinct non-blank folded values have been coded. */
  get size(): number {
    return this.folded.size;
  }

  code(v: unknown): number {
    if (v === null || v === undefined) return 0;
    const known = this.raw.get(v);
    if (known !== undefined) return known;
    let code = 0;
    if (!isBlankCell(v)) {
      const key = foldKeyOnce(String(v));
      code = this.folded.get(key) ?? this.folded.size + 1;
      this.folded.set(key, code);
    }
    this.raw.set(v, code);
    return code;
  }
}

function eventKey(spec: GroupSpec, codes: readonly number[], base: number): number | string {
  const parts = spec.bySlots.length + 1;
  if (base ** parts <= Number.MAX_SAFE_INTEGER) {
    let key = codes[spec.roundSlot] as number;
    for (const s of spec.bySlots) key = key * base + (codes[s] as number);
    return key;
  }
  // Too many parts for one exact number: codes joined, which no code can contain.
  return `${spec.bySlots.map((s) => codes[s]).join(",")},${codes[spec.roundSlot]}`;
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Totals over units: `Toàn tỉnh`. Distinct counts add up too, being within each unit. */
export function sumMetrics(list: readonly Metrics[]): Metrics {
  const total = zeroMetrics();
  for (const metrics of list) {
    for (const id of Object.keys(total) as (keyof Metrics)[]) total[id] += metrics[id];
  }
  return total;
}
