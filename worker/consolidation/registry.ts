import { HEADER_SEARCH_ROWS, locateHeaderRow } from "../../shared/header-row.ts";
import { type Issue, type IssueAt, issue } from "../../shared/issue.ts";
import {
  displayValue,
  foldKey,
  isBlank,
  normalizeText,
  stripInvisible,
} from "../../shared/text/fold.ts";
import type { ProvinceIssue, RegisteredUnit } from "./model.ts";
import { parseSpreadsheetRef, spreadsheetRefProblem } from "./spreadsheet-ref.ts";

export const REGISTRY_TAB = "Đơn vị";
export const REGISTRY_COLUMNS = {
  code: "Mã đơn vị",
  name: "Tên đơn vị",
  sheet: "Bảng tính",
  note: "Ghi chú",
} as const;
/** Optional: whom the provincial office calls about a unit (beside it in Lỗi dữ liệu). */
export const CONTACT_COLUMNS = {
  person: "Người liên hệ",
  phone: "Điện thoại",
  email: "Email",
} as const;

export interface Registry {
  readonly units: RegisteredUnit[];
  readonly issues: ProvinceIssue[];
  /**
   * Why the registry cannot be used at all (no tab, no header, no unit), in Vietnamese;
   * such a run fails rather than publish a province of zero units.
   */
  readonly unusable: string | null;
}

type Key = keyof typeof REGISTRY_COLUMNS | keyof typeof CONTACT_COLUMNS;
const REQUIRED: readonly Key[] = ["code", "name", "sheet"];

/**
 * Reads the registry the way template tabs are read: header found by text in the first
 * rows, columns in any order, blank rows skipped. A duplicate code keeps the first row;
 * a spreadsheet registered twice is read once, for the first unit, so nothing is counted
 * twice.
 */
export function readRegistry(values: readonly (readonly unknown[])[] | undefined): Registry {
  const issues: ProvinceIssue[] = [];
  const rows = values ?? [];
  const header = locateRegistryHeader(rows);
  if (!header) {
    const unusable = `Trang "${REGISTRY_TAB}" không có dòng tiêu đề (${Object.values(REGISTRY_COLUMNS).join(" | ")}) trong ${HEADER_SEARCH_ROWS} dòng đầu: hãy giữ đúng tên các cột này.`;
    issues.push(problem("error", {}, lowerFirst(unusable)));
    return { units: [], issues, unusable };
  }
  const { headerRow, columns } = header;
  const cell = (row: readonly unknown[], key: Key) => {
    const at = columns.get(key);
    return at === undefined ? null : row[at];
  };
  // Where a problem is: the row, and the column's header and index so Lỗi dữ liệu links
  // to the very cell to fix.
  const at = (row: number, key: keyof typeof REGISTRY_COLUMNS, value = "") => ({
    row,
    column: REGISTRY_COLUMNS[key],
    columnIndex: columns.get(key) ?? null,
    value,
  });
  const units: RegisteredUnit[] = [];
  const seenCodes = new Map<string, number>();
  const seenSheets = new Map<string, string>();
  for (let r = headerRow; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const sheetRow = r + 1;
    if (row.every(isBlank)) continue;
    // Invisible characters pasted with a code would make it a second unit, and in a link
    // they would make it unreadable: neither is what the office typed.
    const code = stripInvisible(normalizeText(displayValue(cell(row, "code"))));
    const name = normalizeText(displayValue(cell(row, "name")));
    const sheetRaw = stripInvisible(normalizeText(displayValue(cell(row, "sheet"))));
    if (code === "") {
      if (name === "" && sheetRaw === "") continue; // only a note: not a unit
      issues.push(
        problem(
          "error",
          at(sheetRow, "code"),
          "thiếu mã đơn vị; dòng này chưa được tính. Hãy ghi mã đơn vị.",
        ),
      );
      continue;
    }
    const firstRow = seenCodes.get(foldKey(code));
    if (firstRow !== undefined) {
      issues.push(
        problem(
          "error",
          at(sheetRow, "code", code),
          `mã đơn vị "${code}" trùng với dòng ${firstRow}; chỉ dòng ${firstRow} được tính. Hãy sửa mã hoặc xóa dòng trùng.`,
          code,
        ),
      );
      continue;
    }
    seenCodes.set(foldKey(code), sheetRow);
    if (name === "") {
      issues.push(
        problem(
          "warning",
          at(sheetRow, "name"),
          `thiếu tên đơn vị; tạm dùng mã "${code}" làm tên.`,
          code,
        ),
      );
    }
    let spreadsheetId: string | null = null;
    let why: string | null = null;
    if (sheetRaw !== "") {
      spreadsheetId = parseSpreadsheetRef(sheetRaw);
      if (spreadsheetId === null) {
        why = `Ô "Bảng tính" ở dòng ${sheetRow} trang Đơn vị ${spreadsheetRefProblem(sheetRaw)}`;
        issues.push(problem("error", at(sheetRow, "sheet", sheetRaw), lowerFirst(why), code));
      } else {
        const owner = seenSheets.get(spreadsheetId);
        if (owner !== undefined) {
          why = `Bảng tính này đã được đăng ký cho đơn vị "${owner}"; một bảng tính chỉ được tính cho một đơn vị. Hãy sửa ô "Bảng tính" ở dòng ${sheetRow} trang Đơn vị.`;
          issues.push(problem("error", at(sheetRow, "sheet", sheetRaw), lowerFirst(why), code));
        } else {
          seenSheets.set(spreadsheetId, code);
        }
      }
    }
    const [person, phone, email] = (["person", "phone", "email"] as const).map((k) =>
      normalizeText(displayValue(cell(row, k))),
    ) as [string, string, string];
    units.push({
      code,
      name: name === "" ? code : name,
      position: units.length,
      sheetRow,
      spreadsheetId,
      problem: why,
      contact: person || phone || email ? { person, phone, email } : null,
    });
  }
  const unusable =
    units.length > 0
      ? null
      : `Trang "${REGISTRY_TAB}" chưa có đơn vị nào được chấp nhận: hãy ghi mỗi đơn vị một dòng dưới dòng tiêu đề (${Object.values(REGISTRY_COLUMNS).join(" | ")}).${issues.length ? ` ${issues.map((i) => i.issue.message).join(" ")}` : ""}`;
  return { units, issues, unusable };
}

const WANTED = (Object.entries({ ...REGISTRY_COLUMNS, ...CONTACT_COLUMNS }) as [Key, string][]).map(
  ([key, header]) => ({
    key,
    header,
  }),
);

function locateRegistryHeader(
  rows: readonly (readonly unknown[])[],
): { headerRow: number; columns: Map<Key, number> } | null {
  const found = locateHeaderRow(rows, WANTED);
  return found && REQUIRED.every((k) => found.columns.has(k)) ? found : null;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function problem(
  severity: Issue["severity"],
  where: Omit<IssueAt, "tab">,
  text: string,
  code = "",
): ProvinceIssue {
  return { code, issue: issue(severity, { tab: REGISTRY_TAB, ...where }, text) };
}
