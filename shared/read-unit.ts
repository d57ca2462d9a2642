import { type Issue, locate } from "./issue.ts";
import { findTab, readTab } from "./read-tab.ts";
import type { RowOf } from "./schema/template.ts";
import { TEMPLATES, type Template, type TemplateId } from "./templates/index.ts";

export type UnitRows = { [T in Template as T["id"]]: RowOf<T>[] };

export interface UnitRead {
  readonly rows: UnitRows;
  readonly issues: Issue[];
  readonly invalidRows: number;
  /** Template tab titles not found in the unit's spreadsheet. */
  readonly missingTabs: string[];
}

export function emptyUnitRows(): UnitRows {
  return Object.fromEntries(TEMPLATES.map((t) => [t.id, []])) as unknown as UnitRows;
}

/**
 * Reads every template tab of one unit's spreadsheet. A problem in one tab (missing,
 * renamed column, bad rows) is an issue; the unit's other tabs and rows still count.
 */
export function readUnit(
  tabs: readonly { readonly title: string; readonly values?: readonly unknown[][] | undefined }[],
): UnitRead {
  const rows = emptyUnitRows() as Record<TemplateId, unknown[]>;
  const issues: Issue[] = [];
  const missingTabs: string[] = [];
  let invalidRows = 0;
  const titles = tabs.map((t) => t.title);
  for (const template of TEMPLATES) {
    const title = findTab(template, titles);
    if (title === undefined) {
      missingTabs.push(template.title);
      issues.push({
        severity: "error",
        tab: template.title,
        row: null,
        column: null,
        columnIndex: null,
        value: "",
        message: `${locate(template.title, null, null)}: không tìm thấy trang tính này trong bảng tính của đơn vị. Hãy tạo bằng menu Báo cáo QCDC → Tạo biểu mẫu, hoặc đặt lại đúng tên trang tính.`,
      });
      continue;
    }
    const values = tabs.find((t) => t.title === title)?.values ?? [];
    const read = readTab(template, values, template.title);
    rows[template.id] = read.rows.map((r) => r.row);
    issues.push(...read.issues);
    invalidRows += read.invalidRows;
  }
  return { rows: rows as unknown as UnitRows, issues, invalidRows, missingTabs };
}
