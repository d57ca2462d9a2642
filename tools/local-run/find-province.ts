import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { foldKey } from "../../shared/text/fold.ts";

export interface DataDirSummary {
  /** The spreadsheet with a tab `Đơn vị`: what the Worker is configured with. */
  readonly provinceId: string;
  /** Every spreadsheet id in the directory, for the CSV dump. */
  readonly spreadsheetIds: string[];
}

/** Finds the province among the seed files (docs/local-run.md: exactly one has `Đơn vị`). */
export async function summarizeDataDir(dataDir: string): Promise<DataDirSummary> {
  const files = (await readdir(dataDir)).filter((f) => f.endsWith(".json")).sort();
  const provinces: string[] = [];
  const spreadsheetIds: string[] = [];
  for (const file of files) {
    const seed = JSON.parse(await readFile(join(dataDir, file), "utf8")) as {
      spreadsheetId?: string;
      sheets?: { title?: string }[];
    };
    if (typeof seed.spreadsheetId !== "string") continue;
    spreadsheetIds.push(seed.spreadsheetId);
    if ((seed.sheets ?? []).some((s) => foldKey(s.title ?? "") === foldKey("Đơn vị"))) {
      provinces.push(seed.spreadsheetId);
    }
  }
  // Said in Vietnamese: the office running `npm start` on its data reads it.
  if (provinces.length === 0) {
    throw new Error(
      `${dataDir}: không có tệp nào có trang "Đơn vị" (danh sách đơn vị), nên không biết đâu là bảng tính của tỉnh. Có thể trang này đã bị đổi tên; hãy đặt lại đúng tên "Đơn vị".`,
    );
  }
  if (provinces.length > 1) {
    throw new Error(
      `${dataDir}: chỉ một tệp (bảng tính của tỉnh) được có trang "Đơn vị", nhưng có ${provinces.length} tệp: ${provinces.join(", ")}.`,
    );
  }
  return { provinceId: provinces[0]!, spreadsheetIds };
}
