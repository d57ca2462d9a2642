/**
 * The `Bảng tính` cell of the registry: a spreadsheet URL as the browser shows it
 * (`https://docs.google.com/spreadsheets/d/<id>/edit#gid=0`, also `/u/1/d/<id>`) or the
 * bare id. Returns the id, or null when the text is neither.
 */
const URL_ID = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;
const BARE_ID = /^[A-Za-z0-9_-]+$/;

export function parseSpreadsheetRef(value: string): string | null {
  const trimmed = value.trim();
  const fromUrl = URL_ID.exec(trimmed);
  if (fromUrl?.[1]) return fromUrl[1];
  return BARE_ID.test(trimmed) ? trimmed : null;
}
