/**
 * `npm run bench`: runs every bench/*.bench.ts and prints their markdown sections.
 * With `--write`, also writes bench/RESULTS.md. Benchmarks are measured here, never
 * asserted in timed tests. Each bench runs in a process of its own, so that one's heap
 * and compiled code do not weigh on the next one's figures.
 */
import { execFile } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { machine, type BenchReport } from "./report.js";

const here = dirname(fileURLToPath(import.meta.url));
const child = process.argv.indexOf("--child");

if (child >= 0) {
  const mod = (await import(pathToFileURL(join(here, process.argv[child + 1]!)).href)) as { default: () => Promise<BenchReport> };
  process.stdout.write(JSON.stringify(await mod.default()));
} else {
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const files = (await readdir(here)).filter((f) => f.endsWith(".bench.ts") && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
  const sections: string[] = [];
  for (const file of files) {
    process.stderr.write(`running ${file}...\n`);
    const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--child", file], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stdout) as BenchReport;
    sections.push(`## ${report.title}\n\n${report.markdown.trim()}\n`);
    process.stdout.write(`## ${report.title}\n\n${report.markdown.trim()}\n\n`);
  }
  if (process.argv.includes("--write")) {
    const header = `# Benchmark results\n\nMade by \`npm run bench -- --write\` on ${new Date().toISOString().slice(0, 10)} (${machine()}, 2 cores).\nEach section says what it compares; ratios are taken in the same run.\n\n`;
    await writeFile(join(here, "RESULTS.md"), header + sections.join("\n"));
  }
}
