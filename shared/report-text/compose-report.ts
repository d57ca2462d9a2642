import { type Issue, issue } from "../issue.ts";
import { displayValue, isBlank, stripInvisible } from "../text/fold.ts";
import { builtInWording } from "./built-in-wording.ts";
import { fillTemplate, placeholderKey, placeholderValues } from "./placeholders.ts";
import {
  placeholderNames,
  REPORTING_RATE_NAMES,
  type ReportFacts,
  reportValues,
} from "./report-values.ts";

/** The provincial tab whose rows replace the built-in wording (docs/output.md). */
export const WORDING_TAB = "Mẫu báo cáo";

/** One paragraph of the province's own wording and the row it was typed in. */
export interface WordingRow {
  /** 1-based row of `Mẫu báo cáo`. */
  readonly row: number;
  readonly text: string;
}

export interface ComposedReport {
  /** The paragraphs with every known placeholder filled in, in order. */
  readonly paragraphs: readonly string[];
  /** `custom`: the province's rows of `Mẫu báo cáo`; `built-in`: shared/report-text. */
  readonly wording: "built-in" | "custom";
  /** Placeholders left in the text, as the province's warnings for `Lỗi dữ liệu`. */
  readonly problems: readonly Issue[];
}

/**
 * The paragraphs of `Mẫu báo cáo` as read with values.batchGet: column A, one paragraph
 * per row, blank rows skipped. Line breaks typed inside a cell stay; invisible marks go.
 */
export function readWordingRows(values: readonly (readonly unknown[])[]): WordingRow[] {
  const rows: WordingRow[] = [];
  values.forEach((cells, i) => {
    const raw = cells[0];
    if (isBlank(raw)) return;
    const text = stripInvisible(displayValue(raw)).normalize("NFC").trim();
    if (text !== "") rows.push({ row: i + 1, text });
  });
  return rows;
}

/**
 * The report's paragraphs for these facts: the province's own rows if `Mẫu báo cáo` has
 * any, else the built-in wording. A placeholder that cannot be filled stays visible in
 * the text and becomes a warning naming its row, so the office sees both where and why.
 */
export function composeReport(
  facts: ReportFacts,
  custom: readonly WordingRow[] | null,
): ComposedReport {
  const values = placeholderValues(reportValues(facts));
  const own = custom !== null && custom.length > 0;
  const source: readonly WordingRow[] = own
    ? custom
    : builtInWording(facts.reportingRate !== null).map((p) => ({ row: 0, text: p.text }));
  const problems: Issue[] = [];
  const paragraphs = source.map(({ row, text }) => {
    const filled = fillTemplate(text, values);
    for (const placeholder of filled.unknown) {
      problems.push(
        issue(
          "warning",
          { tab: WORDING_TAB, row: own ? row : null, columnIndex: 0, value: placeholder },
          unknownMessage(placeholder),
        ),
      );
    }
    return filled.text;
  });
  return { paragraphs, wording: own ? "custom" : "built-in", problems };
}

const KNOWN_NAMES = placeholderNames();
const RATE_KEYS = new Set(REPORTING_RATE_NAMES.map(placeholderKey));

function unknownMessage(placeholder: string): string {
  const key = placeholderKey(placeholder.slice(1, -1));
  const kept = `được để nguyên trong trang "Báo cáo"`;
  if (RATE_KEYS.has(key)) {
    return `trường ${placeholder} chưa có số liệu vì lượt tổng hợp này chưa có tình hình nộp báo cáo của các đơn vị, nên ${kept}.`;
  }
  const nearest = nearestName(key);
  const hint = nearest ? ` Có phải là {${nearest}}?` : "";
  return `không có trường ${placeholder}, nên ${kept}.${hint} Các trường dùng được: tên chỉ tiêu như {inspections}, {inspections.lastYear}, {inspections.change}, và {period}, {from}, {to}, {submitted}, {expected} (xem danh sách trong hướng dẫn).`;
}

// Typing slips only: a name further away than this is no suggestion.
const MAX_SUGGESTION_DISTANCE = 3;

function nearestName(key: string): string | null {
  let best: string | null = null;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  for (const name of KNOWN_NAMES) {
    const d = editDistance(key, placeholderKey(name), bestDistance);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, or `limit` as soon as it is certain to be at least that. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length]!;
}
