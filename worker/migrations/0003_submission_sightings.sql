-- When the Worker first saw each row of a unit's `Nộp báo cáo` tab (docs/domain.md,
-- "Backdating guard"). A row is identified by what it states: period, rule, stated time
-- and fingerprint. `read_before` is the unit's last successful read of the same
-- spreadsheet before that run, which looked at the tab and did not have the row: a
-- stated time earlier than it was written later, and is judged by `first_seen_at`.
CREATE TABLE submission_sightings (
  province_id TEXT NOT NULL,
  code TEXT NOT NULL,
  period_id TEXT NOT NULL,
  rule TEXT NOT NULL,
  -- `Thời điểm nộp` as epoch milliseconds.
  submitted_at INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  read_before TEXT,
  PRIMARY KEY (province_id, code, period_id, rule, submitted_at, fingerprint)
);

-- The province's `Hạn nộp` as the latest run read it (JSON of shared/province-settings.ts
-- DueSetting), so GET /api/totals judges submissions by the same deadline as the sheet.
CREATE TABLE province_due (
  province_id TEXT PRIMARY KEY,
  due TEXT NOT NULL
);
