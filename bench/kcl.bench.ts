/**
 * KCL throughput: tokenize, tokenize+parse and editKcl over the valid corpus programs
 * (grammar tests, konfig, flask demo) repeated to ~20 MB, against the read-only floor
 * (reading the same bytes from disk, and reading them plus a simple byte scan).
 * Goal (issue): read + tokenize + parse within 2x of read + byte scan.
 * Files are read as the engine reads them (directorySource's readText: one synchronous
 * read-and-decode call) into the string editKcl takes.
 * Engine-level figure: planUpdate + writePlan over a tree of ~10 KB files where 1% hold
 * the image, the screen sparing the parse of the other 99% (what users run), against that
 * tree's I/O floor.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EditRequest } from "../src/change.js";
import { writePlan } from "../src/engine/apply.js";
import { planUpdate } from "../src/engine/plan.js";
import { directorySource, readText as readSourceText } from "../src/engine/source.js";
import { parseImageRef } from "../src/image/reference.js";
import { editKcl } from "../src/kcl/editor.js";
import { parseKcl } from "../src/kcl/parser.js";
import { tokenize } from "../src/kcl/tokenizer.js";
import { validCorpusFiles } from "../test/kcl/corpus.js";
import { flushWrites, medianMs, type BenchReport } from "./report.js";

const TARGET_BYTES = 20e6;
const FILE_BYTES = 256e3;
const TREE_FILE_BYTES = 10e3;
const RUNS = 5;
const GOAL = 2;
/** The image the 1% tree's files hold; the request updates it to 1.1.0. */
const TREE_IMAGE = "ghcr.io/acme/app";

async function corpusPrograms(): Promise<string[]> {
  const programs: string[] = [];
  for (const file of validCorpusFiles()) {
    const text = (await readFile(file, "utf8")).replace(/\r\n?/g, "\n");
    // A program that ends inside a line continuation would swallow the next one.
    if (!/\\\s*$/.test(text)) programs.push(text.endsWith("\n") ? text : `${text}\n`);
  }
  return programs;
}

/**
 * Corpus programs joined into files of ~`fileBytes` (a sequence of valid modules is a
 * valid module), ~20 MB in all. `holdsImage(i)` files get an assignment of TREE_IMAGE.
 */
