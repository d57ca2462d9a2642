// The npm registry this project is built against serves only the Linux builds of a few
// platform packages, so `npm install` leaves the other platforms' optional packages out of
// package-lock.json and `npm ci` then refuses the lock. This records them (version, os,
// cpu, libc) so npm ci can see they are for another platform and skip them.
// Run after any `npm install` that rewrites the lock: node tools/lock-foreign-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORMS = {
  "android-arm64": { os: ["android"], cpu: ["arm64"] },
  "android-x64": { os: ["android"], cpu: ["x64"] },
  "darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "darwin-x64": { os: ["darwin"], cpu: ["x64"] },
  "darwin-64": { os: ["darwin"], cpu: ["x64"] },
  "linux-arm64-musl": { os: ["linux"], cpu: ["arm64"], libc: ["musl"] },
  "linux-x64-musl": { os: ["linux"], cpu: ["x64"], libc: ["musl"] },
  "win32-arm64": { os: ["win32"], cpu: ["arm64"] },
  "win32-x64": { os: ["win32"], cpu: ["x64"] },
  "windows-64": { os: ["win32"], cpu: ["x64"] },
};

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const suffix = Object.keys(PLATFORMS).find((p) => name.endsWith(`-${p}`));
    if (!suffix) continue;
    lock.packages[key] = { version, optional: true, ...PLATFORMS[suffix] };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a.localeCompare(b),
  ),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`recorded ${added} optional packages of other platforms`);
