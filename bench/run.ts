/**
 * `npm run bench`: runs every bench/*.bench.ts and prints their markdown sections.
 * With `--write`, also writes bench/RESULTS.md. Benchmarks are measured here, never
 * asserted in timed tests.
 */
import { readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machine, type BenchReport } from "./report.js";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const files = (await readdir(here)).filter((f) => f.endsWith(".bench.ts") && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const sections: string[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchReport> };
  process.stderr.write(`running ${file}...\n`);
  const report = await mod.default();
  sections.push(`## ${report.title}\n\n${report.markdown.trim()}\n`);
  process.stdout.write(`## ${report.title}\n\n${report.markdown.trim()}\n\n`);
}
if (process.argv.includes("--write")) {
  const header = `# Benchmark results\n\nMade by \`npm run bench -- --write\` on ${new Date().toISOString().slice(0, 10)} (${machine()}, 2 cores).\nEach section says what it compares; ratios are taken in the same run.\n\n`;
  await writeFile(join(here, "RESULTS.md"), header + sections.join("\n"));
}
