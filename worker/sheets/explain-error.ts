/**
 * What a failed read or write means for the provincial office, in Vietnamese, with
 * Google's own message kept after it (it is what support will ask for).
 */
import type { SheetsApiError } from "./sheets-error.ts";

export function explainSheetsError(
  error: SheetsApiError,
  serviceAccountEmail: string | null,
): string {
  const email = serviceAccountEmail ?? "của Worker";
  const vi = explanation(error, email);
  const google = error.message.trim();
  return google === "" ? vi : `${vi} (Google: ${google})`;
}

function explanation(error: SheetsApiError, email: string): string {
  switch (error.kind) {
    case "permission-denied":
      if (/has not been used in project|is disabled|SERVICE_DISABLED/i.test(error.message)) {
        return "Google Sheets API chưa được bật cho dự án Google Cloud của tài khoản dịch vụ: bật Google Sheets API trong Google Cloud console.";
      }
      if (/insufficient authentication scopes/i.test(error.message)) {
        return `Tài khoản dịch vụ ${email} không được cấp quyền Google Sheets (thiếu phạm vi truy cập): kiểm tra cấu hình Worker.`;
      }
      return `Bảng tính chưa được chia sẻ cho tài khoản dịch vụ ${email}: mở bảng tính, bấm Chia sẻ, thêm ${email} với quyền Người xem.`;
    case "not-found":
      return "Không tìm thấy bảng tính: mã bảng tính sai hoặc bảng tính đã bị xoá. Kiểm tra đường liên kết ở cột Bảng tính của tab Đơn vị.";
    case "invalid-argument":
      return "Google Sheets từ chối yêu cầu (dữ liệu hoặc vùng ô không hợp lệ): kiểm tra tên các tab của bảng tính.";
    case "unauthenticated":
    case "auth":
      return `Không xác thực được tài khoản dịch vụ ${email} với Google: kiểm tra khoá GOOGLE_SERVICE_ACCOUNT_JSON của Worker.`;
    case "rate-limited":
      return "Vượt hạn mức truy cập Google Sheets (số yêu cầu mỗi phút): hệ thống sẽ thử lại ở lần tổng hợp sau.";
    case "unavailable":
      return "Google Sheets tạm thời không phản hồi (lỗi máy chủ Google): hệ thống sẽ thử lại ở lần tổng hợp sau.";
    case "network":
      return "Không kết nối được tới Google Sheets (lỗi mạng): hệ thống sẽ thử lại ở lần tổng hợp sau.";
    case "timeout":
      return "Google Sheets không trả lời kịp (quá thời gian chờ): hệ thống sẽ thử lại ở lần tổng hợp sau.";
    case "aborted":
      return "Yêu cầu tới Google Sheets bị huỷ trước khi xong: hệ thống sẽ thử lại ở lần tổng hợp sau.";
    case "too-large":
      return "Bảng tính quá lớn để đọc một lần: hệ thống đọc riêng từng tab cần thiết.";
    case "invalid-response":
      return "Google Sheets trả về dữ liệu không đọc được: hệ thống sẽ thử lại ở lần tổng hợp sau.";
    case "http":
      return `Google Sheets báo lỗi HTTP ${error.httpStatus ?? ""}.`.replace(" .", ".");
  }
}
