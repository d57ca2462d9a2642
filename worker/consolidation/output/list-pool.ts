import type { ListedRow } from "./detail-tabs.ts";
import { capLists, keptUnder, rowBytes } from "./output-budget.ts";
import type { Omission } from "./shortening-notices.ts";

/**
 * The rows of the lists that may be shortened (each unit's rows of a detail tab, each
 * unit's rows of `Lỗi dữ liệu`), gathered one unit at a time within the room the write
 * leaves them: whenever they outgrow it, every list is cut to one common size, the
 * largest lists first (capLists), so the unit that makes the output too big loses rows
 * first and a small unit keeps all of its own. The common size only shrinks as units are
 * added, so cutting early leaves out no row that cutting at the end would keep, and a
 * list added later is held to the size reached (else a unit listed after a cut would keep
 * more than an equal one listed before it). The rows of the whole province are never
 * held at once.
 */
export interface PooledList<R extends ListedRow = ListedRow> {
  /** The rows kept so far: a leading part of the list as made. */
  readonly rows: R[];
  /** Bytes of each kept row (rowBytes). */
  readonly sizes: number[];
  /** The unit the list is of. */
  readonly unit: string;
  /** Rows the list had in full. */
  readonly total: number;
  /** Rows left out, of the period and outside it. */
  droppedInPeriod: number;
  droppedOutsidePeriod: number;
}

export interface ListPool {
  readonly lists: PooledList[];
  /** Bytes of every kept row. */
  bytes: number;
  /** What the kept rows may take. */
  room: number;
  /** The common size lists were last cut to (Infinity: none cut yet). */
  cap: number;
}

export function listPool(room: number): ListPool {
  return { lists: [], bytes: 0, room: Math.max(0, room), cap: Infinity };
}

/** Adds a unit's list (the pool cuts it in place). Cuts when the pool is over its room by
 * more than a little (cutting after every unit would sort every list each time). */
export function addList<R extends ListedRow>(
  pool: ListPool,
  unit: string,
  rows: readonly R[],
): PooledList<R> {
  const sizes = rows.map(rowBytes);
  const list: PooledList<R> = {
    rows: [...rows],
    sizes,
    unit,
    total: rows.length,
    droppedInPeriod: 0,
    droppedOutsidePeriod: 0,
  };
  pool.lists.push(list);
  truncate(list, keptUnder(sizes, pool.cap));
  for (const size of list.sizes) pool.bytes += size;
  if (pool.bytes > pool.room + slack(pool.room)) cutPool(pool, pool.bytes - pool.room);
  return list;
}

/** Frees at least `need` bytes (or everything there is), the largest lists first. */
export function cutPool(pool: ListPool, need: number): void {
  if (need <= 0) return;
  const { kept, cap } = capLists(
    pool.lists.map((l) => l.sizes),
    need,
  );
  pool.cap = Math.min(pool.cap, cap);
  pool.lists.forEach((list, i) => {
    for (const size of list.sizes.slice(kept[i] ?? list.rows.length)) pool.bytes -= size;
    truncate(list, kept[i] ?? list.rows.length);
  });
}

function truncate(list: PooledList, n: number): void {
  if (n >= list.rows.length) return;
  for (const row of list.rows.slice(n)) {
    if (row.inPeriod) list.droppedInPeriod++;
    else list.droppedOutsidePeriod++;
  }
  list.rows.length = n;
  list.sizes.length = n;
}

/** What the pool left out of `lists` (one tab's), for its notice. */
export function omissionOf(lists: readonly PooledList[]): Omission {
  let total = 0;
  let outsidePeriod = 0;
  let inPeriod = 0;
  // A Set keeps the order units were first added in (registry order).
  const units = new Set<string>();
  for (const list of lists) {
    total += list.total;
    outsidePeriod += list.droppedOutsidePeriod;
    inPeriod += list.droppedInPeriod;
    const dropped = list.droppedInPeriod + list.droppedOutsidePeriod;
    if (dropped && list.unit !== "") units.add(list.unit);
  }
  return { total, outsidePeriod, inPeriod, units: [...units] };
}

/** Rows left out of every list. */
export function droppedRows(lists: readonly PooledList[]): number {
  return lists.reduce((n, l) => n + l.droppedInPeriod + l.droppedOutsidePeriod, 0);
}

// How far the pool may outgrow its room before it is cut: a few cuts for a whole province.
function slack(room: number): number {
  return Math.max(64 * 1024, Math.floor(room / 8));
}
