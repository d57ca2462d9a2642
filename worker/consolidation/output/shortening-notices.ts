import { periodName } from "../../../shared/period-names.ts";
import type { Period } from "../../../shared/periods.ts";

/** What a shortened list left out (fair-shortening.ts), for its notice line. */
export interface Omission {
  /** Rows the list had in full. */
  readonly total: number;
  /** Rows left out that fall outside the period `Tổng hợp` shows. */
  readonly outsidePeriod: number;
  /** Rows of the period left out. */
  readonly inPeriod: number;
  /** The units that lost rows, in registry order. */
  readonly units: readonly string[];
}

const WHY =
  "vì toàn bộ kết quả vượt giới hạn dung lượng của một lần ghi vào Google Sheets (khoảng 10 MB)";
// A notice names this many units at most, then says how many more.
const UNITS_NAMED = 5;

/** `1.234`, as Vietnamese writes thousands. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** The first line of a shortened `Chi tiết – …` tab, or null when nothing was left out. */
export function detailNotice(o: Omission, period: Period): string | null {
  const omitted = o.outsidePeriod + o.inPeriod;
  if (omitted === 0) return null;
  const where = `kỳ báo cáo ${periodName(period)}`;
  const parts = [
    o.outsidePeriod ? `${formatCount(o.outsidePeriod)} dòng ngoài ${where}` : "",
    o.inPeriod ? `${formatCount(o.inPeriod)} dòng trong kỳ` : "",
  ].filter(Boolean);
  return `Trang này đã bị cắt bớt: ghi ${formatCount(o.total - omitted)} trong ${formatCount(o.total)} dòng, lược bỏ ${parts.join(" và ")}${fromUnits(o.units)} ${WHY}; đơn vị có nhiều dòng nhất bị cắt trước. Tổng hợp vẫn tính đủ mọi dòng. Số liệu đầy đủ: GET /api/totals (mọi kỳ: ?period=<kỳ>) hoặc bảng tính của từng đơn vị.`;
}

/** The first line of a shortened `Lỗi dữ liệu`, or null when nothing was left out. */
export function errorsNotice(o: Omission): string | null {
  const omitted = o.outsidePeriod + o.inPeriod;
  if (omitted === 0) return null;
  return `Trang này đã bị cắt bớt: ghi ${formatCount(o.total - omitted)} trong ${formatCount(o.total)} dòng, lược bỏ ${formatCount(omitted)} dòng${fromUnits(o.units)} ${WHY}. Tổng hợp vẫn đầy đủ; các lỗi bị lược bỏ xem trong bảng tính của chính các đơn vị đó (menu Báo cáo QCDC → Kiểm tra dữ liệu).`;
}

/** The run's note in `Nhật ký` (and its message in the API) when tabs were shortened. */
export function shortenedRunNote(detailRowsOmitted: number, errorsOmitted: number): string {
  const parts = [
    detailRowsOmitted ? `${formatCount(detailRowsOmitted)} dòng ở các trang Chi tiết` : "",
    errorsOmitted ? `${formatCount(errorsOmitted)} dòng ở trang Lỗi dữ liệu` : "",
  ].filter(Boolean);
  return `Kết quả quá lớn cho một lần ghi vào Google Sheets: đã lược bỏ ${parts.join(" và ")} (dòng đầu của mỗi trang bị rút gọn nói rõ phần lược bỏ). Tổng hợp vẫn đầy đủ.`;
}

function fromUnits(units: readonly string[]): string {
  if (!units.length) return "";
  const named = units.slice(0, UNITS_NAMED);
  const rest = units.length - named.length;
  return ` của đơn vị ${named.join(", ")}${rest > 0 ? ` và ${formatCount(rest)} đơn vị khác` : ""}`;
}