async function generate(root: string, programs: readonly string[], fileBytes: number, holdsImage: (i: number) => boolean): Promise<string[]> {
  const paths: string[] = [];
  let total = 0;
  let chunk = "";
  for (let i = 0; total < TARGET_BYTES; i = (i + 1) % programs.length) {
    chunk += programs[i]!;
    if (chunk.length >= fileBytes) {
      if (holdsImage(paths.length)) chunk += `app_image = "${TREE_IMAGE}:1.0.0"\n`;
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

function totalBytes(paths: readonly string[]): number {
  return paths.reduce((n, p) => n + readFileSync(p).length, 0);
}

/** The floor: read every file and count its newlines. */
function readAndScan(paths: readonly string[]): number {
  let lines = 0;
  for (const p of paths) {
    const buffer = readFileSync(p);
    for (let i = 0; i < buffer.length; i++) if (buffer[i] === 10) lines++;
  }
  return lines;
}

/** Byte classes for `leastTokenize`: name or number characters (and any non-ASCII byte), space, quote, `#`. */
const LEAST_CLASS = new Uint8Array(256).map((_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128
    ? 1
    : c === 32
      ? 2
      : c === 34 || c === 39
        ? 3
        : c === 35
          ? 4
          : 0,
);

/**
 * The least work any tokenizer written in JS does, as a lower bound: split the raw bytes
 * (no UTF-8 decoding) into runs of name characters, runs of spaces, quoted strings (to the
 * next same quote, skipped natively), comments (to the line end, skipped natively) and
 * single characters, storing each token's kind and start. No escapes, triple quotes,
 * numbers, operators, indentation, brackets or validation; no parse.
 */
function leastTokenize(bytes: Uint8Array, kind: Uint8Array, start: Int32Array): number {
  const n = bytes.length;
  let tokens = 0;
  let i = 0;
  while (i < n) {
    const c = bytes[i]!;
    const cls = LEAST_CLASS[c]!;
    if (cls === 2) {
      while (++i < n && bytes[i] === 32);
      continue;
    }
    kind[tokens] = cls;
    start[tokens++] = i;
    if (cls === 1) while (++i < n && LEAST_CLASS[bytes[i]!] === 1);
    else if (cls === 3) i = bytes.indexOf(c, i + 1) + 1 || n;
    else if (cls === 4) i = bytes.indexOf(10, i) + 1 || n;
    else i++;
  }
  return tokens;
}

export default async function bench(): Promise<BenchReport> {
  const root = await mkdtemp(join(tmpdir(), "gp-bench-kcl-"));
  try {
    const programs = await corpusPrograms();
    await mkdir(join(root, "big"));
    await mkdir(join(root, "tree"));
    const paths = await generate(join(root, "big"), programs, FILE_BYTES, () => false);
    const tree = await generate(join(root, "tree"), programs, TREE_FILE_BYTES, (i) => i % 100 === 0);
    flushWrites();
    const bytes = totalBytes(paths);
    const treeBytes = totalBytes(tree);
    // Every file of the big set through the engine's own reader.
    const big = directorySource(join(root, "big"));
    const names = paths.map((p) => p.slice(p.lastIndexOf("/") + 1));
    const eachText = async (use: (text: string) => number) => {
      for (const name of names) sink += use(await readSourceText(big, name));
    };
    let sink = 0;
    const texts: string[] = [];
    await eachText((text) => texts.push(text));
    const matching: EditRequest = { images: [{ image: parseImageRef("nginx:1.99.0") }], setters: new Map() };
    const absent: EditRequest = { images: [{ image: parseImageRef("ghcr.io/acme/not-there:1.0.0") }], setters: new Map() };
    const matchingFiles = texts.filter((t) => t.includes("nginx")).length;
    const treeHolding = tree.filter((_, i) => i % 100 === 0).length;

    const leastKind = new Uint8Array(bytes);
    const leastStart = new Int32Array(bytes);
    const { read, scan, decode, lex, parse, edit, screened, inMemory, lexInMemory, walk, least } = await medianMs(RUNS, {
      read: async () => {
        for (const p of paths) sink += readFileSync(p).length;
      },
      scan: async () => {
        sink += readAndScan(paths);
      },
      decode: () => eachText((text) => text.length),
      lex: () => eachText((text) => tokenize(text).count),
      parse: () => eachText((text) => parseKcl(text).statements.length),
      edit: () => eachText((text) => editKcl(text, matching).changes.length),
      screened: () => eachText((text) => editKcl(text, absent).changes.length),
      inMemory: async () => {
        for (const t of texts) sink += parseKcl(t).statements.length;
      },
      lexInMemory: async () => {
        for (const t of texts) sink += tokenize(t).count;
      },
      // What one pass over a JS string costs by itself: the least any tokenizer pays.
      walk: async () => {
        for (const t of texts) {
          let lines = 0;
          for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) lines++;
          sink += lines;
        }
      },
      least: async () => {
        for (const p of paths) sink += leastTokenize(readFileSync(p), leastKind, leastStart);
      },
    });
    // Engine level: each run moves the image to a new tag, as a release does.
    let version = 0;
    let treeChanges = 0;
    const { treeEngine, treeFloor } = await medianMs(RUNS, {
      treeEngine: async () => {
        const plan = await planUpdate(directorySource(join(root, "tree")), { images: [`${TREE_IMAGE}:1.0.${++version}`], setters: [], sets: [], paths: [] });
        await writePlan(join(root, "tree"), plan);
        treeChanges = plan.changes.length;
      },
      // Its floor, as the YAML bench's: read every file, write the changed ones.
      treeFloor: async () => {
        const from = `${TREE_IMAGE}:1.0.${version}`;
        const to = `${TREE_IMAGE}:1.0.${++version}`;
        for (const p of tree) {
          const text = readFileSync(p, "utf8");
          if (text.includes(from)) writeFileSync(p, text.replaceAll(from, to));
        }
      },
    });
    if (treeChanges !== treeHolding) throw new Error(`expected ${treeHolding} changes in the 1% tree, got ${treeChanges}`);
    if (sink < 0) throw new Error("unreachable: keeps the work observable");

    const mbps = (ms: number, n = bytes): string => (n / 1e6 / (ms / 1000)).toFixed(0);
    const row = (name: string, ms: number): string => `| ${name} | ${ms.toFixed(0)} | ${mbps(ms)} | ${(ms / decode).toFixed(2)} | ${(ms / scan).toFixed(2)} |`;
    const ratio = parse / scan;
    const verdict =
      ratio <= GOAL
        ? `**goal met** (<= ${GOAL}x)`
        : `**goal not met** (goal <= ${GOAL}x). Where the ${parse.toFixed(0)} ms go: reading the files as text ~${decode.toFixed(0)} ms (alone ${(decode / scan).toFixed(2)}x the floor, of which the bytes ~${read.toFixed(0)} ms), tokenizing ~${lexInMemory.toFixed(0)} ms (${(lexInMemory / walk).toFixed(1)}x one bare charCodeAt pass over the same strings, ${walk.toFixed(0)} ms; reading the text + that one pass is already ${((decode + walk) / scan).toFixed(2)}x the floor, the least a tokenizer of the decoded string can take), parsing ~${(inMemory - lexInMemory).toFixed(0)} ms (one node per statement, config entry, key and value, as syntax.ts defines them). Even reading the bytes undecoded and only splitting them into tokens, with nothing checked and nothing parsed, is ${(least / scan).toFixed(2)}x the floor (last row)`;
    return {
      timed: true,
      title: "KCL: tokenize, parse and editKcl throughput",
      markdown: `Input: the ${validCorpusFiles().length} valid corpus programs (kcl-lang grammar tests, konfig, flask demo) joined into ${paths.length} files of ~256 KB, ${(bytes / 1e6).toFixed(1)} MB in all; ${matchingFiles} files contain \`nginx\`. Median of ${RUNS} rounds in which the contenders take turns, one file at a time, read as text the way the engine reads, warm page cache.

| contender | median ms | MB/s | ratio to read as text | ratio to read + byte scan |
| --- | ---: | ---: | ---: | ---: |
${row("floor: read every file (bytes)", read)}
${row("floor: read + byte scan (count newlines)", scan)}
${row("read as text (the string editKcl takes, as the engine reads it)", decode)}
${row("read as text + tokenize", lex)}
${row("read as text + tokenize + parse", parse)}
${row("read as text + editKcl, image `nginx` (every matching file parsed and edited)", edit)}
${row("read as text + editKcl, image absent (byte screen, no parse)", screened)}
${row("tokenize + parse only (text already in memory)", inMemory)}
${row("tokenize only (text already in memory)", lexInMemory)}
${row("bare pass: charCodeAt over every string (in memory)", walk)}
${row("lower bound: read bytes + the least any JS tokenizer does (split into names, spaces, strings, comments, characters; no parse)", least)}

Read as text + tokenize + parse vs read + byte scan: **${ratio.toFixed(2)}x**, ${verdict}.

Engine level (what users run): \`planUpdate\` + \`writePlan\` over a tree of ${tree.length} files of ~10 KB (${(treeBytes / 1e6).toFixed(1)} MB), ${treeHolding} of them (1%) holding \`${TREE_IMAGE}\`, each run moving it to a new tag: ${treeEngine.toFixed(0)} ms (${mbps(treeEngine, treeBytes)} MB/s) against the I/O floor of the same tree (read every file, write the changed ones) ${treeFloor.toFixed(0)} ms: **${(treeEngine / treeFloor).toFixed(2)}x** the floor.

Command: \`npm run bench -- kcl\``,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
