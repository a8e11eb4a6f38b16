/**
 * A pull request that merges (its checks pass) or closes while a run is updating it: the run read
 * it open, but its commit reaches a branch nothing will bring to the base any more. The run must
 * not report the update; it plans again on the base as it is now and opens a new pull request.
 * And a pull request that merged after the run read the base: the new one starts from the new base.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { deliver, type CommitVia, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { checkout, cloneRepo, deployment, OWNER, pausesOnClock, REPO } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const API = "ghcr.io/acme/api";
const PR = "gitops-promote/release";
const request = (...images: string[]) => ({ images, setters: [], sets: [], paths: [] });
const auto: DeliveryOptions = {
  mode: "pull-request",
  prBranch: PR,
  labels: [],
  reviewers: [],
  merge: "auto",
  mergeMethod: "squash",
  commitVia: "api",
  dryRun: false,
};
const repository = { owner: OWNER, repo: REPO };

describe("deliver: the pull request merges or closes while a run updates it", () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  let logged: string[];
  /** Runs once, at the next GraphQL request (a run's first is the one before its ref swap). */
  let atGraphql: (() => Promise<unknown>) | undefined;
  beforeEach(async () => {
    logged = [];
    atGraphql = undefined;
    fake = await startFakeGitHub();
    const config = `targets:\n  - name: release\n    paths: ["**"]\n    images:\n      - { repository: ${APP}, policy: { semver: { range: ">=1.0.0" } } }\n      - { repository: ${API} }\n`;
    await checkout(fake, {
      ".github/gitops-promote.yaml": config,
      "apps/app.yaml": deployment("app", `${APP}:1.0.0`),
      "apps/api.yaml": deployment("api", `${API}:2.0.0`),
    });
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    // Required checks pending on every pull request: GitHub records auto-merge instead of merging at once.
    fake.inject({
      operationId: "graphql",
      times: 1000,
      beforeHandle: async () => {
        const then = atGraphql;
        atGraphql = undefined;
        await then?.();
        for (const p of fake.pulls(OWNER, REPO))
          if (p.state === "open" && p.mergeStateStatus !== "BLOCKED") await fake.setMergeState(OWNER, REPO, p.number, "BLOCKED");
      },
    });
  });
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  /** One run, in a fresh shallow checkout of its own (as each workflow job has). */
  const run = async (images: string[], options: Partial<DeliveryOptions> = {}) => {
    const ctx: DeliveryContext = {
      git: new GitRepo(await cloneRepo(fake, { shallow: true })),
      remote: "origin",
      repository,
      client: () => client,
      log: (m) => logged.push(m),
      ...pausesOnClock(),
    };
    return deliver(ctx, request(...images), { ...auto, ...options });
  };
  const image = async (ref: string, file: string) => /image: (\S+)/.exec((await fake.readFile(OWNER, REPO, ref, `apps/${file}.yaml`)) ?? "")?.[1];
  const pulls = () =>
    fake.pulls(OWNER, REPO).map((p) => `#${p.number} ${p.merged ? "merged" : p.state}${p.state === "open" && p.autoMerge ? ", auto-merge" : ""}`);
  /** Runs `then` once, right before the next run's first write of the pull-request branch (its ref swap, or its push). */
  const beforeBranchMove = (via: CommitVia, then: () => Promise<unknown>) => {
    if (via === "git") fake.inject({ method: "POST", path: /git-receive-pack$/, beforeHandle: async () => void (await then()) });
    else atGraphql = then;
  };
  const mergeFirst = async () => void (await fake.completeAutoMerge(OWNER, REPO, 1));
  const closeFirst = async () => void (await client.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" }));

  it.each(["api", "git"] as const)(
    "merged right before the run moves its branch (commit-via %s): not reported as updated; its image goes to a new pull request on the new base",
    async (commitVia) => {
      await run([`${APP}:1.1.0`], { commitVia });
      const [opened] = fake.pulls(OWNER, REPO);
      beforeBranchMove(commitVia, mergeFirst);

      const result = await run([`${API}:2.0.1`], { commitVia });
      expect(pulls()).toEqual(["#1 merged", "#2 open, auto-merge"]);
      expect(result.landings).toMatchObject([{ branch: PR, pullRequest: { number: 2, operation: "created" }, merge: "auto-merge" }]);
      expect(result.attempts).toBe(2);
      const stranded = /^attempt 1: pull request #1 was merged before this run's commit ([0-9a-f]{40}) reached gitops-promote\/release; /m.exec(
        logged.join("\n"),
      );
      expect(stranded).not.toBeNull();
      expect(logged).toContain(
        `${PR} holds ${stranded![1]}, the head this run left on it when its pull request was merged or closed: its values do not count, it is replaced by a branch planned on main alone`,
      );
      // The new pull request starts from main with #1 merged in, and carries this run's image.
      const [main] = await fake.log(OWNER, REPO, "main");
      const [head] = await fake.log(OWNER, REPO, PR);
      expect(head!.parents).toEqual([main!.sha]);
      expect([await image("main", "app"), await image("main", "api")]).toEqual([`${APP}:1.1.0`, `${API}:2.0.0`]);
      expect([await image(PR, "app"), await image(PR, "api")]).toEqual([`${APP}:1.1.0`, `${API}:2.0.1`]);
      const [first, second] = fake.pulls(OWNER, REPO);
      expect(second!.title).toBe(`chore(deploy): ${API} 2.0.0 -> 2.0.1`);
      // The merged pull request keeps the text of what it merged.
      expect([first!.title, first!.body]).toEqual([opened!.title, opened!.body]);
    },
  );

  it("merged right after the run's push, before it updates the text: merged with this run's commit, reported so", async () => {
    await run([`${APP}:1.1.0`]);
    fake.inject({ operationId: "pulls/update", beforeHandle: mergeFirst });

    const result = await run([`${API}:2.0.1`]);
    expect(pulls()).toEqual(["#1 merged"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 1, operation: "updated", merged: true }, merge: "merged" }]);
    expect(result.attempts).toBe(1);
    expect([await image("main", "app"), await image("main", "api")]).toEqual([`${APP}:1.1.0`, `${API}:2.0.1`]);
    expect(fake.calls.filter((c) => /enablePullRequestAutoMerge/.test(JSON.stringify(c.body)))).toHaveLength(1); // the first run's
  });

  /** Runs `then` once, after the run's next text update of a pull request, before its next GraphQL request (turning auto-merge on). */
  const afterTextUpdate = (then: () => Promise<unknown>) => fake.inject({ operationId: "pulls/update", beforeHandle: () => void (atGraphql = then) });

  it("merged after the run's update, before it turns auto-merge on: GitHub refuses auto-merge; reported merged with this run's commit", async () => {
    await run([`${APP}:1.1.0`], { merge: "none" });
    afterTextUpdate(async () => {
      await fake.setMergeState(OWNER, REPO, 1, "CLEAN");
      await client.rest.pulls.merge({ ...repository, pull_number: 1 });
    });

    const result = await run([`${API}:2.0.1`]);
    expect(pulls()).toEqual(["#1 merged"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 1, operation: "updated" }, merge: "merged" }]);
    expect(result.attempts).toBe(1);
    expect([await image("main", "app"), await image("main", "api")]).toEqual([`${APP}:1.1.0`, `${API}:2.0.1`]);
    expect(JSON.stringify(fake.calls.find((c) => /enablePullRequestAutoMerge/.test(JSON.stringify(c.body)))?.response)).toContain("is closed");
  });

  it("closed by a person after the run's update, before it turns auto-merge on: it gets its text back, its image goes to a new pull request", async () => {
    await run([`${APP}:1.1.0`], { merge: "none" });
    const [opened] = fake.pulls(OWNER, REPO);
    afterTextUpdate(() => client.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" }));

    const result = await run([`${API}:2.0.1`]);
    expect(pulls()).toEqual(["#1 closed", "#2 open, auto-merge"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 2, operation: "created" }, merge: "auto-merge" }]);
    expect(result.attempts).toBe(2);
    expect(logged.some((m) => /^attempt 1: pull request #1 was closed before this run turned its auto-merge on/.test(m))).toBe(true);
    expect([await image(PR, "app"), await image(PR, "api")]).toEqual([`${APP}:1.0.0`, `${API}:2.0.1`]);
    // The closed pull request tells the values it held, not this run's, which it never carried.
    const [first] = fake.pulls(OWNER, REPO);
    expect([first!.title, first!.body]).toEqual([opened!.title, opened!.body]);
  });

  it("merge immediate, closed by a person after the run's update, before it merges: it gets its text back, its image goes to a new pull request", async () => {
    await run([`${APP}:1.1.0`], { merge: "none" });
    const [opened] = fake.pulls(OWNER, REPO);
    fake.inject({ operationId: "pulls/update", beforeHandle: () => void fake.inject({ operationId: "pulls/merge", beforeHandle: closeFirst }) });

    const result = await run([`${API}:2.0.1`], { merge: "immediate" });
    expect(pulls()).toEqual(["#1 closed", "#2 merged"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 2, operation: "created" }, merge: "merged" }]);
    expect(result.attempts).toBe(2);
    expect(logged.some((m) => /^attempt 1: pull request #1 was closed before this run merged it/.test(m))).toBe(true);
    // The closed pull request's value never lands: main gets this run's image only.
    expect([await image("main", "app"), await image("main", "api")]).toEqual([`${APP}:1.0.0`, `${API}:2.0.1`]);
    const [first] = fake.pulls(OWNER, REPO);
    expect([first!.title, first!.body]).toEqual([opened!.title, opened!.body]);
  });

  it("merged by a person at a commit of theirs after the run's update, before it turns auto-merge on: it gets its text back", async () => {
    await run([`${APP}:1.1.0`], { merge: "none" });
    const [opened] = fake.pulls(OWNER, REPO);
    afterTextUpdate(async () => {
      await fake.commitFile(OWNER, REPO, PR, "notes.md", "why\n", "a person's note");
      await fake.setMergeState(OWNER, REPO, 1, "CLEAN");
      await client.rest.pulls.merge({ ...repository, pull_number: 1 });
    });

    await run([`${API}:2.0.1`]);
    expect(logged.some((m) => /^attempt 1: pull request #1 was merged before this run turned its auto-merge on/.test(m))).toBe(true);
    const [first] = fake.pulls(OWNER, REPO);
    expect(first!.merged).toBe(true);
    expect([first!.title, first!.body]).toEqual([opened!.title, opened!.body]);
  });

  it("closed by a person right before the run moves its branch: the closed pull request's change is not carried into the new one", async () => {
    await run([`${APP}:1.1.0`]);
    const [opened] = fake.pulls(OWNER, REPO);
    beforeBranchMove("api", () => client.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" }));

    const result = await run([`${API}:2.0.1`]);
    expect(pulls()).toEqual(["#1 closed", "#2 open, auto-merge"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 2, operation: "created" } }]);
    expect(logged.some((m) => m.startsWith("attempt 1: pull request #1 was closed before this run's commit"))).toBe(true);
    expect([await image(PR, "app"), await image(PR, "api")]).toEqual([`${APP}:1.0.0`, `${API}:2.0.1`]);
    const [first] = fake.pulls(OWNER, REPO);
    expect([first!.title, first!.body]).toEqual([opened!.title, opened!.body]);
  });

  it("closed by a person at a commit of theirs, right before the run moves its branch: the closed pull request gets its text back", async () => {
    await run([`${APP}:1.1.0`]);
    const person = await fake.commitFile(OWNER, REPO, PR, "notes.md", "why\n", "a person's note");
    const [opened] = fake.pulls(OWNER, REPO);
    beforeBranchMove("api", () => client.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" }));

    await run([`${API}:2.0.1`]);
    const [closed] = fake.pulls(OWNER, REPO);
    expect([closed!.state, closed!.headSha]).toEqual(["closed", person]);
    // Its body describes the commit before the person's, not the head it closed at: it is given back all the same.
    expect([closed!.title, closed!.body]).toEqual([opened!.title, opened!.body]);
  });

  it("merged after the run read main, before it looked for the pull request: the new pull request is planned on main as it is now", async () => {
    await run([`${APP}:1.1.0`]);
    fake.inject({ operationId: "pulls/list", beforeHandle: mergeFirst });

    const result = await run([`${APP}:1.2.0`]);
    expect(pulls()).toEqual(["#1 merged", "#2 open, auto-merge"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 2, operation: "created" } }]);
    expect(logged).toContain(`${PR} is left over from pull request #1, merged since, and main moved since this attempt read it`);
    const [main] = await fake.log(OWNER, REPO, "main");
    const [head] = await fake.log(OWNER, REPO, PR);
    expect(head!.parents).toEqual([main!.sha]);
    expect(fake.pulls(OWNER, REPO)[1]!.title).toBe(`chore(deploy): ${APP} 1.1.0 -> 1.2.0`);
    expect(result.plan.changes.map((c) => [c.old, c.new])).toEqual([[`${APP}:1.1.0`, `${APP}:1.2.0`]]);
  });

  it("closed while the run only rewrote its text (another run's commit on the branch): the commit is not called this run's", async () => {
    const theirs = await fake.commitFile(OWNER, REPO, PR, "apps/app.yaml", deployment("app", `${APP}:1.1.0`), "another run's commit");
    // The other run opens its pull request right before this run's, which then updates it; a person closes it meanwhile.
    fake.inject({
      operationId: "pulls/create",
      beforeHandle: async () => void (await client.rest.pulls.create({ ...repository, base: "main", head: PR, title: "theirs" })),
    });
    fake.inject({
      operationId: "pulls/update",
      beforeHandle: async () => void (await client.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" })),
    });

    const result = await run([`${APP}:1.1.0`], { merge: "none" });
    expect(logged.some((m) => m.startsWith(`attempt 1: pull request #1 was closed while this run updated it (${PR} at ${theirs}); planning again`))).toBe(true);
    expect(logged.join("\n")).not.toContain("this run's commit");
    expect(pulls()).toEqual(["#1 closed", "#2 open"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 2, operation: "created" } }]);
  });

  it("a branch with no pull request open that holds a newer value in one file: that file is not told as this run's change, the policy's reason is", async () => {
    await fake.commitFile(OWNER, REPO, "main", "apps/canary.yaml", deployment("canary", `${APP}:1.0.0`));
    await fake.commitFiles(
      OWNER,
      REPO,
      PR,
      { "apps/app.yaml": deployment("app", `${APP}:1.1.0`), "apps/canary.yaml": deployment("canary", `${APP}:1.2.0`) },
      "another run's commit",
    );

    const result = await run([`${APP}:1.1.0`], { merge: "none" });
    expect(pulls()).toEqual(["#1 open"]);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 1, operation: "created" } }]);
    expect(result.plan.changes.map((c) => [c.file, c.old, c.new])).toEqual([["apps/app.yaml", `${APP}:1.0.0`, `${APP}:1.1.0`]]);
    expect(result.plan.warnings).toContainEqual({
      file: "apps/canary.yaml",
      line: 10,
      message:
        "spec.template.spec.containers[0].image keeps 1.2.0, which its policy (semver >=1.0.0) ranks above the incoming 1.1.0 (allow-downgrade sets it anyway)",
    });
    const [pull] = fake.pulls(OWNER, REPO);
    expect(pull!.body).toContain(`| <code>${APP}:1.0.0</code> | <code>${APP}:1.1.0</code> |`);
    expect(pull!.body).not.toContain(`| <code>apps/canary.yaml`);
    expect(pull!.body).toContain("Also on this branch, from its earlier commits: <code>apps/canary.yaml</code>.");
    expect(await image(PR, "canary")).toBe(`${APP}:1.2.0`);
  });

  it("a branch with no pull request open that holds newer values in every file: the pull request opened for it names the branch, not '0 image fields'", async () => {
    await fake.commitFile(OWNER, REPO, PR, "apps/app.yaml", deployment("app", `${APP}:1.2.0`), "another run's commit");
    // main moved since: the branch is rebuilt on it, with a commit message of this run's.
    await fake.commitFile(OWNER, REPO, "main", "notes.md", "why\n");

    const result = await run([`${APP}:1.1.0`], { merge: "none" });
    expect(pulls()).toEqual(["#1 open"]);
    expect(result.landings).toMatchObject([{ files: [], changes: [], pullRequest: { number: 1, operation: "created" } }]);
    expect(result.plan.warnings.map((w) => w.file)).toContain("apps/app.yaml");
    const [pull] = fake.pulls(OWNER, REPO);
    expect(pull!.title).toBe(`chore(deploy): carry the values on ${PR}`);
    expect(pull!.body).not.toContain("| File |");
    expect(pull!.body).toContain("On this branch, from its earlier commits: <code>apps/app.yaml</code>.");
    expect(await image(PR, "app")).toBe(`${APP}:1.2.0`);
    const [head] = await fake.log(OWNER, REPO, PR);
    expect(head!.message.split("\n\n")[0]).toBe(`chore(deploy): carry the values on ${PR}`);
  });

  it("a branch carrying the values with no pull request open (its run failed before opening one): a pull request is opened for it", async () => {
    await fake.commitFile(OWNER, REPO, PR, "apps/app.yaml", deployment("app", `${APP}:1.1.0`), "another run's commit");

    const result = await run([`${APP}:1.1.0`], { merge: "none" });
    expect(pulls()).toEqual(["#1 open"]);
    expect(result.changed).toBe(true);
    expect(result.landings).toMatchObject([{ pullRequest: { number: 1, operation: "created" } }]);
    const [pull] = fake.pulls(OWNER, REPO);
    expect(pull!.title).toBe(`chore(deploy): ${APP} 1.0.0 -> 1.1.0`);
    expect(pull!.body).toContain(`| <code>${APP}:1.0.0</code> | <code>${APP}:1.1.0</code> |`);
  });
});
