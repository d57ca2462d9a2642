import { explainSheetsError, isSheetsApiError } from "../sheets/client.ts";

// workerd's words when an invocation has used up its subrequests (fetch and D1 calls):
// 50 on the Workers Free plan, far more on Paid.
const SUBREQUEST_LIMIT = /too many subrequests/i;

/**
 * Why a unit (or the province) could not be read or written, in Vietnamese, with the
 * original message kept. The plan's subrequest limit is named as such: otherwise it would
 * read as a network fault of Google, and the office would wait for a fix that never comes.
 */
export function failureReason(error: unknown, serviceAccountEmail: string | null): string {
  const original = error instanceof Error ? error.message : String(error);
  if (SUBREQUEST_LIMIT.test(original)) {
    return `Worker đã dùng hết số yêu cầu được phép trong một lần chạy (gói Workers Free chỉ cho 50, không đủ cho một tỉnh): hãy chuyển Worker sang gói Workers Paid. (${original})`;
  }
  return isSheetsApiError(error) ? explainSheetsError(error, serviceAccountEmail) : original;
}
