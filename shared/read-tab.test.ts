import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbRow, cleanCell } from "../test/support/arbitraries.ts";
import { parseCell } from "./cells/parse-cell.ts";
import { findTab, readTab } from "./read-tab.ts";
import { readUnit } from "./read-unit.ts";
import { dialogues, inspections, TEMPLATES, trainings } from "./templates/index.ts";
import { validateRecord } from "./validate-row.ts";

const H = ["Ngày", "Loại", "Nội dung", "Số lượt người"];

describe("findTab", () => {
  it("matches titles by NFC, case and spacing", () => {
    const titles = ["Trang tính1", "kiểm tra,  GIÁM SÁT".normalize("NFD")];
    expect(findTab(inspections, titles)).toBe(titles[1]);
    expect(findTab(dialogues, titles)).toBeUndefined();
  });
});

describe("readTab", () => {
  it("finds the header under a title, with extra and reordered columns", () => {
    const values = [
      ["TẬP HUẤN – XÃ A"],
      [],
      ["STT", "Số lượt người", "nội dung", "LOẠI", "Ngày", "Ghi chú"],
      [1, "1.500", "Luật Dân chủ", "Tập huấn", 46178, "x"],
    ];
    const read = readTab(trainings, values);
    expect(read.headerRow).toBe(3);
    expect(read.rows).toEqual([
      {
        sheetRow: 4,
        row: { date: "2026-06-05", kind: "Tập huấn", topic: "Luật Dân chủ", attendance: 1500 },
      },
    ]);
    expect(read.issues).toEqual([]);
  });

  it("ignores a header row beyond the first 10 rows", () => {
    const values = [
      ...Array.from({ length: 10 }, () => ["ghi chú"]),
      H,
      [46178, "Tập huấn", "A", 1],
    ];
    const read = readTab(trainings, values);
    expect(read.headerRow).toBeNull();
    expect(read.rows).toEqual([]);
    expect(read.issues[0]?.message).toContain("không tìm thấy dòng tiêu đề");
    expect(read.issues[0]?.message).toContain("phải nằm trong 10 dòng đầu");
    expect(read.tabProblem).toBe(read.issues[0]?.message);
  });

  it("reports a missing required column for the whole tab", () => {
    const values = [
      ["Ngày", "Phân loại", "Nội dung"],
      [46178, "Tập huấn", "A"],
    ];
    const read = readTab(trainings, values);
    expect(read.rows).toEqual([]);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({ severity: "error", row: 1 });
    expect(read.issues[0]?.message).toContain('thiếu cột bắt buộc "Loại"');
  });

  it("skips blank rows and reports hand-typed totals as warnings", () => {
    const values = [
      H,
      [46178, "Tập huấn", "A", 10],
      [null, "", "   "],
      [],
      ["Tổng cộng:", null, null, 10],
      ["  cộng", null, null, 10],
      [46179, "Hội nghị", "Công tác dân vận", 5],
    ];
    const read = readTab(trainings, values);
    expect(read.rows.map((r) => r.sheetRow)).toEqual([2, 7]);
    expect(read.issues.map((i) => [i.severity, i.row, i.value])).toEqual([
      ["warning", 5, "Tổng cộng:"],
      ["warning", 6, "cộng"],
    ]);
    expect(read.invalidRows).toBe(0);
  });

  it("names tab, row, column, value and the fix; a bad row never hides good ones", () => {
    const values = [
      H,
      [46178, "Tập huấn", "A", 10],
      ["31/02/2026", "Tập huấn", "B", 10],
      [46178, "Hội thảo", "C", -1],
      [46180, "Tuyên truyền", "D", null],
    ];
    const read = readTab(trainings, values);
    expect(read.rows.map((r) => r.row.topic)).toEqual(["A", "D"]);
    expect(read.invalidRows).toBe(2);
    expect(read.issues.map((i) => [i.row, i.column, i.columnIndex, i.value])).toEqual([
      [3, "Ngày", 0, "31/02/2026"],
      [4, "Loại", 1, "Hội thảo"],
      [4, "Số lượt người", 3, "-1"],
    ]);
    expect(read.issues[1]?.message).toBe(
      'Biểu "Tập huấn, hội nghị", dòng 4, cột "Loại": "Hội thảo" không có trong danh sách. Hãy chọn một trong: Tập huấn; Hội nghị; Tuyên truyền.',
    );
  });

  it("applies the cross-field rules (đã khắc phục ≤ kiến nghị, đã giải quyết ≤ ý kiến)", () => {
    const header = [
      "Ngày kiểm tra",
      "Chủ thể kiểm tra",
      "Hình thức",
      "Đơn vị được kiểm tra",
      "Loại hình",
      "Số kiến nghị",
      "Số kiến nghị đã khắc phục",
    ];
    const base = [46178, "BCĐ tỉnh", "Kiểm tra", "Xã A", "Khác"];
    const read = readTab(inspections, [
      header,
      [...base, 3, 3],
      [...base, 3, 4],
      [...base, null, 1],
    ]);
    expect(read.rows).toHaveLength(1);
    expect(read.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "Số kiến nghị đã khắc phục"],
      [4, "Số kiến nghị đã khắc phục"],
    ]);
    const d = readTab(dialogues, [
      ["Ngày đối thoại", "Người chủ trì", "Địa bàn", "Số ý kiến", "Số ý kiến đã giải quyết"],
      [46178, "Ông A", "Phường 1", 5, 6],
    ]);
    expect(d.issues[0]?.message).toContain(
      '"Số ý kiến đã giải quyết" (6) không được lớn hơn "Số ý kiến" (5)',
    );
  });
});

