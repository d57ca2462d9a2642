import type { CheckIssue } from "../server-api.ts";
import { h } from "./element.ts";
import { callServer, errorText } from "./server-call.ts";

/**
 * One problem of the data check as a list item: where it is (a button that selects the
 * cell when the sheet, row and column are known) and what is wrong. `withTab` names the
 * tab, for lists that mix tabs; a failed jump is reported through `onError`.
 */
export function issueItem(
  issue: CheckIssue,
  options: { readonly withTab: boolean; readonly onError: (message: string) => void },
): HTMLLIElement {
  const row = issue.row !== null ? `dòng ${issue.row}` : "cả trang";
  const where = [
    options.withTab ? issue.tab : null,
    options.withTab ? row : capitalise(row),
    issue.column,
  ]
    .filter(Boolean)
    .join(" · ");
  const label = `${issue.severity === "error" ? "Lỗi" : "Cảnh báo"}: ${where}`;
  const canGo = issue.sheetName !== null && issue.row !== null && issue.columnNumber !== null;
  const heading = canGo
    ? h("button", { type: "button", class: "link", title: "Chọn ô này trong bảng tính" }, label)
    : h("span", { class: "issue-where" }, label);
  if (canGo) {
    heading.addEventListener("click", () => {
      callServer("goToCell", issue.sheetName ?? "", issue.row ?? 0, issue.columnNumber ?? 0).catch(
        (error: unknown) => options.onError(errorText(error)),
      );
    });
  }
  return h("li", { class: `issue issue-${issue.severity}` }, heading, h("p", {}, issue.detail));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
