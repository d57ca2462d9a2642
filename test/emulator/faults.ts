// Faults a seed injects per spreadsheet (`emulator` in the seed): `deny` answers every call
// with 403 as an unshared spreadsheet does; `failFirst: N` answers the first N calls with
// `failStatus` (429, 500, 502, 503 or 504), then works.

import type { GoogleError, QuotaKind } from "./google-error.ts";
import { injectedFailure, permissionDenied } from "./google-error.ts";
import type { SpreadsheetState } from "./store.ts";

export function injectFault(ss: SpreadsheetState, kind: QuotaKind): GoogleError | undefined {
  if (ss.faults.deny) return permissionDenied();
  if (ss.faults.failFirst > 0) {
    ss.faults.failFirst -= 1;
    return injectedFailure(ss.faults.failStatus, kind);
  }
  return undefined;
}
