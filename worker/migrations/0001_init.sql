-- Consolidation state. One database can serve several provinces (tests give each test
-- file its own province id), so every table is keyed by the province's spreadsheet id.

-- The latest known state of every unit in a province's registry, in registry order.
-- `registered = 0` keeps the snapshot of a unit removed from the registry, so that
-- re-adding it later still has figures to fall back on.
CREATE TABLE units (
  province_id TEXT NOT NULL,
  code TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  spreadsheet_id TEXT,
  registered INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL CHECK (status IN ('fresh', 'stale', 'unreadable', 'missing')),
  error TEXT,
  checked_at TEXT NOT NULL,
  -- The last successful read: when, from which spreadsheet, how many rows.
  read_at TEXT,
  snapshot_spreadsheet_id TEXT,
  snapshot_rows INTEGER NOT NULL DEFAULT 0,
  snapshot_invalid_rows INTEGER NOT NULL DEFAULT 0,
  snapshot_parts INTEGER NOT NULL DEFAULT 0,
  -- SHA-256 of the snapshot JSON: an unchanged sheet rewrites no snapshot parts.
  snapshot_hash TEXT,
  -- Template id -> the tab title as the unit's spreadsheet spells it (null: no such tab),
  -- from the last read, so the next run asks for the real titles in its one batchGet.
  tab_titles TEXT,
  PRIMARY KEY (province_id, code)
);

-- The last good snapshot of a unit (valid rows of every template and the issues found),
-- as JSON split into parts because D1 limits one value to 2 MB.
CREATE TABLE unit_snapshot_parts (
  province_id TEXT NOT NULL,
  code TEXT NOT NULL,
  part INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (province_id, code, part)
);

-- One row per run attempt, including runs skipped because another held the lock.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  province_id TEXT NOT NULL,
  trigger TEXT NOT NULL CHECK (trigger IN ('scheduled', 'api')),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  period_id TEXT,
  period_rule TEXT,
  units_total INTEGER NOT NULL DEFAULT 0,
  units_fresh INTEGER NOT NULL DEFAULT 0,
  units_stale INTEGER NOT NULL DEFAULT 0,
  units_unreadable INTEGER NOT NULL DEFAULT 0,
  units_missing INTEGER NOT NULL DEFAULT 0,
  rows_valid INTEGER NOT NULL DEFAULT 0,
  rows_invalid INTEGER NOT NULL DEFAULT 0,
  issues INTEGER NOT NULL DEFAULT 0,
  message TEXT
);
CREATE INDEX runs_by_province ON runs (province_id, id);

-- A lease per province: the holder writes; a crashed holder's lease simply expires.
CREATE TABLE locks (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
