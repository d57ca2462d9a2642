-- Runs that resume (docs/faults.md). A province is read in "cycles": a cycle begins when a
-- run finds none open, may take several runs (each stops at its deadline), and ends when a
-- run writes the report tabs with every unit in; only then do its reads become the
-- published `units` / `unit_snapshot_parts` that GET /api/totals serves.

-- One row per province: the open cycle (null when none) and the start of the cycle last
-- published, from which Drive is asked what changed since (its snapshots reflect the
-- spreadsheets as of that instant or later).
CREATE TABLE read_cycles (
  province_id TEXT PRIMARY KEY,
  -- The id of the run that opened the cycle (its reads are keyed by it), and its start.
  open_run_id INTEGER,
  open_started_at TEXT,
  -- Runs that have worked in the open cycle, this one included.
  invocations INTEGER NOT NULL DEFAULT 0,
  published_started_at TEXT
);

-- A province already running keeps asking Drive from its last succeeded run, as before.
INSERT INTO read_cycles (province_id, published_started_at)
  SELECT province_id, MAX(started_at) FROM runs WHERE status = 'succeeded' GROUP BY province_id;

-- Units read in the open cycle, not yet published: the same columns as `units`. A read's
-- snapshot is in pending_snapshot_parts unless it equals the published one (same hash).
CREATE TABLE pending_units (
  province_id TEXT NOT NULL,
  cycle INTEGER NOT NULL,
  code TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  spreadsheet_id TEXT,
  status TEXT NOT NULL,
  error TEXT,
  checked_at TEXT NOT NULL,
  read_at TEXT,
  snapshot_spreadsheet_id TEXT,
  snapshot_hash TEXT,
  tab_titles TEXT,
  PRIMARY KEY (province_id, cycle, code)
);

CREATE TABLE pending_snapshot_parts (
  province_id TEXT NOT NULL,
  cycle INTEGER NOT NULL,
  code TEXT NOT NULL,
  part INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (province_id, cycle, code, part)
);
