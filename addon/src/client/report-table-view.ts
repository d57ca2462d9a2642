import type { ReportTable } from "../submission/submission-api.ts";
import { h } from "./element.ts";

const NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

/**
 * The unit's report as a table laid out like the province's `Tổng hợp`: STT, Chỉ tiêu,
 * Đơn vị tính, then Kỳ này, Cùng kỳ năm trước, So sánh (%) and, for quarters and halves,
 * Kỳ trước; each figure column says which dates it covers.
 */
export function reportTableView(table: ReportTable): HTMLTableElement {
  const headerRow = h(
    "tr",
    {},
    h("th", { scope: "col" }, "STT"),
    h("th", { scope: "col" }, "Chỉ tiêu"),
    h("th", { scope: "col" }, "Đơn vị tính"),
    ...table.columns.map((c) =>
      h(
        "th",
        { scope: "col", class: "figure" },
        c.header,
        c.caption ? h("span", { class: "caption" }, c.caption) : null,
      ),
    ),
  );
  const width = 3 + table.columns.length;
  const body = h("tbody", {});
  for (const section of table.sections) {
    body.append(
      h(
        "tr",
        { class: "section" },
        h("th", { scope: "row" }, `${section.numeral}.`),
        h(
          "th",
          { scope: "colgroup", colspan: String(width - 1) },
          section.title.toLocaleUpperCase("vi"),
        ),
      ),
    );
    for (const line of section.lines) {
      body.append(
        h(
          "tr",
          { class: line.breakdown ? "breakdown" : undefined },
          h("td", { class: "stt" }, line.stt),
          h("th", { scope: "row" }, line.label),
          h("td", { class: "unit-of" }, line.unit),
          ...line.values.map((v) =>
            h("td", { class: "figure" }, v === null ? "" : NUMBER.format(v)),
          ),
        ),
      );
    }
  }
  return h(
    "table",
    { class: "report-table" },
    h("caption", {}, `${table.period.name} (${table.period.dates})`),
    h("thead", {}, headerRow),
    body,
  );
}
