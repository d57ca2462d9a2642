import { isoDateToSerial } from "../../../shared/cells/dates.ts";
import type { IsoDate } from "../../../shared/schema/template.ts";
import { type TemplateId, templateById } from "../../../shared/templates/index.ts";
import type { Seed as EmulatorSeed, SeedCell } from "../../emulator/seed-format.ts";

/** A spreadsheet in the emulator's seed format (docs/local-run.md), with the id tests need. */
export type Seed = EmulatorSeed & { spreadsheetId: string };

export const serial = (date: IsoDate) => isoDateToSerial(date);

/** A template tab: its header row (as the template names it unless `headers` says
 * otherwise) then `rows` given in template column order. */
export function templateTab(
  id: TemplateId,
  rows: unknown[][],
  options: { title?: string; headers?: string[]; above?: unknown[][] } = {},
): { title: string; values: SeedCell[][] } {
  const template = templateById(id)!;
  return {
    title: options.title ?? template.title,
    values: [
      ...(options.above ?? []),
      options.headers ?? template.columns.map((c) => c.header),
      ...rows,
      // The emulator checks every cell against the seed format when it is seeded.
    ] as SeedCell[][],
  };
}

export function unitSeed(
  spreadsheetId: string,
  title: string,
  tabs: Seed["sheets"],
  emulator?: Seed["emulator"],
): Seed {
  return {
    spreadsheetId,
    properties: { title, locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
    sheets: tabs,
    ...(emulator ? { emulator } : {}),
  };
}

export function provinceSeed(
  spreadsheetId: string,
  registry: SeedCell[][],
  settings: SeedCell[][] | null = [
    ["Kỳ báo cáo", "2026"],
    ["Quy tắc kỳ", "Nghị định 09"],
  ],
): Seed {
  return {
    spreadsheetId,
    properties: {
      title: `Tỉnh thử ${spreadsheetId}`,
      locale: "vi_VN",
      timeZone: "Asia/Ho_Chi_Minh",
    },
    sheets: [
      {
        title: "Đơn vị",
        values: [
          ["DANH SÁCH ĐƠN VỊ"],
          ["Mã đơn vị", "Tên đơn vị", "Bảng tính", "Ghi chú"],
          ...registry,
        ],
      },
      ...(settings ? [{ title: "Cấu hình", values: settings }] : []),
    ],
  };
}

/** A clean unit: every template, figures easy to add up. Period 2026 (decree09) counts
 * 2 inspections by the province, 1 by the district, 1 row of 2025 that does not count. */
export function cleanUnitTabs(): Seed["sheets"] {
  return [
    templateTab("inspections", [
      [
        serial("2026-01-10"),
        "Ban Chỉ đạo cấp tỉnh",
        "Kiểm tra",
        "",
        "UBND xã Hòa Bình",
        "Xã, phường, đặc khu",
        "Tốt",
        3,
        2,
        "",
      ],
      [
        serial("2026-02-11"),
        "Ban Chỉ đạo cấp tỉnh",
        "Giám sát",
        "",
        "UBND xã Hoà Bình",
        "Xã, phường, đặc khu",
        "",
        1,
        1,
        "",
      ],
      [
        serial("2026-05-12"),
        "Ban Chỉ đạo cấp huyện",
        "Kiểm tra",
        "",
        "Trường THCS A",
        "Đơn vị sự nghiệp công lập",
        "Khá",
        "",
        "",
        "",
      ],
      [
        serial("2025-06-01"),
        "Ban Chỉ đạo cấp tỉnh",
        "Kiểm tra",
        "",
        "Cũ",
        "Khác",
        "",
        5,
        0,
        "năm trước",
      ],
    ]),
    templateTab("awards", [
      [
        "12/QĐ-UBND",
        serial("2026-04-01"),
        "Chủ tịch UBND tỉnh",
        "Bằng khen",
        "Tập thể",
        "Xã Hòa Bình",
        "Thực hiện dân chủ ở cơ sở",
        "",
      ],
      [
        "12/QĐ-UBND",
        serial("2026-04-01"),
        "Chủ tịch UBND tỉnh",
        "Giấy khen",
        "Cá nhân",
        "Ông A",
        "Dân vận khéo",
        "",
      ],
    ]),
    templateTab("dialogues", [[serial("2026-03-03"), "Chủ tịch UBND", "Phường 1", 50, 10, 8]]),
    templateTab("trainings", [[serial("2026-03-04"), "Tập huấn", "Quy chế dân chủ", 120]]),
  ];
}
