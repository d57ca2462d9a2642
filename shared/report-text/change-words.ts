import { roundedRatio } from "../whole-percent.ts";
import { formatPercentVi } from "./number-format.ts";

/**
 * This period's figure against the same period last year, in the words a report uses:
 * `tăng 12% so với cùng kỳ năm 2025`, `bằng cùng kỳ`, `giảm 5% so với cùng kỳ năm 2025`,
 * and, when last year had none, `cùng kỳ năm 2025 không có` (the built-in wording puts
 * it in parentheses). The change has one decimal at most (`tăng 12,5%`), so a small
 * change in a small figure is not rounded away; a change too small even for that says
 * `dưới 0,1%` rather than a misleading `0%`.
 */
export function changeInWords(current: number, lastYear: number, lastYearLabel: string): string {
  if (current === lastYear) return "bằng cùng kỳ";
  if (lastYear === 0) return `cùng kỳ ${lastYearLabel} không có`;
  const direction = current > lastYear ? "tăng" : "giảm";
  // In tenths of a percent, rounded half up as every percentage is (shared/whole-percent.ts).
  const tenths = roundedRatio(Math.abs(current - lastYear), lastYear, 1000);
  const amount = tenths === 0 ? "dưới 0,1%" : formatPercentVi(tenths / 10, 1);
  return `${direction} ${amount} so với cùng kỳ ${lastYearLabel}`;
}
