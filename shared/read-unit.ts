import { type Issue, issue } from "./issue.ts";
import { readTab } from "./read-tab.ts";
import type { RowOf } from "./schema/template.ts";
import { TEMPLATES, type Template, type TemplateId } from "./templates/index.ts";
import { foldKey } from "./text/fold.ts";
import type { WarningOptions } from "./warnings.ts";

export type UnitRows = { [T in Template as T["id"]]: RowOf<T>[] };

/** A template tab none (or not all) of whose rows count, and why, for the unit's status. */
export interface TabProblem {
  /** The template's tab title. */
  readonly tab: string;
  /** The same Vietnamese sentence as the tab's error issue. */
  readonly message: string;
}

/** Each valid row's 1-based row in the unit's sheet, by template id, in `rows` order. */
export type UnitSheetRows = { readonly [T in TemplateId]: number[] };

export interface UnitRead {
  readonly rows: UnitRows;
  /** Where each row of `rows` is in the unit's sheet (for links to it). */
  readonly sheetRows: UnitSheetRows;
  readonly issues: Issue[];
  readonly invalidRows: number;
  /** Template tab titles not found in the unit's spreadsheet. */
  readonly missingTabs: string[];
  /**
   * Tabs missing, without a header in the first rows, without a required column, or
   * present twice under titles that read the same. Each is also an error issue.
   */
  readonly tabProblems: TabProblem[];
}

/** One tab of a unit's spreadsheet; `values` may be left out for a tab not read. */
export interface UnitTab {
  readonly title: string;
  readonly values?: readonly unknown[][] | undefined;
}

export function emptyUnitRows(): UnitRows {
  return Object.fromEntries(TEMPLATES.map((t) => [t.id, []])) as unknown as UnitRows;
}

/**
 * Reads every template tab of one unit's spreadsheet. A problem in one tab (missing,
 * renamed column, bad rows) is an issue; the unit's other tabs and rows still count.
 * `tabs` is in the spreadsheet's order; give every title it has (values or not) so that
 * two tabs whose titles fold to the same template are reported: the first one is read.
 * `options.today` (Vietnam's date) turns on the "date after today" warning.
 */
export function readUnit(tabs: readonly UnitTab[], options: WarningOptions = {}): UnitRead {
  const rows = emptyUnitRows() as Record<TemplateId, unknown[]>;
  const sheetRows = Object.fromEntries(TEMPLATES.map((t) => [t.id, []])) as unknown as Record<
    TemplateId,
    number[]
  >;
  const issues: Issue[] = [];
  const missingTabs: string[] = [];
  const tabProblems: TabProblem[] = [];
  const problem = (found: Issue) => {
    issues.push(found);
    tabProblems.push({ tab: found.tab, message: found.message });
  };
  let invalidRows = 0;
  const folded = tabs.map((t) => foldKey(t.title));
  for (const template of TEMPLATES) {
    const key = foldKey(template.title);
    const matching = tabs.filter((_, i) => folded[i] === key);
    const [first] = matching;
    if (first === undefined) {
      missingTabs.push(template.title);
      problem(
        issue(
          "error",
          { tab: template.title },
          "không tìm thấy trang tính này trong bảng tính của đơn vị. Hãy tạo bằng menu Báo cáo QCDC → Tạo biểu mẫu, hoặc đặt lại đúng tên trang tính.",
        ),
      );
      continue;
    }
    if (matching.length > 1) {
      const names = matching.map((t) => `"${t.title}"`).join(", ");
      problem(
        issue(
          "error",
          { tab: template.title },
          `bảng tính có ${matching.length} trang tính trùng tên ${names} (trông giống nhau, chỉ khác ở cách gõ dấu, chữ hoa/thường, khoảng trắng hoặc ký tự ẩn). Chỉ trang đứng trước được tính; các dòng của trang còn lại chưa được tính. Hãy chuyển các dòng sang một trang rồi xóa trang kia.`,
        ),
      );
    }
    const read = readTab(template, first.values ?? [], template.title, options);
    rows[template.id] = read.rows.map((r) => r.row);
    sheetRows[template.id] = read.rows.map((r) => r.sheetRow);
    issues.push(...read.issues);
    if (read.tabProblem !== null)
      tabProblems.push({ tab: template.title, message: read.tabProblem });
    invalidRows += read.invalidRows;
  }
  return {
    rows: rows as unknown as UnitRows,
    sheetRows,
    issues,
    invalidRows,
    missingTabs,
    tabProblems,
  };
}
