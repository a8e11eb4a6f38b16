// Builds dist/ once before the tests: several suites run the bundles the way users and the
// runner run them (`node dist/cli.js`, `node dist/index.js`).
import { execFileSync } from "node:child_process";

// Each vitest project runs its global setup, all in vitest's own process: the first one builds.
const BUILT = "GITOPS_PROMOTE_TEST_DIST_BUILT";

export default function setup(): void {
  if (process.env[BUILT] === String(process.pid)) return;
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  process.env[BUILT] = String(process.pid);
}
