// Prints the closing "N passed, N failed, N skipped" line CI reads, from vitest's JSON report.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "test-output/vitest.json";
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  console.error(`no vitest report at ${file}: the tests did not run`);
  process.exit(1);
}
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
process.exit(report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0);
