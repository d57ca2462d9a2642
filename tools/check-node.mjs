// Wrangler and vitest 5 need Node 22; under Node 20 wrangler can exit 0 without doing
// anything, so every npm script starts here and fails loudly instead.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `qcdc-sheets needs Node 22 or newer, this is ${process.version}. Run through npm (npm start, npm test) so the pinned node from node_modules/.bin is used, after npm ci.`,
  );
  process.exit(1);
}
