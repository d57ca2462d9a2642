import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createServiceAccountTokenProvider } from "../../worker/auth/token-provider.ts";
import { failureReason } from "../../worker/consolidation/failure-reason.ts";
import { SheetsApiError } from "../../worker/sheets/client.ts";
import { latestRun } from "../../worker/storage/run-repository.ts";
import { loadUnitStates } from "../../worker/storage/unit-repository.ts";
import { putAll, putSpreadsheet, readSpreadsheet } from "./helpers/emulator.ts";
import { runJob } from "./helpers/run-job.ts";
import { cleanUnitTabs, provinceSeed, unitSeed } from "./helpers/seeds.ts";

describe("when the province's own spreadsheet fails", () => {
  it("records a failed run with the reason, releases the lock, and the next run works", async () => {
    const P = "fail-tinh";
    const province = provinceSeed(P, [["A", "Đơn vị A", "fail-a"]]);
    await putAll([
      { ...province, emulator: { deny: true } },
      unitSeed("fail-a", "A", cleanUnitTabs()),
    ]);
    const failed = await runJob(P);
    expect(failed.status).toBe("failed");
    expect(failed.message).toContain("bảng tính của tỉnh");
    expect(failed.message).toContain("chia sẻ");
    expect(failed.message).toContain("Người chỉnh sửa");
    expect(await latestRun(env.DB, P)).toMatchObject({ id: failed.id, status: "failed" });

    await putSpreadsheet(province);
    const next = await runJob(P, { lockWaitMs: 0 });
    expect(next.status).toBe("succeeded");
    // Nhật ký keeps the failed run as well (newest first).
    const log = (await readSpreadsheet(P)).sheets.find((s) => s.title === "Nhật ký")!.values;
    expect(log.slice(1).map((r) => r[3])).toEqual(["Hoàn thành", "Thất bại"]);
  });

  it("fails with the secret's name, never its value, when the service-account key is bad", async () => {
    const P = "fail-bad-key";
    await putAll([provinceSeed(P, [["A", "Đơn vị A", "fail-a"]])]);
    const keyJson = '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----xyz"}';
    const tokenProvider = createServiceAccountTokenProvider({ keyJson, tokenUrl: env.TOKEN_URL });
    const run = await runJob(P, {}, { tokenProvider });
    expect(run.status).toBe("failed");
    expect(run.message).toContain("GOOGLE_SERVICE_ACCOUNT_JSON");
    expect(run.message).not.toContain("xyz");
    expect(await loadUnitStates(env.DB, P)).toEqual([]);
  });

  it("names the Worker setting, not the registry, when the province's spreadsheet is gone", async () => {
    // Nothing seeded under this id: Google answers 404 for the province itself.
    const run = await runJob("fail-no-such-province");
    expect(run.status).toBe("failed");
    expect(run.message).toContain("PROVINCE_SPREADSHEET_ID");
    expect(run.message).not.toContain("Kiểm tra đường liên kết ở cột Bảng tính");
  });

  it("lists a registry problem once, at its row, and reads the unit for nobody else", async () => {
    const P = "fail-registry-row";
    await putAll([
      provinceSeed(P, [
        ["A", "Đơn vị A", "fail-reg-a"],
        ["B", "Dán nhầm", "xem email"],
        ["C", "Trùng bảng tính", "fail-reg-a"],
      ]),
      unitSeed("fail-reg-a", "A", cleanUnitTabs()),
    ]);
    const run = await runJob(P);
    expect(run.counts).toMatchObject({ unitsTotal: 3, unitsFresh: 1, unitsUnreadable: 2 });
    const errors = (await readSpreadsheet(P)).sheets.find((s) => s.title === "Lỗi dữ liệu")!.values;
    // Each problem once, as the province's own, at its row of Đơn vị; none again as B's or C's.
    // (A row number that links to its cell is written as text.)
    const rows = errors.filter((r) => r[3] === "Đơn vị");
    expect(rows.map((r) => [r[0], r[3], String(r[4]), r[5]])).toEqual([
      ["Tỉnh", "Đơn vị", "4", "Bảng tính"],
      ["Tỉnh", "Đơn vị", "5", "Bảng tính"],
    ]);
    expect(errors.filter((r) => r[0] === "B" || r[0] === "C")).toEqual([]);
  });
});

const EMAIL = "tong-hop@du-an.iam.gserviceaccount.com";

describe("failureReason", () => {
  it("names the Workers plan's subrequest limit instead of blaming the network", () => {
    const error = new SheetsApiError({
      kind: "network",
      message: "could not reach Google Sheets: Too many subrequests.",
      operation: "values.batchGet",
      spreadsheetId: "x",
    });
    const reason = failureReason(error, EMAIL);
    expect(reason).toContain("Workers Paid");
    expect(reason).toContain("Too many subrequests.");
    expect(reason).not.toContain("lỗi mạng");
    expect(failureReason(new Error("Too many subrequests."), EMAIL)).toContain("Workers Paid");
  });

  it("keeps the Sheets client's explanation and Google's message otherwise", () => {
    const error = new SheetsApiError({
      kind: "permission-denied",
      message: "The caller does not have permission",
      httpStatus: 403,
      operation: "values.batchGet",
      spreadsheetId: "x",
    });
    const reason = failureReason(error, EMAIL);
    expect(reason).toContain(`chia sẻ cho tài khoản dịch vụ ${EMAIL}`);
    expect(reason).toContain("(Google: The caller does not have permission)");
    expect(failureReason(new Error("boom"), EMAIL)).toBe("boom");
  });
});
