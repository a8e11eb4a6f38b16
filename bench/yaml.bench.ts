/**
 * The YAML engine on a synthetic manifests monorepo (5,000 files, ~25 MB, 1% holding the
 * image) against (a) the I/O floor: read every file, write the changed ones, and (b) the
 * naive way: `yaml` parseDocument + toString of every file. Two more engine runs show where
 * its time goes: the screen alone (an image no file holds), and the matching files read by
 * the `yaml` package instead of the subset parser (each given an anchor, which only the
 * package reads).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { writePlan } from "../src/engine/apply.js";
import { planUpdate } from "../src/engine/plan.js";
import { directorySource } from "../src/engine/source.js";
import { flushWrites, medianMs, type BenchReport } from "./report.js";

const FILES = 5000;
const HOLDING = 50;
const REPO = "ghcr.io/acme/checkout-service";

function manifest(i: number, image: string, anchor = false): string {
  const env = Array.from({ length: 47 }, (_, j) => `            - name: SETTING_${j}\n              value: "value-${i}-${j}" # tuned for service ${i}`).join(
    "\n",
  );
  return `# Service ${i}: generated for the benchmark
apiVersion: apps/v1
kind: Deployment
metadata:
  name: service-${i}
  namespace: team-${i % 40}
  labels:
    app.kubernetes.io/name: service-${i}
    app.kubernetes.io/part-of: shop${anchor ? `\n  annotations: &notes\n    team: shop-${i}` : ""}
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels:
      app: service-${i}
  template:
    metadata:
      labels:
        app: service-${i}
    spec:
      containers:
        - name: main
          image: ${image}
          ports:
            - containerPort: 8080
          env:
${env}
---
apiVersion: v1
kind: Service
metadata:
  name: service-${i}
spec:
  ports:
    - port: 80
      targetPort: 8080
`;
}

const holds = (i: number) => i % (FILES / HOLDING) === 0;
const pathOf = (root: string, i: number) => join(root, "clusters", `cluster-${i % 10}`, `ns-${i % 100}`, `service-${i}.yaml`);

async function generate(root: string): Promise<void> {
  for (let i = 0; i < FILES; i++) {
    await mkdir(join(pathOf(root, i), ".."), { recursive: true });
    await writeFile(pathOf(root, i), manifest(i, holds(i) ? `${REPO}:1.0.0` : `ghcr.io/acme/service-${i}:2.${i % 7}.0`));
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Every file read and, when it holds `from`, written back with `edit` applied: the floor's loop and the naive one. */
function rewriteAll(from: string, edit: (text: string) => string): void {
  for (const p of listFiles(currentRoot)) {
    const text = readFileSync(p, "utf8");
    const out = edit(text);
    if (text.includes(from)) writeFileSync(p, out);
  }
}
let currentRoot = "";