describe("readUnit", () => {
  it("reports missing tabs without dropping the others", () => {
    const read = readUnit([
      { title: "Tập huấn, hội nghị", values: [H, [46178, "Tập huấn", "A", 3]] },
    ]);
    expect(read.rows.trainings).toHaveLength(1);
    expect(read.missingTabs).toEqual(["Kiểm tra, giám sát", "Khen thưởng", "Đối thoại"]);
    expect(read.issues.filter((i) => i.row === null)).toHaveLength(3);
    expect(read.tabProblems.map((p) => p.tab)).toEqual(read.missingTabs);
  });

  const all = (trainingValues: unknown[][]) => [
    ...TEMPLATES.filter((t) => t !== trainings).map((t) => ({
      title: t.title,
      values: [t.columns.map((c) => c.header)],
    })),
    { title: trainings.title, values: trainingValues },
  ];

  it("names a tab without a header in the first 10 rows, or without a required column", () => {
    const low = readUnit(
      all([...Array.from({ length: 10 }, () => []), H, [46178, "Tập huấn", "A", 1]]),
    );
    expect(low.tabProblems).toEqual([
      { tab: trainings.title, message: expect.stringContaining("10 dòng đầu") },
    ]);
    const renamed = readUnit(
      all([
        ["Ngày", "Phân loại", "Nội dung"],
        [46178, "Tập huấn", "A"],
      ]),
    );
    expect(renamed.tabProblems).toEqual([
      { tab: trainings.title, message: expect.stringContaining('thiếu cột bắt buộc "Loại"') },
    ]);
    for (const read of [low, renamed]) {
      expect(read.issues).toContainEqual(
        expect.objectContaining({ severity: "error", message: read.tabProblems[0]?.message }),
      );
    }
    expect(readUnit(all([H, [46178, "Tập huấn", "A", 1]])).tabProblems).toEqual([]);
  });

  it("reads the first of two tabs whose titles fold together and names both", () => {
    const nfd = trainings.title.normalize("NFD");
    const read = readUnit([
      ...all([H, [46178, "Tập huấn", "A", 1]]),
      { title: nfd, values: [H, [46179, "Hội nghị", "B", 2]] },
    ]);
    expect(read.rows.trainings.map((r) => r.topic)).toEqual(["A"]);
    expect(read.tabProblems).toHaveLength(1);
    expect(read.tabProblems[0]?.tab).toBe(trainings.title);
    expect(read.tabProblems[0]?.message).toContain(`"${trainings.title}", "${nfd}"`);
    expect(read.issues.filter((i) => i.severity === "error")).toHaveLength(1);
  });

  it("sees a duplicate title given without values (a tab not read)", () => {
    const read = readUnit([...all([H]), { title: ` ${trainings.title.toUpperCase()} ` }]);
    expect(read.tabProblems.map((p) => p.tab)).toEqual([trainings.title]);
  });
});

