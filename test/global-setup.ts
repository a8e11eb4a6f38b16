// Builds dist/ once before the tests: several suites run the bundles the way users and the
// runner run them (`node dist/cli.js`, `node dist/index.js`).
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
