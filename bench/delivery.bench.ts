/**
 * What one delivery costs in GitHub API calls (counted by the fake GitHub, which records
 * every request), for 1 and for 50 changed files, per delivery mode; and the same for the
 * commit scheme of create-pull-request's `sign-commits` (a blob per file, then tree, commit,
 * branch lookup and ref), computed from its source (reference/peers.md A2), as the baseline.
 * Reading the branch goes through git (fetch), so it costs no API call.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createClient } from "../src/github/client.js";
import { deliver, type DeliveryOptions } from "../src/github/deliver.js";
import { GitRepo } from "../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../test/support/github-fake.js";
import type { BenchReport } from "./report.js";

const OWNER = "bench";
const IMAGE = "ghcr.io/acme/app";

interface Scenario {
  readonly name: string;
  readonly options: Partial<DeliveryOptions>;
  /** Runs before the measured delivery (e.g. a first run, so this one updates). */
  readonly prepare?: (run: (image: string) => Promise<void>) => Promise<void>;
  /** Pending required checks, so GitHub accepts auto-merge instead of answering "clean status". */
  readonly blocked?: boolean;
  readonly goal?: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: "push (API commit)", options: { mode: "push" }, goal: 4 },
  { name: "push (`commit-via: git`)", options: { mode: "push", commitVia: "git" }, goal: 0 },
  { name: "pull request, created", options: { mode: "pull-request" } },
  { name: "pull request, updated by the next build", options: { mode: "pull-request" }, prepare: (run) => run(`${IMAGE}:1.0.1`) },
  { name: "pull request + auto-merge (checks pending)", options: { mode: "pull-request", merge: "auto" }, blocked: true, goal: 7 },
  { name: "pull request + auto-merge (clean status: merged now)", options: { mode: "pull-request", merge: "auto" } },
  {
    name: "pull request + labels + reviewers + auto-merge",
    options: { mode: "pull-request", merge: "auto", labels: ["deploy"], reviewers: ["alice"] },
    blocked: true,
  },
];

function deployment(i: number): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${IMAGE}:1.0.0\n`;
}

async function measure(fake: FakeGitHub, repo: string, files: number, scenario: Scenario): Promise<number> {
  await fake.createRepo(OWNER, repo, Object.fromEntries(Array.from({ length: files }, (_, i) => [`apps/app-${i}.yaml`, deployment(i)])));
  const dir = await mkdtemp(join(tmpdir(), "gp-bench-"));
  try {
    return await measureIn(dir, fake, repo, scenario);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureIn(dir: string, fake: FakeGitHub, repo: string, scenario: Scenario): Promise<number> {
  await promisify(execFile)("git", ["clone", "--quiet", "--depth=1", fake.gitUrl(OWNER, repo), dir]);
  const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
  const ctx = { git: new GitRepo(dir), remote: "origin", repository: { owner: OWNER, repo }, client: () => client, log: () => undefined };
  const options: DeliveryOptions = {
    mode: "push",
    labels: [],
    reviewers: [],
    merge: "none",
    mergeMethod: "merge",
    commitVia: "api",
    dryRun: false,
    ...scenario.options,
  };
  const run = async (image: string) => void (await deliver(ctx, { images: [image], setters: [], sets: [], paths: [] }, options));
  await scenario.prepare?.(run);
  if (scenario.blocked) {
    const block = async () => void (await Promise.all(fake.pulls(OWNER, repo).map((p) => fake.setMergeState(OWNER, repo, p.number, "BLOCKED"))));
    fake.inject({ operationId: "graphql", beforeHandle: block });
  }
  const before = fake.calls.length;
  await run(`${IMAGE}:1.2.0`);
  return fake.calls.slice(before).filter((c) => c.operationId !== "git").length;
}

export default async function bench(): Promise<BenchReport> {
  const fake = await startFakeGitHub();
  const rows: string[] = [];
  try {
    let n = 0;
    for (const scenario of SCENARIOS) {
      const one = await measure(fake, `r${n++}`, 1, scenario);
      const fifty = await measure(fake, `r${n++}`, 50, scenario);
      const goal = scenario.goal === undefined ? "" : `≤ ${scenario.goal}`;
      rows.push(`| ${scenario.name} | ${one} | ${fifty} | ${one === 0 ? "–" : (fifty / one).toFixed(2)} | ${goal} |`);
    }
    if (fake.violations.length > 0) throw new Error(`contract violations: ${JSON.stringify(fake.violations)}`);
  } finally {
    await fake.close();
  }
  // create-pull-request sign-commits: createBlob per file + createTree + createCommit + repos.getBranch + updateRef
  const peer = (files: number) => files + 4;
  const push1 = Number(rows[0]!.split("|")[2]);
  const push50 = Number(rows[0]!.split("|")[3]);
  return {
    timed: false,
    title: "Delivery: GitHub API calls per delivery",
    markdown: `API calls made by one delivery of one image (REST + GraphQL, counted by the fake GitHub; git fetch/push not counted, they are not API calls).

| delivery | 1 file changed | 50 files changed | 50 / 1 | goal |
| --- | ---: | ---: | ---: | --- |
${rows.join("\n")}
| baseline: create-pull-request \`sign-commits\` scheme (blob per file; computed, not run) | ${peer(1)} | ${peer(50)} | ${(peer(50) / peer(1)).toFixed(2)} | |

Direct push vs the baseline: ${(peer(1) / push1).toFixed(2)}× fewer calls for 1 file, ${(peer(50) / push50).toFixed(2)}× fewer for 50 (contents go inline in one \`createTree\`; the branch is read with git).

Command: \`npm run bench -- delivery\``,
  };
}
