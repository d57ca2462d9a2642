import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Issue } from "../../shared/issue.ts";
import { emptyUnitRows, type TabProblem, type UnitRows } from "../../shared/read-unit.ts";
import type { Submission } from "../../shared/submission/submission-status.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import type { UnitSnapshot } from "../consolidation/model.ts";

/**
 * Snapshots are stored compactly: each template's rows as arrays under a list of column
 * keys (written with the snapshot, so a template that later gains or reorders columns
 * still decodes old snapshots), then split into parts that fit D1's 2 MB value limit.
 */

// Characters, not bytes: Vietnamese text is at most 3 UTF-8 bytes a character.
export const PART_CHARS = 300_000;

interface Encoded {
  readonly v: 1;
  readonly columns: Record<string, string[]>;
  readonly rows: Record<string, unknown[][]>;
  /** Each row's 1-based row in the unit's sheet, in `rows` order; absent in snapshots
   * stored before row numbers were kept (their rows decode without one). */
  readonly sheetRows?: Record<string, (number | null)[]>;
  readonly issues: readonly Issue[];
  readonly invalidRows: number;
  /** Absent in snapshots stored before tab problems were kept. */
  readonly tabProblems?: readonly TabProblem[];
  /** The `Nộp báo cáo` rows; absent in snapshots stored before they were read. */
  readonly submissions?: readonly Submission[];
}

export function encodeSnapshot(snapshot: UnitSnapshot): string {
  // A packed snapshot is its encoding already: no second encoding, the same hash.
  const packed = packedBytes.get(snapshot);
  if (packed) return unpackJson(packed);
  const columns: Record<string, string[]> = {};
  const rows: Record<string, unknown[][]> = {};
  for (const template of TEMPLATES) {
    const keys = template.columns.map((c) => c.key);
    columns[template.id] = keys;
    const list = snapshot.rows[template.id] as readonly Record<string, unknown>[];
    rows[template.id] = list.map((row) => keys.map((k) => row[k] ?? null));
  }
  const encoded: Encoded = {
    v: 1,
    columns,
    rows,
    ...(snapshot.sheetRows ? { sheetRows: sheetRowsOf(snapshot) } : {}),
    issues: snapshot.issues,
    invalidRows: snapshot.invalidRows,
    tabProblems: snapshot.tabProblems,
    submissions: snapshot.submissions,
  };
  return JSON.stringify(encoded);
}

/**
 * The snapshot `json` holds, kept packed: a unit's rows and issues as objects take about
 * ten times the memory of their deflated encoding, and a run holds every unit's snapshot
 * until it publishes (3,321 units would not fit in an isolate). `rows` and `issues` are
 * decoded when read, so read each once per use (the last unit decoded is cached).
 */
export function decodeSnapshot(json: string): UnitSnapshot {
  const eager = unpackedSnapshot(json);
  return packed(deflateRawSync(encoder.encode(json), { level: 1 }), eager);
}

/** `snapshot` packed as decodeSnapshot packs one (a fresh read, before it is kept). */
export function packSnapshot(snapshot: UnitSnapshot): UnitSnapshot {
  if (packedBytes.has(snapshot)) return snapshot;
  // Its small parts are at hand: no need to decode what was just encoded.
  return packed(deflateRawSync(encoder.encode(encodeSnapshot(snapshot)), { level: 1 }), snapshot);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const packedBytes = new WeakMap<object, Uint8Array>();
// Consumers read `rows` then `issues` of one unit in a row: decode it once for them.
let lastUnpacked: { readonly bytes: Uint8Array; readonly snapshot: UnitSnapshot } | null = null;

function unpackJson(bytes: Uint8Array): string {
  return decoder.decode(inflateRawSync(bytes));
}

function unpack(bytes: Uint8Array): UnitSnapshot {
  if (lastUnpacked?.bytes !== bytes) {
    lastUnpacked = { bytes, snapshot: unpackedSnapshot(unpackJson(bytes)) };
  }
  return lastUnpacked.snapshot;
}

function packed(bytes: Uint8Array, eager: UnitSnapshot): UnitSnapshot {
  const snapshot = {
    invalidRows: eager.invalidRows,
    tabProblems: eager.tabProblems,
    ...(eager.submissions ? { submissions: eager.submissions } : {}),
  };
  // Enumerable, so a packed snapshot reads (and compares) like the plain one.
  const lazy = (key: "rows" | "issues" | "sheetRows") => ({
    enumerable: true,
    get: () => unpack(bytes)[key],
  });
  Object.defineProperties(snapshot, {
    rows: lazy("rows"),
    issues: lazy("issues"),
    ...(eager.sheetRows ? { sheetRows: lazy("sheetRows") } : {}),
  });
  packedBytes.set(snapshot, bytes);
  return snapshot as UnitSnapshot;
}

function sheetRowsOf(snapshot: UnitSnapshot): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const template of TEMPLATES) {
    const count = (snapshot.rows[template.id] as readonly unknown[]).length;
    const known = snapshot.sheetRows?.[template.id] ?? [];
    out[template.id] = Array.from({ length: count }, (_, i) => known[i] ?? null);
  }
  return out;
}

function unpackedSnapshot(json: string): UnitSnapshot {
  const encoded = JSON.parse(json) as Encoded;
  const rows = emptyUnitRows() as unknown as Record<string, Record<string, unknown>[]>;
  for (const template of TEMPLATES) {
    const keys = encoded.columns[template.id];
    const list = encoded.rows[template.id];
    if (!keys || !list) continue;
    rows[template.id] = list.map((cells) => {
      const row: Record<string, unknown> = {};
      for (const column of template.columns) {
        const at = keys.indexOf(column.key);
        row[column.key] = at >= 0 ? (cells[at] ?? null) : null;
      }
      return row;
    });
  }
  return {
    rows: rows as unknown as UnitRows,
    issues: encoded.issues,
    invalidRows: encoded.invalidRows,
    tabProblems: encoded.tabProblems ?? [],
    ...(encoded.submissions ? { submissions: encoded.submissions } : {}),
    ...(encoded.sheetRows ? { sheetRows: encoded.sheetRows } : {}),
  };
}

export function splitParts(json: string, partChars = PART_CHARS): string[] {
  // Bounded: with at least 2 characters a part always advances, even past a surrogate pair.
  if (!Number.isInteger(partChars) || partChars < 2) {
    throw new RangeError(`a snapshot part needs at least 2 characters, got ${partChars}`);
  }
  const parts: string[] = [];
  let at = 0;
  while (at < json.length) {
    let end = Math.min(at + partChars, json.length);
    // Never cut a surrogate pair: D1 stores UTF-8, where half a pair cannot survive.
    const code = json.charCodeAt(end - 1);
    if (end < json.length && code >= 0xd800 && code <= 0xdbff) end--;
    parts.push(json.slice(at, end));
    at = end;
  }
  return parts.length > 0 ? parts : [""];
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
