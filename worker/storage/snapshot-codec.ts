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
  readonly issues: readonly Issue[];
  readonly invalidRows: number;
  /** Absent in snapshots stored before tab problems were kept. */
  readonly tabProblems?: readonly TabProblem[];
  /** The `Nộp báo cáo` rows; absent in snapshots stored before they were read. */
  readonly submissions?: readonly Submission[];
}

export function encodeSnapshot(snapshot: UnitSnapshot): string {
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
    issues: snapshot.issues,
    invalidRows: snapshot.invalidRows,
    tabProblems: snapshot.tabProblems,
    submissions: snapshot.submissions,
  };
  return JSON.stringify(encoded);
}

export function decodeSnapshot(json: string): UnitSnapshot {
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
