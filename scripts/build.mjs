// Bundles what GitHub runs (the two Actions) and what users run (the CLI) into dist/.
// One self-contained ESM file per entry: the runner has no node_modules.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const banner = "import { createRequire as __gpCreateRequire } from 'node:module'; const require = __gpCreateRequire(import.meta.url);";
const entries = [
  { in: "src/action/update/main.ts", out: "dist/index.js" },
  { in: "src/action/dispatch/main.ts", out: "dist/dispatch/index.js" },
  { in: "src/cli.ts", out: "dist/cli.js", shebang: true },
  { in: "src/index.ts", out: "dist/lib/index.js" },
];

for (const entry of entries.filter((e) => existsSync(e.in))) {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    legalComments: "none",
    // yaml's Node build prints parser traces to stdout when LOG_TOKENS or LOG_STREAM is set; its browser build is the same code without them.
    alias: { yaml: "./node_modules/yaml/browser/index.js" },
    banner: { js: (entry.shebang ? "#!/usr/bin/env node\n" : "") + banner },
    logLevel: "warning",
  });
}

// The library's type declarations, so `import { planUpdate } from "gitops-promote"` is typed.
rmSync("dist/types", { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.lib.json"], { stdio: "inherit" });