export default async function bench(): Promise<BenchReport> {
  const root = await mkdtemp(join(tmpdir(), "gp-bench-yaml-"));
  currentRoot = root;
  try {
    await generate(root);
    flushWrites();
    // One untimed pass over the new tree, so that the first contender timed does not pay for its first reading.
    for (const p of listFiles(root)) readFileSync(p, "utf8");
    const paths = listFiles(root);
    const bytes = paths.reduce((n, p) => n + readFileSync(p).length, 0);
    let version = 0;
    const current = () => `${REPO}:1.0.${version}`;
    const bump = () => [current(), `${REPO}:1.0.${++version}`] as const;
    let changed = 0;

    const runEngine = async () => {
      const [, to] = bump();
      const plan = await planUpdate(directorySource(root), { images: [to], setters: [], sets: [], paths: [] });
      await writePlan(root, plan);
      changed = plan.files.length;
    };
    const { engine, screenOnly, floor, asyncScript } = await medianMs(7, {
      engine: runEngine,
      screenOnly: async () => {
        const plan = await planUpdate(directorySource(root), { images: ["ghcr.io/acme/in-no-file:1.0.0"], setters: [], sets: [], paths: [] });
        if (plan.files.length > 0) throw new Error("an absent image changed files");
      },
      // The floor: the least any tool must do, with the fastest I/O Node has for many small files.
      floor: async () => {
        const [from, to] = bump();
        rewriteAll(from, (text) => (text.includes(from) ? text.replaceAll(from, to) : text));
      },
      // What a typical script does: fs.promises with bounded parallelism (threadpool round trips per file).
      asyncScript: async () => {
        const [from, to] = bump();
        let next = 0;
        const files = listFiles(root);
        await Promise.all(
          Array.from({ length: 64 }, async () => {
            while (next < files.length) {
              const p = files[next++]!;
              const text = await readFile(p, "utf8");
              if (text.includes(from)) await writeFile(p, text.replaceAll(from, to));
            }
          }),
        );
      },
    });
    const { naive } = await medianMs(3, {
      naive: async () => {
        const [from, to] = bump();
        rewriteAll(from, (text) =>
          parseAllDocuments(text)
            .map((d) => (Array.isArray(d) ? "" : d.toString()))
            .join("")
            .replaceAll(from, to),
        );
      },
    });
    // Last, as it changes the tree: the matching files outside the subset parser's YAML.
    for (let i = 0; i < FILES; i++) if (holds(i)) await writeFile(pathOf(root, i), manifest(i, current(), true));
    const { engine: fallback } = await medianMs(7, { engine: runEngine });
    if (changed !== HOLDING) throw new Error(`expected ${HOLDING} changed files, got ${changed}`);
    const mb = (bytes / 1e6).toFixed(1);
    return {
      timed: true,
      title: "YAML: update on a 5,000-file manifests monorepo",
      markdown: `Tree: ${paths.length} files, ${mb} MB, ${HOLDING} of them hold \`${REPO}\`; each run updates it to a new tag (${changed} files changed per engine run). Median of 7 rounds in which the engine, the screen, the floor and the script take turns (naive: 3 runs), in-process, warm page cache.

| contender | median ms | ratio to the I/O floor |
| --- | ---: | ---: |
| I/O floor: read every file, write the changed ones (sync fs, string replace) | ${floor.toFixed(0)} | 1.00 |
| a typical script: the same with \`fs.promises\` (64 in flight) | ${asyncScript.toFixed(0)} | ${(asyncScript / floor).toFixed(2)} |
| gitops-promote \`planUpdate\` + \`writePlan\` | ${engine.toFixed(0)} | ${(engine / floor).toFixed(2)} |
| the same, an image no file holds (list, read, screen: nothing parsed or written) | ${screenOnly.toFixed(0)} | ${(screenOnly / floor).toFixed(2)} |
| the same, the ${HOLDING} matching files each with an anchor (read by the \`yaml\` package, not the subset parser) | ${fallback.toFixed(0)} | ${(fallback / floor).toFixed(2)} |
| naive: \`yaml\` parseAllDocuments + toString of every file (sync fs) | ${naive.toFixed(0)} | ${(naive / floor).toFixed(2)} |

gitops-promote vs the I/O floor: **${(engine / floor).toFixed(2)}x**, goal (<= 1.5x) **${engine / floor <= 1.5 ? "met" : "not met"}**; vs a typical \`fs.promises\` script: ${(engine / asyncScript).toFixed(2)}x. Naive vs gitops-promote: **${(naive / engine).toFixed(1)}x slower**, goal (>= 10x) **${naive / engine >= 10 ? "met" : "not met"}**. Where the time goes: listing, reading and screening every file costs ${screenOnly.toFixed(0)} ms (the screen is one regular expression over the text, all tokens at once); parsing, editing and re-checking the ${HOLDING} matching files and writing them adds ${(engine - screenOnly).toFixed(0)} ms with the subset parser, ${(fallback - screenOnly).toFixed(0)} ms when the \`yaml\` package has to read them.

Command: \`npm run bench -- yaml\``,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
