-- What the last written run of a province read from its own tabs (worker/consolidation/
-- province-inputs.ts): the exact titles of `Đơn vị` and `Cấu hình`, so a run can read them
-- in one batchGet without listing the tabs first, and a hash of what they said, so a run
-- that finds no unit and nothing in these tabs changed need not write the sheet again.
CREATE TABLE province_inputs (
  province_id TEXT PRIMARY KEY,
  registry_title TEXT NOT NULL,
  settings_title TEXT,
  input_hash TEXT NOT NULL,
  period_id TEXT NOT NULL,
  -- The Vietnam date and instant of the last write of the report tabs.
  written_day TEXT NOT NULL,
  written_at TEXT NOT NULL
);
