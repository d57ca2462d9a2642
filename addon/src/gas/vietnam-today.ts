import type { IsoDate } from "../../../shared/schema/template.ts";
import type { AddonContext } from "./types.ts";

/** Today's date in Vietnam by the server's clock: what "a date after today" is judged by. */
export function vietnamToday(ctx: AddonContext, now: Date = new Date()): IsoDate {
  return ctx.formatDate(now, "Asia/Ho_Chi_Minh", "yyyy-MM-dd") as IsoDate;
}
