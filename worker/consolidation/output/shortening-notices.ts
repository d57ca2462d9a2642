import type { Period } from "../../../shared/periods.ts";
import { periodName } from "../period-label.ts";

/** What a shortened list left out (output-budget.ts), for its notice line. */
export interface Omission {
  /** Rows the list had in full. */
  readonly total: number;
  /** Rows left out because they fall outside the period `Tổng hợp` shows. */
  readonly outsidePeriod: number;
  /** Rows of the period left out at the end of the list to fit the size limit. */
  readonly capped: number;
  /** The unit of the first capped row ("" for the province's own tabs, null if none). */
  readonly cappedFrom: string | null;
}

const WHY =
  "vì toàn bộ kết quả vượt giới hạn dung lượng của một lần ghi vào Google Sheets (khoảng 10 MB)";

/** `1.234`, as Vietnamese writes thousands. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** The first line of a shortened `Chi tiết – …` tab, or null when nothing was left out. */
export function detailNotice(o: Omission, period: Period): string | null {
  const omitted = o.outsidePeriod + o.capped;
  if (omitted === 0) return null;
  const kept = formatCount(o.total - omitted);
  const all = formatCount(o.total);
  const where = `kỳ báo cáo ${periodName(period)}`;
  const head =
    o.capped === 0
      ? `Trang này chỉ liệt kê các dòng thuộc ${where}: ghi ${kept} trong ${all} dòng, lược bỏ ${formatCount(omitted)} dòng ngoài kỳ`
      : `Trang này đã bị cắt bớt: chỉ ghi ${kept} trong ${all} dòng, lược bỏ ${formatCount(omitted)} dòng (${[
          o.outsidePeriod ? `${formatCount(o.outsidePeriod)} dòng ngoài ${where}` : "",
          `${formatCount(o.capped)} dòng trong kỳ${from(o.cappedFrom)}`,
        ]
          .filter(Boolean)
          .join(", ")})`;
  return `${head} ${WHY}. Tổng hợp vẫn tính đủ mọi dòng. Số liệu đầy đủ: GET /api/totals (mọi kỳ: ?period=<kỳ>) hoặc bảng tính của từng đơn vị.`;
}

/** The first line of a shortened `Lỗi dữ liệu`, or null when nothing was left out. */
export function errorsNotice(o: Omission): string | null {
  if (o.capped === 0) return null;
  return `Trang này đã bị cắt bớt: chỉ ghi ${formatCount(o.total - o.capped)} trong ${formatCount(o.total)} lỗi, lược bỏ ${formatCount(o.capped)} lỗi${from(o.cappedFrom)} ${WHY}. Tổng hợp vẫn đầy đủ. Tình trạng từng đơn vị: GET /api/totals; các lỗi bị lược bỏ nằm trong bảng tính của chính các đơn vị đó.`;
}

/** The run's note in `Nhật ký` (and its message in the API) when tabs were shortened. */
export function shortenedRunNote(detailRowsOmitted: number, errorsOmitted: number): string {
  const parts = [
    detailRowsOmitted ? `${formatCount(detailRowsOmitted)} dòng ở các trang Chi tiết` : "",
    errorsOmitted ? `${formatCount(errorsOmitted)} lỗi ở trang Lỗi dữ liệu` : "",
  ].filter(Boolean);
  return `Kết quả quá lớn cho một lần ghi vào Google Sheets: đã lược bỏ ${parts.join(" và ")} (dòng đầu của mỗi trang bị rút gọn nói rõ phần lược bỏ). Tổng hợp vẫn đầy đủ.`;
}

function from(unit: string | null): string {
  return unit ? ` từ đơn vị ${unit} trở đi` : "";
}
