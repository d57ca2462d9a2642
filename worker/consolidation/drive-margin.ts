// Times of the Drive-based change detection, in a module of their own (no D1 types) so the
// bench can model the margin as the Worker applies it.

/** Drive's modifiedTime can trail a Sheets edit: ask from this long before the last run. */
export const DRIVE_MARGIN_MS = 5 * 60_000;
/** A unit skipped as unchanged is still read at least this often, so a file Drive does not
 * list for the account (moved, unshared) cannot keep old figures looking fresh for long. */
export const MAX_UNREAD_MS = 24 * 60 * 60_000;

/** Google stamps modifiedTime by its clock and we stamp a cycle's start by ours: an edit
 * this close before the cycle began is read again rather than trusted to be in its reads. */
export const EDIT_SKEW_MS = 2_000;