describe("hand-typed totals", () => {
  const D = ["Ngày đối thoại", "Người chủ trì", "Địa bàn", "Số người dự"];

  it("counts rows whose text only starts like a total word", () => {
    const read = readTab(dialogues, [
      D,
      [46178, "Tổng biên tập Báo tỉnh", "Phường 1", 40],
      [46179, "Cộng tác viên Nguyễn A", "Phường 2", 12],
      [46180, "Ông Tổng Văn B", "Cộng Hòa", 5],
    ]);
    expect(read.rows.map((r) => r.row.chair)).toEqual([
      "Tổng biên tập Báo tỉnh",
      "Cộng tác viên Nguyễn A",
      "Ông Tổng Văn B",
    ]);
    expect(read.issues).toEqual([]);
  });

  it("counts a row whose extra left column starts with Cộng or holds a total word", () => {
    const read = readTab(dialogues, [
      ["Khu vực", ...D],
      ["Cộng đồng dân cư số 1", 46178, "Ông A", "Phường 1", 30],
      ["Tổng", 46179, "Bà B", "Phường 2", 20],
    ]);
    expect(read.rows.map((r) => [r.sheetRow, r.row.participants])).toEqual([
      [2, 30],
      [3, 20],
    ]);
    expect(read.issues).toEqual([]);
  });

  it.each([
    "Tổng",
    "Cộng",
    "Tổng cộng",
    "Tổng số",
    "Cộng:",
    "Tổng:",
    "  TỔNG CỘNG : ",
    "tổng số".normalize("NFD"),
    "Cộng chung",
    "Cộng chung:",
    "Tổng cộng.",
    "Cộng.",
  ])("skips a failing row labelled %j with a warning, not as an error row", (label) => {
    const read = readTab(dialogues, [D, [label, null, null, 52], [46178, "Ông A", "Phường 1", 52]]);
    expect(read.rows.map((r) => r.sheetRow)).toEqual([3]);
    expect(read.invalidRows).toBe(0);
    expect(read.issues.map((i) => [i.severity, i.row, i.column])).toEqual([["warning", 2, null]]);
    expect(read.issues[0]?.message).toContain("dòng tổng tự gõ");
  });

  it("reports a real row labelled as a total in an extra column as errors, not a total", () => {
    // Date, chair and area read: the unit must be told what is wrong, not to delete it.
    const read = readTab(dialogues, [
      ["Khu vực", ...D],
      ["Tổng cộng", 46178, "Ông A", "Phường 1", "abc"],
    ]);
    expect(read.rows).toEqual([]);
    expect(read.invalidRows).toBe(1);
    expect(read.issues.map((i) => [i.severity, i.row, i.column])).toEqual([
      ["error", 2, "Số người dự"],
    ]);
    expect(read.issues[0]?.message).not.toContain("dòng tổng tự gõ");
  });

  it("takes the label cell itself out of the required-value check", () => {
    // The label typed into a required text column (the chair) is still a total's label;
    // a second required cell that reads makes it a row.
    const total = readTab(dialogues, [D, [null, "Tổng cộng:", null, 52]]);
    expect(total.issues.map((i) => [i.severity, i.value])).toEqual([["warning", "Tổng cộng:"]]);
    const row = readTab(dialogues, [D, [null, "Tổng cộng:", "Phường 1", 52]]);
    expect(row.invalidRows).toBe(1);
    expect(row.issues.map((i) => [i.severity, i.column])).toEqual([["error", "Ngày đối thoại"]]);
  });

  it("reports a failing row that starts with more than a total word as errors", () => {
    const read = readTab(dialogues, [D, ["Tổng biên tập", null, null, 52]]);
    expect(read.invalidRows).toBe(1);
    expect(read.issues.every((i) => i.severity === "error")).toBe(true);
  });

  // Total words and other text in text cells and in an extra left column; any cell may be
  // replaced by junk so that some rows fail.
  const label = fc.constantFrom("Tổng", "Cộng:", "Tổng cộng", "Tổng số", "Cộng đồng", "", "x");
  const junk = fc.constantFrom<unknown>("31/02/2026", "-3", "abc", "", null, "Tổng cộng", 2.5);

  it("never drops a row that validates, whatever its text says", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES).chain((template) =>
          fc.tuple(
            fc.constant(template),
            fc.array(
              fc.tuple(
                label,
                arbRow(template),
                fc.array(fc.option(junk, { freq: 4, nil: undefined }), {
                  minLength: template.columns.length,
                  maxLength: template.columns.length,
                }),
                fc.array(label, {
                  minLength: template.columns.length,
                  maxLength: template.columns.length,
                }),
              ),
              { maxLength: 8 },
            ),
          ),
        ),
        ([template, specs]) => {
          const cells = specs.map(([left, row, broken, words]) => [
            left,
            ...template.columns.map((c, i) => {
              if (broken[i] !== undefined) return broken[i];
              // Total words in text cells: a chair called "Tổng" is still a chair.
              if (c.type === "text" && words[i] !== "" && words[i] !== "x") return words[i];
              return cleanCell(c, row[c.key] ?? null);
            }),
          ]);
          const read = readTab(template, [
            ["Ghi chú", ...template.columns.map((c) => c.header)],
            ...cells,
          ]);
          const valid = cells.flatMap((row, i) => {
            const record = Object.fromEntries(template.columns.map((c, j) => [c.key, row[j + 1]]));
            return validateRecord(template, record).ok ? [i + 2] : [];
          });
          expect(read.rows.map((r) => r.sheetRow)).toEqual(valid);
          const warned = read.issues.filter((i) => i.severity === "warning").map((i) => i.row);
          for (const row of warned) expect(valid).not.toContain(row);
          // A row skipped as a total holds no required value that reads, apart from its label.
          for (const t of read.issues.filter((i) => i.message.includes("dòng tổng tự gõ"))) {
            const row = cells[(t.row ?? 0) - 2] ?? [];
            const at = row.findIndex((cell) => typeof cell === "string" && cell.trim() !== "");
            template.columns.forEach((c, j) => {
              if (!c.required || j + 1 === at) return;
              const parsed = parseCell(c, row[j + 1]);
              expect(parsed.ok && parsed.value !== null).toBe(false);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const totalLabel = fc.constantFrom(
    "Tổng",
    "Cộng:",
    "Tổng cộng",
    "Tổng số.",
    "CỘNG CHUNG",
    " tổng cộng : ",
  );

  it("skips a total row with sums beside it; one required value that reads makes it a row", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES).chain((template) =>
          fc.tuple(
            fc.constant(template),
            totalLabel,
            arbRow(template),
            // Which required column, if any, holds its value in the would-be total (the
            // label sits in the first column: a template without counts has nothing else).
            fc.option(
              fc.constantFrom(
                ...template.columns
                  .slice(1)
                  .filter((c) => c.required)
                  .map((c) => c.key),
              ),
              { nil: undefined },
            ),
          ),
        ),
        ([template, label, row, filled]) => {
          const cells = [
            null,
            ...template.columns.map((c, j) => {
              if (j === 0) return label;
              return c.type === "count" || c.key === filled
                ? cleanCell(c, row[c.key] ?? null)
                : null;
            }),
          ];
          const read = readTab(template, [
            ["Ghi chú", ...template.columns.map((c) => c.header)],
            cells,
          ]);
          const totals = read.issues.filter((i) => i.message.includes("dòng tổng tự gõ"));
          expect(read.rows).toEqual([]);
          if (filled === undefined) {
            expect(totals.map((i) => [i.severity, i.row])).toEqual([["warning", 2]]);
            expect(read.invalidRows).toBe(0);
          } else {
            expect(totals).toEqual([]);
            expect(read.invalidRows).toBe(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("row warnings", () => {
  const D = ["Ngày đối thoại", "Người chủ trì", "Địa bàn", "Số người dự"];

  it("reports a date after today as a warning and still counts the row", () => {
    const values = [
      D,
      ["05/06/2026", "Ông A", "Phường 1", 10],
      ["06/06/2026", "Bà B", "Phường 2", 5],
    ];
    const read = readTab(dialogues, values, dialogues.title, { today: "2026-06-05" });
    expect(read.rows.map((r) => r.sheetRow)).toEqual([2, 3]);
    expect(read.invalidRows).toBe(0);
    expect(read.issues.map((i) => [i.severity, i.row, i.column, i.columnIndex])).toEqual([
      ["warning", 3, "Ngày đối thoại", 0],
    ]);
    expect(read.issues[0]?.message).toMatch(/^Biểu "Đối thoại", dòng 3, cột "Ngày đối thoại": /);
    // Without today, no date is judged to be in the future.
    expect(readTab(dialogues, values).issues).toEqual([]);
  });

  it("passes today through readUnit", () => {
    const tabs = [{ title: dialogues.title, values: [D, ["06/06/2026", "Bà B", "Phường 2", 5]] }];
    const warned = readUnit(tabs, { today: "2026-06-01" }).issues.filter(
      (i) => i.severity === "warning",
    );
    expect(warned.map((i) => [i.tab, i.row])).toEqual([[dialogues.title, 2]]);
    expect(readUnit(tabs).issues.filter((i) => i.severity === "warning")).toEqual([]);
  });
});
