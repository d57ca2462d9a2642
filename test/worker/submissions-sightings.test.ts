import { describe, expect, it } from "vitest";
import type { Submission } from "../../shared/submission/submission-status.ts";
import type { UnitSnapshot, UnitState } from "../../worker/consolidation/model.ts";
import {
  rowsSeen,
  SUBMISSION_TAB_KEY,
  TIME_ZONE_KEY,
} from "../../worker/consolidation/submissions.ts";

const submission: Submission = {
  sheetRow: 2,
  periodId: "2026",
  rule: "calendar",
  submittedAt: Date.parse("2027-01-02T02:00:00Z"),
  by: "Nguyễn Thị Lan",
  rows: 3,
  fingerprint: "0123456789abcdef",
  note: "",
};
const LOOKED = { [SUBMISSION_TAB_KEY]: "Nộp báo cáo", [TIME_ZONE_KEY]: "Asia/Ho_Chi_Minh" };

function state(readAt: string, over: Partial<UnitState> = {}): UnitState {
  return {
    code: "U",
    position: 0,
    name: "Đơn vị U",
    spreadsheetId: "u-sheet",
    status: "fresh",
    error: null,
    checkedAt: readAt,
    readAt,
    snapshotSpreadsheetId: "u-sheet",
    tabTitles: LOOKED,
    ...over,
  };
}
const withRow = { submissions: [submission] } as unknown as UnitSnapshot;
const seen = (now: UnitState, before: UnitState | undefined) =>
  rowsSeen([{ state: now, snapshot: withRow }], new Map(before ? [["U", before]] : []));

describe("which earlier read a submission row was missing from", () => {
  const earlier = "2027-01-03T03:00:00.000Z";
  const now = "2027-01-08T03:00:00.000Z";

  it("is the unit's previous read of the same spreadsheet that looked at the tab", () => {
    expect(seen(state(now), state(earlier))).toEqual([
      { code: "U", submission, seenAt: now, readBefore: earlier },
    ]);
  });

  it("is none for a unit kept unread: its last read held the row", () => {
    expect(seen(state(earlier), state(earlier))[0]?.readBefore).toBeNull();
  });

  it("is none for a first read, another spreadsheet, or a read that did not look at the tab", () => {
    expect(seen(state(now), undefined)[0]?.readBefore).toBeNull();
    const moved = state(earlier, { snapshotSpreadsheetId: "old-sheet" });
    expect(seen(state(now), moved)[0]?.readBefore).toBeNull();
    const older = state(earlier, { tabTitles: { inspections: "Kiểm tra, giám sát" } });
    expect(seen(state(now), older)[0]?.readBefore).toBeNull();
  });

  it("records no rows for a unit not read in this run", () => {
    expect(seen(state(now, { status: "stale" }), state(earlier))).toEqual([]);
  });
});
