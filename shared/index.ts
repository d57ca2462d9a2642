// The domain core shared by the add-on (Apps Script) and the Worker (workerd).
// Pure TypeScript: no runtime globals, no I/O.
export * from "./aggregate.ts";
export * from "./cells/dates.ts";
export * from "./cells/parse-cell.ts";
export * from "./cells/parse-count.ts";
export * from "./cells/parse-date.ts";
export * from "./cells/parse-enum.ts";
export type * from "./cells/result.ts";
export * from "./issue.ts";
export * from "./metrics.ts";
export * from "./periods.ts";
export * from "./province-settings.ts";
export * from "./read-tab.ts";
export * from "./read-unit.ts";
export * from "./schema/template.ts";
export * from "./templates/index.ts";
export * from "./text/fold.ts";
export * from "./validate-row.ts";
