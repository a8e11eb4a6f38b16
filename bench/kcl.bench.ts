/**
 * KCL throughput: tokenize, tokenize+parse and editKcl over the valid corpus programs
 * (grammar tests, konfig, flask demo) repeated to ~20 MB, against the read-only floor
 * (reading the same bytes from disk, and reading them plus a simple byte scan).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EditRequest } from "../src/change.js";
import { parseImageRef } from "../src/image/reference.js";
import { editKcl } from "../src/kcl/editor.js";
import { parseKcl } from "../src/kcl/parser.js";
import { tokenize } from "../src/kcl/tokenizer.js";
import { validCorpusFiles } from "../test/kcl/corpus.js";
import { medianMs, type BenchReport } from "./report.js";

const TARGET_BYTES = 20e6;
const FILE_BYTES = 256e3;
const RUNS = 5;

/** Corpus programs joined into ~256 KB files (a sequence of valid modules is a valid module). */
async function generate(root: string): Promise<string[]> {
  const programs: string[] = [];
  for (const file of validCorpusFiles()) {
    const text = (await readFile(file, "utf8")).replace(/\r\n?/g, "\n");
    // A program that ends inside a line continuation would swallow the next one.
    if (!/\\\s*$/.test(text)) programs.push(text.endsWith("\n") ? text : `${text}\n`);
  }
  const paths: string[] = [];
  let total = 0;
  let chunk = "";
  for (let i = 0; total < TARGET_BYTES; i = (i + 1) % programs.length) {
    chunk += programs[i]!;
    if (chunk.length >= FILE_BYTES) {
      parseKcl(chunk);
      const path = join(root, `chunk-${paths.length}.k`);
      await writeFile(path, chunk);
      paths.push(path);
      total += Buffer.byteLength(chunk);
      chunk = "";
    }
  }
  return paths;
}

export default async function bench(): Promise<BenchReport> {
  const root = await mkdtemp(join(tmpdir(), "gp-bench-kcl-"));
  try {
    const paths = await generate(root);
    const bytes = (await Promise.all(paths.map((p) => readFile(p)))).reduce((n, b) => n + b.length, 0);
    const texts = await Promise.all(paths.map((p) => readFile(p, "utf8")));
    const matching: EditRequest = { images: [{ image: parseImageRef("nginx:1.99.0") }], setters: new Map() };
    const absent: EditRequest = { images: [{ image: parseImageRef("ghcr.io/acme/not-there:1.0.0") }], setters: new Map() };
    const matchingFiles = texts.filter((t) => t.includes("nginx")).length;
    let sink = 0;

    const read = await medianMs(RUNS, async () => {
      for (const p of paths) sink += (await readFile(p, "utf8")).length;
    });
    const scan = await medianMs(RUNS, async () => {
      for (const p of paths) {
        const buffer = await readFile(p);
        let lines = 0;
        for (let i = 0; i < buffer.length; i++) if (buffer[i] === 10) lines++;
        sink += lines;
      }
    });
    const lex = await medianMs(RUNS, async () => {
      for (const p of paths) sink += tokenize(await readFile(p, "utf8")).count;
    });
    const parse = await medianMs(RUNS, async () => {
      for (const p of paths) sink += parseKcl(await readFile(p, "utf8")).statements.length;
    });
    const edit = await medianMs(RUNS, async () => {
      for (const p of paths) sink += editKcl(await readFile(p, "utf8"), matching).changes.length;
    });
    const screened = await medianMs(RUNS, async () => {
      for (const p of paths) sink += editKcl(await readFile(p, "utf8"), absent).changes.length;
    });
    const inMemory = await medianMs(RUNS, async () => {
      for (const t of texts) sink += parseKcl(t).statements.length;
    });
    if (sink < 0) throw new Error("unreachable: keeps the work observable");

    const mbps = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(0);
    const row = (name: string, ms: number): string => `| ${name} | ${ms.toFixed(0)} | ${mbps(ms)} | ${(ms / read).toFixed(2)} | ${(ms / scan).toFixed(2)} |`;
    return {
      title: "KCL: tokenize, parse and editKcl throughput",
      markdown: `Input: the ${validCorpusFiles().length} valid corpus programs (kcl-lang grammar tests, konfig, flask demo) joined into ${paths.length} files of ~256 KB, ${(bytes / 1e6).toFixed(1)} MB in all; ${matchingFiles} files contain \`nginx\`. Median of ${RUNS} runs, one file at a time, warm page cache.

| contender | median ms | MB/s | ratio to read | ratio to read + byte scan |
| --- | ---: | ---: | ---: | ---: |
${row("floor: read every file (utf8)", read)}
${row("floor: read + byte scan (count newlines)", scan)}
${row("read + tokenize", lex)}
${row("read + tokenize + parse", parse)}
${row("read + editKcl, image `nginx` (every matching file parsed and edited)", edit)}
${row("read + editKcl, image absent (byte screen, no parse)", screened)}
${row("tokenize + parse only (text already in memory)", inMemory)}

Tokenize + parse vs read + byte scan: **${(parse / scan).toFixed(2)}x** (goal <= 2x).

Command: \`npm run bench -- kcl\``,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
