-- What a run needs to skip the province's own reads when Drive shows its spreadsheet
-- unchanged (worker/consolidation/province-source.ts): the cells of `Đơn vị`, `Cấu hình`
-- and `Mẫu báo cáo` as last read, the tabs (titles, sheetIds, protections, charts) as the
-- last spreadsheets.get or the last write left them, and when each was learned.
ALTER TABLE province_inputs ADD COLUMN wording_title TEXT;
-- JSON {registry, settings, wording}: rows of cells, null for a tab the province lacks.
ALTER TABLE province_inputs ADD COLUMN content_json TEXT;
-- When those cells were read (ISO instant, the run's clock).
ALTER TABLE province_inputs ADD COLUMN content_read_at TEXT;
-- JSON {title, sheets: [{sheetId, title}], protectedSheetIds, chartIds}.
ALTER TABLE province_inputs ADD COLUMN layout_json TEXT;
-- When the layout was last known to be true: the end of the get, or of our write.
ALTER TABLE province_inputs ADD COLUMN layout_at TEXT;
-- When the tabs were last listed by a spreadsheets.get (the province is read in full daily).
ALTER TABLE province_inputs ADD COLUMN layout_read_at TEXT;
