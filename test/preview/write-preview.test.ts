// writePreview against the emulator's HTTP API: signs in with the service-account key (or takes
// a token), fetches the spreadsheet with its grid data and writes a page that needs nothing
// from outside; a spreadsheet it cannot read is an error that names it.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessToken, fetchSpreadsheet, writePreview } from "../../tools/preview/write-preview.ts";
import type { Emulator } from "../emulator/server.ts";
import { startEmulator } from "../emulator/server.ts";
import { buildSample, SAMPLE_ID, sampleSeed } from "./sample-province.ts";

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ spreadsheets: [sampleSeed] });
  await buildSample(emu);
  dir = await mkdtemp(join(tmpdir(), "qcdc-preview-"));
});

afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

describe("writePreview", () => {
  it("writes a self-contained page of the spreadsheet's visible tabs and charts", async () => {
    const file = join(dir, "out", "index.html");
    const bytes = await writePreview(emu.url, emu.serviceAccountKey!, SAMPLE_ID, file);
    const html = await readFile(file, "utf8");
    expect(Buffer.byteLength(html)).toBe(bytes);
    const tabs = [...html.matchAll(/role="tab" data-gid="\d+"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(tabs).toEqual(["Tổng hợp", "Biểu đồ", "Lỗi dữ liệu"]);
    expect(html.match(/<canvas /g)).toHaveLength(3);
    // Nothing is loaded from elsewhere: no external scripts, styles, images or fonts.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    expect(html).toContain("Chart.js");
  });

  it("takes an access token as well, and names a spreadsheet it cannot read", async () => {
    const token = await accessToken(emu.serviceAccountKey!);
    expect(token).toMatch(/^ya29\./);
    const spreadsheet = await fetchSpreadsheet(emu.url, token, SAMPLE_ID);
    expect(spreadsheet.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.formattedValue).toBe(
      "BÁO CÁO TỔNG HỢP",
    );
    await expect(fetchSpreadsheet(emu.url, token, "khong-co")).rejects.toThrow(
      /spreadsheets\.get khong-co: 404/,
    );
    await expect(fetchSpreadsheet(emu.url, "ya29.sai", SAMPLE_ID)).rejects.toThrow(/: 401/);
  });
});
