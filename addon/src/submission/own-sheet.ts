import { parseDate } from "../../../shared/cells/parse-date.ts";
import { locateHeaderRow } from "../../../shared/header-row.ts";
import { findTab } from "../../../shared/read-tab.ts";
import { readUnit, type UnitRead } from "../../../shared/read-unit.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import { TEMPLATES } from "../../../shared/templates/index.ts";
import { readSheetValues } from "../check/sheet-values.ts";
import type { AddonContext } from "../gas/types.ts";
import { vietnamToday } from "../gas/vietnam-today.ts";

export interface OwnSheet {
  readonly unit: UnitRead;
  /**
   * The date a template row carries, by template title and sheet row: undefined when the
   * row has no readable date (an error row whose period cannot be told).
   */
  readonly rowDate: (tab: string, row: number) => IsoDate | undefined;
  readonly today: IsoDate;
}

/**
 * The unit's four template tabs read exactly as the Worker reads them: getValues() turned
 * back into UNFORMATTED_VALUE cells (dates as serials), then shared/ readUnit.
 */
export function readOwnSheet(ctx: AddonContext): OwnSheet {
  const sheets = ctx.spreadsheet.getSheets();
  const names = sheets.map((s) => s.getName());
  const timeZone = ctx.spreadsheet.getSpreadsheetTimeZone();
  const today = vietnamToday(ctx);
  const tabs = TEMPLATES.flatMap((template) => {
    const sheet = sheets.find((s) => s.getName() === findTab(template, names));
    if (!sheet) return [];
    return [
      {
        template,
        title: sheet.getName(),
        values: readSheetValues(sheet, timeZone, ctx.formatDate),
      },
    ];
  });
  const unit = readUnit(tabs, { today });
  const dateColumns = new Map<string, { values: unknown[][]; index: number | undefined }>(
    tabs.map((t) => {
      const header = locateHeaderRow(t.values, t.template.columns);
      return [
        t.template.title,
        { values: t.values, index: header?.columns.get(t.template.dateKey) },
      ];
    }),
  );
  return {
    unit,
    today,
    rowDate(tab, row) {
      const found = dateColumns.get(tab);
      if (!found || found.index === undefined) return undefined;
      const parsed = parseDate(found.values[row - 1]?.[found.index]);
      return parsed.ok && parsed.value !== null ? parsed.value : undefined;
    },
  };
}
