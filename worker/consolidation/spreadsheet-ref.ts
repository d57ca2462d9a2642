/**
 * The `Bảng tính` cell of the registry: a spreadsheet URL as the browser shows it
 * (`https://docs.google.com/spreadsheets/d/<id>/edit#gid=0`, also `/u/1/d/<id>`) or the
 * bare id. Returns the id, or null when the text is neither.
 */
const URL_ID = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;
const BARE_ID = /^[A-Za-z0-9_-]+$/;
// "Publish to the web" links (`/spreadsheets/d/e/2PACX…/pubhtml`) carry a publication
// key, not the spreadsheet's id: the API cannot open the spreadsheet with it.
const PUBLISHED = /\/spreadsheets\/(?:u\/\d+\/)?d\/e\/(?:2PACX-|[^/?#]+\/pub)/;

export function parseSpreadsheetRef(value: string): string | null {
  const trimmed = value.trim();
  if (PUBLISHED.test(trimmed)) return null;
  const fromUrl = URL_ID.exec(trimmed);
  if (fromUrl?.[1]) return fromUrl[1];
  return BARE_ID.test(trimmed) ? trimmed : null;
}

/** Why `value` is not a spreadsheet reference, to follow "Ô Bảng tính ở dòng N …". */
export function spreadsheetRefProblem(value: string): string {
  if (PUBLISHED.test(value)) {
    return 'là đường dẫn "Xuất bản lên web", không mở được bảng tính bằng đường dẫn này. Hãy mở bảng tính của đơn vị và dán đường dẫn trên thanh địa chỉ (dạng https://docs.google.com/spreadsheets/d/…/edit).';
  }
  return "không phải đường dẫn hay mã bảng tính Google. Hãy dán đường dẫn dạng https://docs.google.com/spreadsheets/d/…";
}
