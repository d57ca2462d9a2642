// Seeding from a data directory, the CSV dump, and the CLI as `npm run emulator` starts it.

import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officialSheetsClient } from "./official-client.ts";
import type { Emulator } from "./server.ts";
import { startEmulator } from "./server.ts";

let dir: string;

const province = {
  spreadsheetId: "tinh-mau-test",
  properties: { title: "Tỉnh Mẫu", locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
  sheets: [
    {
      title: "Đơn vị",
      values: [
        ["Mã đơn vị", "Tên đơn vị", "Bảng tính", "Ghi chú"],
        ["H01", "Huyện A", "don-vi-01"],
      ],
    },
    {
      title: "Tổng hợp",
      values: [
        ["Mã", "Ghi chú, có dấu phẩy", 'Trích "dẫn"'],
        ["H01", "dòng 1\ndòng 2", 12.5],
        [],
        [null, null, null, "x"],
      ],
      formats: [[], [null, null, { numberFormat: { type: "NUMBER", pattern: "#,##0.00" } }]],
    },
  ],
};

const unit = {
  properties: { title: "Huyện A" },
  sheets: [
    {
      title: "Khen thưởng",
      values: [["Ngày quyết định"], [46100]],
      formats: [[], [{ numberFormat: { type: "DATE", pattern: "dd/mm/yyyy" } }]],
    },
    { title: "A/B", values: [[true, false]] },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qcdc-emu-"));
  await mkdir(join(dir, "data"));
  await writeFile(join(dir, "data", "tinh.json"), JSON.stringify(province));
  await writeFile(join(dir, "data", "don-vi-01.json"), JSON.stringify(unit));
  await writeFile(join(dir, "data", "README.txt"), "not a seed");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("data directory", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ dataDir: join(dir, "data") });
  });
  afterAll(async () => {
    await emu.close();
  });

  it("seeds one spreadsheet per JSON file, the id from spreadsheetId or the file name", async () => {
    expect(emu.store.ids()).toEqual(["don-vi-01", "tinh-mau-test"]);
    const api = officialSheetsClient(emu.url, emu.serviceAccountKey!);
    const res = await api.spreadsheets.values.batchGet({
      spreadsheetId: "don-vi-01",
      ranges: ["'Khen thưởng'!A2", "'A/B'!A1:B1"],
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "FORMATTED_STRING",
    });
    expect(res.data.valueRanges?.map((v) => v.values)).toEqual([[["19/03/2026"]], [[true, false]]]);
    const serial = await api.spreadsheets.values.get({
      spreadsheetId: "don-vi-01",
      range: "'Khen thưởng'!A2",
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(serial.data.values).toEqual([[46100]]);
  });

  it("dumps every tab as RFC 4180 CSV of displayed values", async () => {
    const out = join(dir, "out");
    const files = await emu.dumpCsv(out);
    expect(files.length).toBe(4);
    expect((await readdir(join(out, "don-vi-01"))).sort()).toEqual([
      "A%2FB.csv",
      "Khen thưởng.csv",
    ]);
    const summary = await readFile(join(out, "tinh-mau-test", "Tổng hợp.csv"), "utf8");
    expect(summary).toBe(
      [
        'Mã,"Ghi chú, có dấu phẩy","Trích ""dẫn""",',
        'H01,"dòng 1\ndòng 2","12,50",',
        ",,,",
        ",,,x",
      ].join("\r\n"),
    );
    expect(await readFile(join(out, "don-vi-01", "Khen thưởng.csv"), "utf8")).toBe(
      "Ngày quyết định\r\n19/03/2026",
    );
    expect(await readFile(join(out, "don-vi-01", "A%2FB.csv"), "utf8")).toBe("TRUE,FALSE");
  });
});

describe("bad data directories fail loudly", () => {
  it("names the file and the field of a malformed seed", async () => {
    const bad = join(dir, "bad");
    await mkdir(bad);
    await writeFile(join(bad, "x.json"), JSON.stringify({ sheets: [{ title: "A", value: [] }] }));
    await expect(startEmulator({ dataDir: bad })).rejects.toThrow(
      /x\.json: invalid spreadsheet seed: sheets\.0/,
    );
  });

  it("refuses two files with one spreadsheetId", async () => {
    const dup = join(dir, "dup");
    await mkdir(dup);
    await writeFile(
      join(dup, "a.json"),
      JSON.stringify({ spreadsheetId: "same", sheets: [{ title: "A" }] }),
    );
    await writeFile(
      join(dup, "b.json"),
      JSON.stringify({ spreadsheetId: "same", sheets: [{ title: "A" }] }),
    );
    await expect(startEmulator({ dataDir: dup })).rejects.toThrow(/"same" is also used by/);
  });
});

describe("CLI", () => {
  it("starts from `npm run emulator` arguments, writes a generated key and serves the data", async () => {
    const child = spawn(
      process.execPath,
      [
        "--experimental-strip-types",
        "test/emulator/main.ts",
        "--data",
        join(dir, "data"),
        "--port",
        "0",
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = "";
        const timer = setTimeout(() => reject(new Error(`CLI did not start: ${text}`)), 10_000);
        child.stdout.on("data", (b: Buffer) => {
          text += b.toString();
          if (text.includes("service-account key")) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.stderr.on("data", (b: Buffer) => {
          text += b.toString();
        });
        child.once("exit", (code) => reject(new Error(`CLI exited ${code}: ${text}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] as string;
      const keyFile = /key \(generated\): (\S+)/.exec(output)?.[1] as string;
      expect(output).toContain(`TOKEN_URL=${url}/token`);
      const key = JSON.parse(await readFile(keyFile, "utf8"));
      expect(key).toMatchObject({ type: "service_account", token_uri: `${url}/token` });
      const api = officialSheetsClient(url, key);
      const res = await api.spreadsheets.get({
        spreadsheetId: "tinh-mau-test",
        fields: "properties.title",
      });
      expect(res.data).toEqual({ properties: { title: "Tỉnh Mẫu" } });
      await rm(keyFile, { force: true });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
