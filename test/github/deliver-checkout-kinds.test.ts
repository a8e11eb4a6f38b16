/**
 * Delivery from the checkouts actions/checkout makes: a partial clone (`filter: blob:none`), a sparse
 * checkout (which implies it), `persist-credentials: false` (the step lends git its token), a
 * `fetch-depth` history the run must leave as it found it.
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext, type DeliveryOptions, type DeliveryResult } from "../../src/github/deliver.js";
import { GitError, GitRepo, tokenAuthEnv } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { actionsCheckout, APP, deployment, OWNER, REPO, warningsOf, type CheckoutInputs } from "./fixture.js";

const request = (image: string) => ({ images: [image], setters: [], sets: [], paths: [] });
const push: DeliveryOptions = { mode: "push", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "git", dryRun: false };
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** One app per cluster, `clusters/c<n>/app.yaml`, all at 1.0.0, each file its own blob; `note` a comment in each. */
const clusters = (count: number, note = "") =>
  Object.fromEntries(Array.from({ length: count }, (_, n) => [`clusters/c${n}/app.yaml`, `${note}${deployment(`app${n}`, `${APP}:1.0.0`)}`]));

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(() => fake.close());

/** A run's context on a checkout made as `inputs` say; with `persist: false` the step lends git the token, as the Action does. */
async function runOn(inputs: CheckoutInputs): Promise<DeliveryContext> {
  const dir = await actionsCheckout(fake, inputs);
  const git = new GitRepo(dir, inputs.persist === false ? tokenAuthEnv(fake.token, fake.url, {}) : {});
  const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
  return { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => {} };
}

/** The git requests the fake served since `from` (an index into its calls): fetches and pushes. */
const gitRequests = (from: number) => fake.calls.slice(from).filter((c) => c.operationId === "git" && c.method === "POST");

it.each([
  ["a blob:none partial clone", { filter: "blob:none" }],
  ["a sparse checkout of one cluster (blob:none)", { sparse: ["clusters/c0"] }],
])("from %s without persisted credentials, reads every file with the lent token, in one request for the blobs it lacks", async (_, inputs) => {
  await fake.createRepo(OWNER, REPO, clusters(30));
  const ctx = await runOn({ ...inputs, persist: false });
  // Origin moves on after the checkout: none of the new head's blobs is local.
  await fake.commitFiles(OWNER, REPO, "main", clusters(30, "# moved on\n"));
  const from = fake.calls.length;

  const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

  expect(result.plan.files).toHaveLength(30);
  // Planned on origin's new head; the checkout stays where actions/checkout left it.
  expect(result.checkout).toEqual({ branch: "main", head: git(ctx.git.dir, "rev-parse", "HEAD") });
  expect(result.planned).not.toBe(result.checkout?.head);
  const landed = await fake.readFile(OWNER, REPO, "main", "clusters/c29/app.yaml");
  expect(landed).toContain(`${APP}:1.1.0`);
  // Where origin's branch is (ls-remote: a shallow checkout fetches no head it has), then two fetches of two
  // requests each (ls-refs, then the pack): the new head, and every blob it lacks at once; then the push.
  // Read blob by blob, it took a fetch per file (64 requests here).
  const services = gitRequests(from).map((c) => c.path.replace(/^.*\//, ""));
  expect(services).toEqual([...Array<string>(5).fill("git-upload-pack"), "git-receive-pack"]);
});

it("reads a blob a partial clone lacks with the lent token, and without one says why git could not fetch it, not only that cat-file stopped", async () => {
  await fake.createRepo(OWNER, REPO, clusters(2));
  const dir = await actionsCheckout(fake, { sparse: ["clusters/c0"], persist: false });
  // Outside the cone: a blob of the checkout's tree that git never fetched, read without the token.
  const missing = git(dir, "rev-parse", "HEAD:clusters/c1/app.yaml");
  const cone = git(dir, "rev-parse", "HEAD:clusters/c0");
  const tree = await new GitRepo(dir).tree(cone, new Map([["c1.yaml", { mode: "100644", sha: missing }]]));
  try {
    const read = tree.read("c1.yaml");
    await expect(read).rejects.toThrow(GitError);
    await expect(read).rejects.toThrow(/could not read Username(.|\n)*could not fetch [0-9a-f]+ from promisor remote/);
  } finally {
    tree.close();
  }
  // With the lent token, cat-file fetches it.
  const lent = await new GitRepo(dir, tokenAuthEnv(fake.token, fake.url, {})).tree(cone, new Map([["c1.yaml", { mode: "100644", sha: missing }]]));
  try {
    expect(Buffer.from(await lent.read("c1.yaml")).toString("utf8")).toBe(clusters(2)["clusters/c1/app.yaml"]);
  } finally {
    lent.close();
  }
});

it("warns once of the work an earlier step left in the checkout, which push delivery plans without; a clean checkout has no such warning", async () => {
  await fake.createRepo(OWNER, REPO, clusters(2));
  const ctx = await runOn({ depth: 2 });
  const dry = { ...push, dryRun: true };
  const leftWork = (result: DeliveryResult) => warningsOf(result).filter((w) => w.startsWith("the checkout holds work"));
  expect(leftWork(await deliver(ctx, request(`${APP}:1.1.0`), dry))).toEqual([]);

  const dir = ctx.git.dir;
  await writeFile(join(dir, "clusters/c0/app.yaml"), deployment("app0", `${APP}:9.9.9-local`));
  await writeFile(join(dir, "clusters/c1/generated.yaml"), deployment("generated", `${APP}:1.0.0`));
  await writeFile(join(dir, "notes.txt"), "not read by the run\n");
  git(dir, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "a local commit");
  const result = await deliver(ctx, request(`${APP}:1.1.0`), dry);
  expect(leftWork(result)).toEqual([
    "the checkout holds work this run does not deliver (changed: clusters/c0/app.yaml; untracked: clusters/c1/generated.yaml; 1 local commit origin's main lacks): " +
      "delivery push plans on main as fetched from origin, not on the checkout. Commit and push it in an earlier step, or edit the checkout with delivery: none",
  ]);
  // Planned on origin's text: the local edit is not what it changes from.
  expect(result.plan.changes.map((c) => c.old)).toEqual([`${APP}:1.0.0`, `${APP}:1.0.0`]);
  // Nothing in the checkout moved, its index included.
  expect(git(dir, "status", "--porcelain")).toBe("M clusters/c0/app.yaml\n?? clusters/c1/generated.yaml\n?? notes.txt");
});
