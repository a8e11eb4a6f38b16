/** A manifests repo on the fake GitHub and a local clone of it, as actions/checkout leaves it; for delivery, a run's context on it and its targets. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { startFakeGitHub, type FakeGitHub, type FileSpec } from "../support/github-fake.js";
import { createClient } from "../../src/github/client.js";
import { DeliveryError, type DeliveryContext, type DeliveryOptions, type DeliveryResult } from "../../src/github/deliver.js";
import { basicCredential, GitRepo, type FileWrite, type Identity } from "../../src/github/git.js";
import { tempDir } from "../support/temp.js";

export const OWNER = "acme";
export const REPO = "manifests";

export async function checkout(fake: FakeGitHub, files: Record<string, FileSpec>, options: { shallow?: boolean } = {}): Promise<{ dir: string; git: GitRepo }> {
  await fake.createRepo(OWNER, REPO, files);
  const dir = await cloneRepo(fake, options);
  return { dir, git: new GitRepo(dir) };
}

/** Another checkout of the repo (each job of a workflow has its own), with the fake's token or `token`. */
export async function cloneRepo(fake: FakeGitHub, options: { shallow?: boolean; token?: string } = {}): Promise<string> {
  const dir = await tempDir("gp-checkout-");
  // async: the fake serves git from this very process, a sync clone would deadlock it
  await promisify(execFile)("git", ["clone", "--quiet", ...(options.shallow ? ["--depth=1"] : []), fake.gitUrl(OWNER, REPO, { token: options.token }), dir]);
  return dir;
}

/** How actions/checkout is configured: its `fetch-depth` (0: all history), `filter`, `sparse-checkout` (cone mode) and `persist-credentials`. */
export interface CheckoutInputs {
  readonly depth?: number;
  readonly filter?: string;
  readonly sparse?: readonly string[];
  readonly persist?: boolean;
}

/**
 * A checkout of the repo as actions/checkout makes it: `git init`, origin with no credentials in
 * its URL, a fetch with the token as an http extraheader (kept in .git/config unless `persist` is
 * false), `blob:none` whenever sparse-checkout is set, then `checkout -B main`.
 */
export async function actionsCheckout(fake: FakeGitHub, inputs: CheckoutInputs = {}): Promise<string> {
  const dir = await tempDir("gp-actions-checkout-");
  const header = [`http.${fake.url}/.extraheader=AUTHORIZATION: basic ${basicCredential(fake.token)}`];
  const git = (...args: string[]) => promisify(execFile)("git", args, { cwd: dir });
  const authed = (...args: string[]) => git("-c", ...header, ...args);
  const depth = inputs.depth ?? 1;
  const filter = inputs.filter ?? (inputs.sparse ? "blob:none" : undefined);
  await git("init", "--quiet");
  await git("remote", "add", "origin", fake.gitUrl(OWNER, REPO, { auth: false }));
  const fetch = ["fetch", "--quiet", "--no-tags", ...(filter ? [`--filter=${filter}`] : []), ...(depth > 0 ? [`--depth=${depth}`] : [])];
  await authed(...fetch, "origin", "+refs/heads/main:refs/remotes/origin/main");
  if (inputs.sparse) await authed("sparse-checkout", "set", "--cone", ...inputs.sparse);
  await authed("checkout", "--quiet", "--force", "-B", "main", "refs/remotes/origin/main");
  if (inputs.persist ?? true) await git("config", ...header[0]!.split(/=(.*)/s, 2));
  return dir;
}

