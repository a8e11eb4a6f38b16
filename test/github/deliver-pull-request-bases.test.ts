/**
 * One pull-request branch serves one base. Runs promoting into main and into release-1 compute
 * the same `gitops-promote/<target>`: the second base's run leaves a branch whose pull request
 * into the first is open as it is (rebuilt, it would carry main's values into release-1 and
 * replace main's pull request's commit), and says to give that base its own branch; a dry run says
 * a run would stop there. Two first runs into the two bases creating the branch at once: the one
 * whose create is refused does not take the other's branch, whose pull request is not open yet.
 * A branch whose pull request into the other base is closed or merged is a leftover, as on one base.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { deliver, type CommitVia, type DeliveryContext, type DeliveryOptions, type DeliveryResult } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { checkout, cloneRepo, deployment, OWNER, pausesOnClock, REPO } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const API = "ghcr.io/acme/api";
const PR = "gitops-promote/staging";
const repository = { owner: OWNER, repo: REPO };
const request = (image: string) => ({ images: [image], setters: [], sets: [], paths: [] });
/** The pull-request branch is the target's default: no pr-branch. */
const into = (branch: string): DeliveryOptions => ({
  mode: "pull-request",
  branch,
  labels: [],
  reviewers: [],
  merge: "none",
  mergeMethod: "squash",
  commitVia: "api",
  dryRun: false,
});

