/** The province_inputs row (migration 0004): what the last written run read from the
 * province's own tabs. */

export interface ProvinceInputs {
  readonly registryTitle: string;
  /** null: the province had no `Cấu hình` tab. */
  readonly settingsTitle: string | null;
  readonly inputHash: string;
  readonly periodId: string;
  /** Vietnam date (yyyy-mm-dd) and ISO instant of the last write of the report tabs. */
  readonly writtenDay: string;
  readonly writtenAt: string;
}

interface Row {
  registry_title: string;
  settings_title: string | null;
  input_hash: string;
  period_id: string;
  written_day: string;
  written_at: string;
}

export async function loadProvinceInputs(
  db: D1Database,
  provinceId: string,
): Promise<ProvinceInputs | null> {
  const row = await db
    .prepare("SELECT * FROM province_inputs WHERE province_id = ?1")
    .bind(provinceId)
    .first<Row>();
  return row
    ? {
        registryTitle: row.registry_title,
        settingsTitle: row.settings_title,
        inputHash: row.input_hash,
        periodId: row.period_id,
        writtenDay: row.written_day,
        writtenAt: row.written_at,
      }
    : null;
}

export async function saveProvinceInputs(
  db: D1Database,
  provinceId: string,
  inputs: ProvinceInputs,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO province_inputs (province_id, registry_title, settings_title, input_hash,
         period_id, written_day, written_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (province_id) DO UPDATE SET registry_title = excluded.registry_title,
         settings_title = excluded.settings_title, input_hash = excluded.input_hash,
         period_id = excluded.period_id, written_day = excluded.written_day,
         written_at = excluded.written_at`,
    )
    .bind(
      provinceId,
      inputs.registryTitle,
      inputs.settingsTitle,
      inputs.inputHash,
      inputs.periodId,
      inputs.writtenDay,
      inputs.writtenAt,
    )
    .run();
}