/** A Deployment manifest holding one image. */
export function deployment(name: string, image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: ${image} # the running build
`;
}

/** The image the delivery tests promote, from 1.0.0. */
export const APP = "ghcr.io/acme/app";

/** A run's pauses and the clock its `retryFor` is measured on. */
export interface Timing {
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/**
 * Pauses that take no real time (each handed to `pause`), on a clock they move by their length:
 * a run whose branch keeps moving gives up after as many pauses as it would really.
 */
export function pausesOnClock(pause: (ms: number) => Promise<void> | void = () => {}): Timing {
  let clock = 0;
  return {
    sleep: async (ms) => {
      clock += ms;
      await pause(ms);
    },
    now: () => clock,
  };
}

/**
 * A fresh fake GitHub whose manifests repo holds APP at 1.0.0 in `<env>/app.yaml` for each env,
 * and a run's delivery context on a checkout of it (silent, pausing as `timing` says).
 */
export async function appManifests(
  envs: readonly string[],
  timing: Timing = pausesOnClock(),
): Promise<{ readonly fake: FakeGitHub; readonly ctx: DeliveryContext }> {
  const fake = await startFakeGitHub();
  const { git } = await checkout(fake, Object.fromEntries(envs.map((env) => [`${env}/app.yaml`, deployment("app", `${APP}:1.0.0`)])));
  const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
  return { fake, ctx: { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => {}, ...timing } };
}

/** Commits a configuration with one target per env (its `<env>/**`, APP) delivered as given (YAML), e.g. `{ staging: "{ mode: push }" }`. */
export function configureTargets(fake: FakeGitHub, delivery: Record<string, string>): Promise<string> {
  const targets = Object.entries(delivery).map(
    ([env, how]) => `  - name: ${env}\n    paths: ["${env}/**"]\n    images: [{ repository: ${APP} }]\n    delivery: ${how}\n`,
  );
  return fake.commitFile(OWNER, REPO, "main", ".github/gitops-promote.yaml", "targets:\n" + targets.join(""));
}

/** Calls to the REST/GraphQL API (git smart HTTP excluded). */
export function apiCalls(fake: FakeGitHub): FakeGitHub["calls"] {
  return fake.calls.filter((c) => c.operationId !== "git");
}

/** A commit by `who` on `branch` (made from main when the branch is absent), pushed from another clone, as a person pushes to a pull request. */
export async function pushAsPerson(person: GitRepo, branch: string, files: Record<string, string>, who: Identity): Promise<void> {
  const head = (await person.fetch("origin", branch)) ?? (await person.fetch("origin", "main"))!;
  const commit = await person.commitTree(await person.writeTree(head, writesOf(files)), head, "tweak\n", who, who);
  if ((await person.push("origin", commit, branch)) !== "pushed") throw new Error(`the push to ${branch} was rejected`);
}

/**
 * main merged into `branch` by `who`, pushed from another clone, as GitHub's "Update branch" does it:
 * the merge's tree is what git makes of its parents, with `files` written over it (none: just that).
 */
export async function mergeMainAsPerson(person: GitRepo, branch: string, files: Record<string, string>, who: Identity): Promise<void> {
  const [head, main] = [(await person.fetch("origin", branch))!, (await person.fetch("origin", "main"))!];
  const merged = (await person.run(["merge-tree", "--write-tree", head, main])).split("\n")[0]!;
  const tree = await person.writeTree(merged, writesOf(files));
  const env = { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email };
  const commit = (await person.run(["commit-tree", tree, "-p", head, "-p", main, "-m", `Merge branch 'main' into ${branch}`], { env })).trim();
  if ((await person.push("origin", commit, branch)) !== "pushed") throw new Error(`the push to ${branch} was rejected`);
}

function writesOf(files: Record<string, string>): FileWrite[] {
  return Object.entries(files).map(([path, content]) => ({ path, content, mode: "100644" }));
}

/** Required checks pending on every open pull request: auto-merge is recorded, not done. */
export function checksPending(fake: FakeGitHub): ReturnType<FakeGitHub["inject"]> {
  return fake.inject({
    operationId: "graphql",
    times: 100,
    beforeHandle: async () => {
      for (const pull of fake.pulls(OWNER, REPO)) if (pull.state === "open" && !pull.autoMerge) await fake.setMergeState(OWNER, REPO, pull.number, "BLOCKED");
    },
  });
}

/** A delivery's warnings, or those its failure carries, as `file: message` (the message alone when it names no file). */
export function warningsOf(outcome: DeliveryResult | DeliveryError): string[] {
  const warnings = outcome instanceof DeliveryError ? outcome.warnings : outcome.plan.warnings;
  return warnings.map((w) => (w.file ? `${w.file}: ${w.message}` : w.message));
}

/** A pull-request delivery on `prBranch` through the API, squash-merged as `merge` says (`more` overrides any of it). */
export function squashPullRequest(prBranch: string, merge: DeliveryOptions["merge"], more: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return { mode: "pull-request", prBranch, labels: [], reviewers: [], merge, mergeMethod: "squash", commitVia: "api", dryRun: false, ...more };
}

/** Someone other than gitops-promote who may push to the repository. */
export const mallory: Identity = { name: "Mallory", email: "mallory@evil.test" };