/** A promise and what settles it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("deliver: runs into two bases on one target's pull-request branch", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const config = `targets:\n  - name: staging\n    paths: ["apps/**"]\n    images: [{ repository: ${APP} }, { repository: ${API} }]\n`;
    const { git } = await checkout(fake, {
      ".github/gitops-promote.yaml": config,
      "apps/app.yaml": deployment("app", `${APP}:1.0.0`),
      "apps/api.yaml": deployment("api", `${API}:2.0.0`),
    });
    // A release branch cut from main: the same target, the same default pull-request branch.
    await fake.commitFile(OWNER, REPO, "release-1", "RELEASE", "1\n", "cut release-1");
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository, client: () => client, log: () => undefined };
  });
  afterEach(() => fake.close());

  /** One run, in a fresh checkout of its own (as each workflow job has). */
  const run = async (image: string, base: string, commitVia: CommitVia = "api") =>
    deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake)) }, request(image), { ...into(base), commitVia });
  const pulls = () => fake.pulls(OWNER, REPO).map((p) => `#${p.number} ${p.head} -> ${p.base} ${p.merged ? "merged" : p.state}`);
  const branchHead = async () => (await fake.refs(OWNER, REPO))[`refs/heads/${PR}`];

  const refusal = () =>
    `${PR} is the branch of pull request #1 (${fake.url}/${OWNER}/${REPO}/pull/1) into main, and this run's base is release-1: ` +
    `a pull-request branch serves one base, and rebuilt on release-1 it would replace that pull request's commit. ` +
    `Give the runs into release-1 their own branch with pr-branch (or the target's delivery.branch), e.g. ${PR}-release-1; nothing was written to ${PR}`;

  it("release-1's run leaves main's open pull request and its branch as they are, and says to give release-1 its own branch", async () => {
    await run(`${APP}:2.0.0`, "main");
    const mains = await branchHead();

    await expect(run(`${API}:2.0.1`, "release-1")).rejects.toThrow(refusal());
    expect(await branchHead()).toBe(mains);
    expect(pulls()).toEqual([`#1 ${PR} -> main open`]);
    expect(await fake.readFile(OWNER, REPO, "release-1", "apps/app.yaml")).toContain(`${APP}:1.0.0`);
  });

  it("a dry run into release-1 says the run would stop at main's open pull request, in the run's words, and writes nothing", async () => {
    await run(`${APP}:2.0.0`, "main");
    const mains = await branchHead();
    const calls = fake.calls.length;

    const dry = await deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake)) }, request(`${API}:2.0.1`), { ...into("release-1"), dryRun: true });
    expect(dry.plan.warnings).toEqual([{ message: `dry run: a run would fail here: ${refusal()}` }]);
    expect(dry.landings.map((l) => [l.branch, l.openPullRequest])).toEqual([[PR, undefined]]);
    expect(fake.calls.slice(calls).filter((c) => c.method !== "GET" && c.operationId !== "git")).toEqual([]);
    expect(await branchHead()).toBe(mains);
    expect(pulls()).toEqual([`#1 ${PR} -> main open`]);
  });

  it("two first runs create the branch at once: release-1's, refused the create, reads the branch before main's pull request opens, and leaves it to main", async () => {
    const atCreate = signal();
    const go = signal();
    let main: Promise<DeliveryResult> | undefined;
    // Right before release-1's run creates the branch, main's run creates it, and stops right before it opens its pull request.
    fake.inject({
      operationId: "git/create-ref",
      beforeHandle: async () => {
        fake.inject({ operationId: "pulls/create", beforeHandle: async () => (atCreate.resolve(), await go.promise) });
        main = run(`${APP}:2.0.0`, "main");
        await atCreate.promise;
      },
    });
    // release-1's second pause (its first is the backoff after the refused create) lets main's run go on.
    let pauses = 0;
    const timing = pausesOnClock(async () => void (++pauses === 2 && (go.resolve(), await main)));
    const release = deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake)), ...timing }, request(`${API}:2.0.1`), into("release-1"));
    void release.catch(() => {}).finally(go.resolve);

    await expect(release).rejects.toThrow(refusal());
    expect((await main!).landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[PR, 1, "created"]]);
    expect(pulls()).toEqual([`#1 ${PR} -> main open`]);
    // main's pull request carries main's value alone, on main.
    expect(await fake.readFile(OWNER, REPO, PR, "apps/app.yaml")).toContain(`${APP}:2.0.0`);
    expect(await fake.readFile(OWNER, REPO, PR, "apps/api.yaml")).toContain(`${API}:2.0.0`);
    expect(await fake.readFile(OWNER, REPO, PR, "RELEASE")).toBeUndefined();
  });

  it.each(["api", "git"] as const)(
    "release-1 cut at main's head, two first runs create the branch at once (commit-via %s): release-1's reads main's run's commit, built on the very commit release-1 holds, before its pull request opens, and leaves it to main",
    async (commitVia) => {
      const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
      const mainHead = (await fake.refs(OWNER, REPO))["refs/heads/main"]!;
      await client.rest.git.updateRef({ ...repository, ref: "heads/release-1", sha: mainHead, force: true });
      const atCreate = signal();
      const go = signal();
      let main: Promise<DeliveryResult> | undefined;
      // Right before release-1's run creates the branch (a create-ref, or a push while the branch does not exist), main's
      // run creates it, and stops right before it opens its pull request.
      fake.inject({
        ...(commitVia === "api" ? { operationId: "git/create-ref" } : { method: "POST", path: /git-receive-pack$/ }),
        beforeHandle: async () => {
          fake.inject({ operationId: "pulls/create", beforeHandle: async () => (atCreate.resolve(), await go.promise) });
          main = run(`${APP}:2.0.0`, "main", commitVia);
          await atCreate.promise;
        },
      });
      // release-1's second pause (its first is the backoff after the refused create) lets main's run go on.
      let pauses = 0;
      const timing = pausesOnClock(async () => void (++pauses === 2 && (go.resolve(), await main)));
      const release = deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake)), ...timing }, request(`${API}:2.0.1`), { ...into("release-1"), commitVia });
      void release.catch(() => {}).finally(go.resolve);

      await expect(release).rejects.toThrow(refusal());
      expect((await main!).landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[PR, 1, "created"]]);
      expect(pulls()).toEqual([`#1 ${PR} -> main open`]);
      // main's pull request carries main's value alone; release-1 and its value are left out of it.
      expect(await fake.readFile(OWNER, REPO, PR, "apps/app.yaml")).toBe(deployment("app", `${APP}:2.0.0`));
      expect(await fake.readFile(OWNER, REPO, PR, "apps/api.yaml")).toBe(deployment("api", `${API}:2.0.0`));
      expect((await fake.refs(OWNER, REPO))["refs/heads/release-1"]).toBe(mainHead);
    },
  );

  it("a branch whose pull request into main was merged is a leftover: release-1's pull request is planned on release-1 alone", async () => {
    await run(`${APP}:2.0.0`, "main");
    await createClient({ token: fake.token, baseUrl: fake.apiUrl }).rest.pulls.merge({ ...repository, pull_number: 1, merge_method: "squash" });

    const result = await run(`${API}:2.0.1`, "release-1");
    expect(result.landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[PR, 2, "created"]]);
    expect(pulls()).toEqual([`#1 ${PR} -> main merged`, `#2 ${PR} -> release-1 open`]);
    // main's merged value stays on main: release-1's pull request proposes its own request alone.
    expect(await fake.readFile(OWNER, REPO, PR, "apps/app.yaml")).toContain(`${APP}:1.0.0`);
    expect(await fake.readFile(OWNER, REPO, PR, "apps/api.yaml")).toContain(`${API}:2.0.1`);
    expect(await fake.readFile(OWNER, REPO, PR, "RELEASE")).toBe("1\n");
  });
});
