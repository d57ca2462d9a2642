/** The province_inputs row (migrations 0004 and 0006): what the last runs read from the
 * province's own spreadsheet and wrote to it, so a run reads it only when it changed
 * (worker/consolidation/province-source.ts). */
import type { ProvinceLayout, ProvinceValues } from "../consolidation/read-province.ts";

export interface ProvinceInputs {
  readonly registryTitle: string;
  /** null: the province had no `Cấu hình` tab. */
  readonly settingsTitle: string | null;
  /** null: the province had no `Mẫu báo cáo` tab. */
  readonly wordingTitle: string | null;
  readonly inputHash: string;
  readonly periodId: string;
  /** Vietnam date (yyyy-mm-dd) and ISO instant of the last write (the report tabs, or
   * `Nhật ký` alone the same day: province-inputs.ts). */
  readonly writtenDay: string;
  readonly writtenAt: string;
  /** The province's own tabs' cells as last read, and when (null: a row from before 0006). */
  readonly content: ProvinceValues | null;
  readonly contentReadAt: string | null;
  /** The tabs as the last get or write left them, the instant that was known to be so, and
   * when they were last listed by a spreadsheets.get (null: a row from before 0006). */
  readonly layout: ProvinceLayout | null;
  readonly layoutAt: string | null;
  readonly layoutReadAt: string | null;
}

interface Row {
  registry_title: string;
  settings_title: string | null;
  wording_title: string | null;
  input_hash: string;
  period_id: string;
  written_day: string;
  written_at: string;
  content_json: string | null;
  content_read_at: string | null;
  layout_json: string | null;
  layout_at: string | null;
  layout_read_at: string | null;
}

export async function loadProvinceInputs(
  db: D1Database,
  provinceId: string,
): Promise<ProvinceInputs | null> {
  const row = await db
    .prepare("SELECT * FROM province_inputs WHERE province_id = ?1")
    .bind(provinceId)
    .first<Row>();
  if (!row) return null;
  return {
    registryTitle: row.registry_title,
    settingsTitle: row.settings_title,
    wordingTitle: row.wording_title,
    inputHash: row.input_hash,
    periodId: row.period_id,
    writtenDay: row.written_day,
    writtenAt: row.written_at,
    content: parsed<ProvinceValues>(row.content_json),
    contentReadAt: row.content_read_at,
    layout: parsed<ProvinceLayout>(row.layout_json),
    layoutAt: row.layout_at,
    layoutReadAt: row.layout_read_at,
  };
}

/** The whole row. The cells of a large registry (3,321 units) bind about 400 KB, under
 * D1's 1 MB a statement and 2 MB a value. */
export async function saveProvinceInputs(
  db: D1Database,
  provinceId: string,
  inputs: ProvinceInputs,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO province_inputs (province_id, registry_title, settings_title, wording_title,
         input_hash, period_id, written_day, written_at, content_json, content_read_at,
         layout_json, layout_at, layout_read_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
       ON CONFLICT (province_id) DO UPDATE SET registry_title = excluded.registry_title,
         settings_title = excluded.settings_title, wording_title = excluded.wording_title,
         input_hash = excluded.input_hash, period_id = excluded.period_id,
         written_day = excluded.written_day, written_at = excluded.written_at,
         content_json = excluded.content_json, content_read_at = excluded.content_read_at,
         layout_json = excluded.layout_json, layout_at = excluded.layout_at,
         layout_read_at = excluded.layout_read_at`,
    )
    .bind(
      provinceId,
      inputs.registryTitle,
      inputs.settingsTitle,
      inputs.wordingTitle,
      inputs.inputHash,
      inputs.periodId,
      inputs.writtenDay,
      inputs.writtenAt,
      inputs.content === null ? null : JSON.stringify(inputs.content),
      inputs.contentReadAt,
      inputs.layout === null ? null : JSON.stringify(inputs.layout),
      inputs.layoutAt,
      inputs.layoutReadAt,
    )
    .run();
}

function parsed<T>(json: string | null): T | null {
  return json === null ? null : (JSON.parse(json) as T);
}
