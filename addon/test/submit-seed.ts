import { isoDateToSerial } from "../../shared/cells/dates.ts";
import type { IsoDate, TemplateDef } from "../../shared/schema/template.ts";
import { dialogues, TEMPLATES } from "../../shared/templates/index.ts";
import { saveUnitSettings } from "../src/settings/unit-settings.ts";
import { DATE_FORMAT } from "../src/templates/column-formats.ts";
import { createTemplateTab } from "../src/templates/create-template-tab.ts";
import { createTemplates } from "../src/templates/create-templates.ts";
import {
  createFakeAppsScript,
  type FakeAppsScript,
  type FakeOptions,
} from "./fake-spreadsheet-app.ts";

export const UNIT = { code: "001", name: "Xã Hòa Bình", preparer: "Nguyễn Thị Lan" };

/**
 * A unit spreadsheet as staff leave it after Tạo biểu mẫu and Cài đặt đơn vị. By default
 * as an add-on version before Tạo biểu mẫu made `Nộp báo cáo` left it (template tabs
 * only), so the first submission creates the tab; `submissionTab` runs today's Tạo biểu mẫu.
 */
export function unitSpreadsheet(
  options: FakeOptions & {
    preparer?: string;
    rule?: "decree09" | "calendar";
    submissionTab?: boolean;
  } = {},
): FakeAppsScript {
  const fake = createFakeAppsScript(options);
  if (options.submissionTab) createTemplates(fake.context());
  else for (const template of TEMPLATES) createTemplateTab(fake.context(), template, null);
  const saved = saveUnitSettings(fake.context(), {
    ...UNIT,
    preparer: options.preparer ?? UNIT.preparer,
    rule: options.rule ?? "decree09",
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
  return fake;
}

/**
 * Appends rows (cells in the template's column order, dates as ISO text) below what the
 * tab holds, as the Sheets API would store them: dates as serials in a date format.
 */
export function addRows(
  fake: FakeAppsScript,
  template: TemplateDef,
  rows: readonly (readonly unknown[])[],
): void {
  const sheet = fake.spreadsheet.getSheetByName(template.title)!;
  const dateColumn = template.columns.findIndex((c) => c.key === template.dateKey);
  const stored = rows.map((row) =>
    row.map((cell, i) =>
      i === dateColumn && typeof cell === "string" && /^\d{4}-\d{2}-\d{2}$/.test(cell)
        ? isoDateToSerial(cell as IsoDate)
        : cell,
    ),
  );
  sheet.put(sheet.getLastRow() + 1, stored, { [dateColumn + 1]: DATE_FORMAT });
}

/** A valid `Đối thoại` row: date, chair, area, participants, opinions, resolved. */
export function dialogue(date: string, participants: number, chair = "Bà Lê Thị B"): unknown[] {
  return [date, chair, "Thôn Đông", participants, 2, 1];
}

export { dialogues };
