// Bundles what GitHub runs (the two Actions) and what users run (the CLI) into dist/.
// One self-contained ESM file per entry: the runner has no node_modules.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

// The CommonJS packages the Actions and the CLI bundle (@actions/*) require Node's modules at run
// time, which an ES module does only through a require of its own. The library bundles none that do:
// without it, the library bundles for any platform, a browser's included.
const requireBanner = "import { createRequire as __gpCreateRequire } from 'node:module'; const require = __gpCreateRequire(import.meta.url);";
const entries = [
  { in: "src/action/update/main.ts", out: "dist/index.js", require: true },
  { in: "src/action/dispatch/main.ts", out: "dist/dispatch/index.js", require: true },
  { in: "src/cli.ts", out: "dist/cli.js", shebang: true, require: true },
  { in: "src/index.ts", out: "dist/lib/index.js" },
];

/** Each bundled package directory (node_modules/…/name), with the bundles that carry it. */
const bundled = new Map();
for (const entry of entries.filter((e) => existsSync(e.in))) {
  const { metafile } = await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // The bundled packages' licences go to one notices file (below), not into each bundle.
    legalComments: "none",
    metafile: true,
    // yaml's Node build prints parser traces to stdout when LOG_TOKENS or LOG_STREAM is set; its browser build is the same code without them.
    alias: { yaml: "./node_modules/yaml/browser/index.js" },
    banner: { js: (entry.shebang ? "#!/usr/bin/env node\n" : "") + (entry.require ? requireBanner : "") },
    logLevel: "warning",
  });
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDir(input);
    if (dir !== undefined) bundled.set(dir, [...new Set([...(bundled.get(dir) ?? []), entry.out])]);
  }
}
writeFileSync("dist/THIRD_PARTY_NOTICES.md", notices(bundled));

/** The package directory an input file of the bundle belongs to (`node_modules/@scope/name`), or undefined for our own sources. */
function packageDir(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/**
 * The licences of the packages bundled into dist/, which MIT, ISC and the like ask to ship with
 * the code: their names, versions and licence texts, sorted, so a rebuild writes the same bytes.
 */
function notices(packages) {
  const sections = [...packages].map(([dir, bundles]) => {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir)
      .filter((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
      .sort()[0];
    const text = file === undefined ? `(the package ships no licence text; its package.json says ${license})` : readFileSync(join(dir, file), "utf8").trim();
    return { name, version, text: `## ${name} ${version}\n\nLicence: ${license}. Bundled in ${bundles.sort().join(", ")}.\n\n\`\`\`\n${text}\n\`\`\`\n` };
  });
  // By code unit, not by locale: the same order on every machine.
  const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  sections.sort((a, b) => order(a.name, b.name) || order(a.version, b.version));
  return "# Third-party notices\n\nThe bundles in dist/ contain the following packages.\n\n" + sections.map((s) => s.text).join("\n");
}

// The library's type declarations, so `import { planUpdate } from "gitops-promote"` is typed.
rmSync("dist/types", { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.lib.json"], { stdio: "inherit" });
pruneDeclarations("dist/types");

/**
 * Keeps only the declarations a consumer's compiler reads, those index.d.ts reaches (tsc writes one for every module
 * the library's code imports), and refuses a reached one that imports a package or references its types: the library bundles its
 * dependencies and the package has none, so under `skipLibCheck: false` a consumer's build would fail on it
 * (the internals that name `yaml`'s types are `@internal`, stripped by tsconfig.lib.json).
 */
function pruneDeclarations(dir) {
  const reached = new Set();
  const packages = new Set();
  const visit = (file, from) => {
    if (reached.has(file)) return;
    reached.add(file);
    const chain = () => [...from, file].map((f) => relative(dir, f)).join(" -> ");
    const { importedFiles, referencedFiles, typeReferenceDirectives } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith(".")) visit(join(dirname(file), fileName.replace(/\.js$/, ".d.ts")), [...from, file]);
      else packages.add(`${chain()} imports ${fileName}`);
    }
    // `/// <reference path>` is a file of ours; `/// <reference types>` asks the consumer for @types the package does not depend on.
    for (const { fileName } of referencedFiles) visit(join(dirname(file), fileName), [...from, file]);
    for (const { fileName } of typeReferenceDirectives) packages.add(`${chain()} references types ${fileName}`);
  };
  visit(join(dir, "index.d.ts"), []);
  if (packages.size > 0) throw new Error(`the library's declarations import packages it does not ship:\n${[...packages].join("\n")}`);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !reached.has(path)) rmSync(path);
  }
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).reverse()) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory() && readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}
