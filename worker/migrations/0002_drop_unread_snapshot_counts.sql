-- snapshot_rows, snapshot_invalid_rows and snapshot_parts were written on every run and
-- never read: the snapshot itself (unit_snapshot_parts) holds those figures.
ALTER TABLE units DROP COLUMN snapshot_rows;
ALTER TABLE units DROP COLUMN snapshot_invalid_rows;
ALTER TABLE units DROP COLUMN snapshot_parts;
