/**
 * Two runs updating one pull request at about the same time: B builds on the commit A pushed,
 * and A writes the body after its push. Whatever the order of the writes, the body ends with
 * every run's rows: B's body waits for A's, whose rows it carries, and lands after it.
 * The order is forced by holding a request of one run until the other gets somewhere.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext, type DeliveryOptions, type DeliveryResult } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { REOPEN_GRACE_MS } from "../../src/github/pull-request.js";
import type { MergeMode } from "../../src/engine/config.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { checkout, cloneRepo, deployment, OWNER, pausesOnClock, REPO } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const API = "ghcr.io/acme/api";
const DB = "ghcr.io/acme/db";
const PR = "gitops-promote/release";
const options: DeliveryOptions = {
  mode: "pull-request",
  prBranch: PR,
  labels: [],
  reviewers: [],
  merge: "none",
  mergeMethod: "merge",
  commitVia: "api",
  dryRun: false,
};

/** A promise and what settles it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("deliver: concurrent runs on one pull request keep every run's rows in its body", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    await checkout(fake, {
      ".github/gitops-promote.yaml": `targets:\n  - name: release\n    paths: ["**"]\n    images: [{ repository: ${APP} }, { repository: ${API} }, { repository: ${DB} }]\n`,
      "apps/app.yaml": deployment("app", `${APP}:1.0.0`),
      "apps/api.yaml": deployment("api", `${API}:2.0.0`),
      "apps/db.yaml": deployment("db", `${DB}:3.0.0`),
    });
  });
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  /** A run's context: its own checkout and client, as each workflow job has. */
  async function runContext(pause?: (ms: number) => Promise<void>): Promise<DeliveryContext> {
    const git = new GitRepo(await cloneRepo(fake, { shallow: true }));
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    return { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => {}, ...pausesOnClock(pause) };
  }
  const apiCalls = (calls: FakeGitHub["calls"]) => calls.filter((c) => c.operationId !== "git").map((c) => c.operationId);
  const run = async (ctx: DeliveryContext, image: string, merge: MergeMode = "none") =>
    deliver(ctx, { images: [image], setters: [], sets: [], paths: [] }, { ...options, merge });
  const images = () =>
    (fake.pulls(OWNER, REPO)[0]?.body ?? "")
      .split("\n")
      .filter((l) => l.startsWith("| release | <code>apps/"))
      .map((l) => l.split(" | ")[4]);

  /**
   * Run A (API 2.0.1) until its body write (`write`), which waits; `letA` lets it write and
   * finish. Run B (DB 3.0.1) then builds on A's commit.
   */
  async function aHeldAtItsBody(write: "pulls/update" | "pulls/create", merge: MergeMode = "none"): Promise<() => Promise<void>> {
    const atBody = signal();
    const release = signal();
    fake.inject({ operationId: write, beforeHandle: async () => (atBody.resolve(), await release.promise) });
    const a = run(await runContext(), `${API}:2.0.1`, merge);
    await atBody.promise;
    return async () => (release.resolve(), void (await a));
  }

  it("one run after another: no wait, the calls of an update as before", async () => {
    await run(await runContext(), `${APP}:1.1.0`);
    const before = fake.calls.length;
    await run(await runContext(), `${API}:2.0.1`);
    expect(apiCalls(fake.calls.slice(before))).toEqual(["pulls/list", "git/create-tree", "git/create-commit", "graphql", "graphql", "pulls/update"]);
    expect(images()).toEqual([`<code>${API}:2.0.1</code>`, `<code>${APP}:1.1.0</code>`]);
  });

  it("nothing to wait for on a branch with a person's commit on top", async () => {
    await run(await runContext(), `${APP}:1.1.0`);
    await fake.commitFile(OWNER, REPO, PR, "notes.md", "why\n");
    const before = fake.calls.length;
    await run(await runContext(), `${API}:2.0.1`);
    expect(apiCalls(fake.calls.slice(before)).filter((id) => id === "pulls/list")).toHaveLength(1);
  });

  it("nothing to wait for on a branch a person replaced by one commit of theirs on main (a force push)", async () => {
    await run(await runContext(), `${APP}:1.1.0`);
    const theirs = await fake.commitFile(OWNER, REPO, "elsewhere", "apps/app.yaml", deployment("app", `${APP}:1.1.1`), "a person's version");
    await createClient({ token: fake.token, baseUrl: fake.apiUrl }).rest.git.updateRef({
      owner: OWNER,
      repo: REPO,
      ref: `heads/${PR}`,
      sha: theirs,
      force: true,
    });
    const pauses: number[] = [];
    const before = fake.calls.length;
    await run(await runContext(async (ms) => void pauses.push(ms)), `${API}:2.0.1`);
    expect(pauses).toEqual([]);
    expect(apiCalls(fake.calls.slice(before)).filter((id) => id === "pulls/list")).toHaveLength(1);
  });

  it("a run that pushed but never wrote its body is waited for a bounded time; its file is then named without its rows", async () => {
    await run(await runContext(), `${APP}:1.1.0`);
    fake.inject({ operationId: "pulls/update", status: 422, body: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" } });
    await expect(run(await runContext(), `${API}:2.0.1`)).rejects.toThrow();
    const pauses: number[] = [];
    const logged: string[] = [];
    const ctx = await runContext(async (ms) => void pauses.push(ms));
    await deliver({ ...ctx, log: (m) => logged.push(m) }, { images: [`${DB}:3.0.1`], setters: [], sets: [], paths: [] }, options);
    expect(pauses).toEqual([250, 500, 1000, 2000, 4000, 8000]);
    expect(logged.join("\n")).toMatch(/no pull request body tells [0-9a-f]{40} yet/);
    expect(images()).toEqual([`<code>${APP}:1.1.0</code>`, `<code>${DB}:3.0.1</code>`]);
    expect(fake.pulls(OWNER, REPO)[0]!.body).toContain("Also on this branch, from its earlier commits: <code>apps/api.yaml</code>.");
  });

  it("A pushes, B pushes, B writes, A writes: B's write waits for A's, and carries A's rows", async () => {
    await run(await runContext(), `${APP}:1.1.0`);
    const letA = await aHeldAtItsBody("pulls/update");
    // B's pause, waiting for A's body, is when A writes it.
    await run(await runContext(letA), `${DB}:3.0.1`);
    await letA();
    expect(images()).toEqual([`<code>${API}:2.0.1</code>`, `<code>${APP}:1.1.0</code>`, `<code>${DB}:3.0.1</code>`]);
    expect(fake.pulls(OWNER, REPO)[0]!.body).not.toContain("Also on this branch");
  });

  it("B reads the body before A writes it and pushes after: B's body carries A's rows", async () => {
    await run(await runContext(), `${APP}:1.1.0`);
    const letA = await aHeldAtItsBody("pulls/update");
    // B's push (its GraphQL ref update) waits until A is done.
    fake.inject({ operationId: "graphql", beforeHandle: letA });
    await run(await runContext(), `${DB}:3.0.1`);
    expect(images()).toEqual([`<code>${API}:2.0.1</code>`, `<code>${APP}:1.1.0</code>`, `<code>${DB}:3.0.1</code>`]);
    expect(fake.pulls(OWNER, REPO)[0]!.body).not.toContain("Also on this branch");
  });

  it("B builds on A's new branch before A opened its pull request: B updates A's pull request with both rows", async () => {
    const letA = await aHeldAtItsBody("pulls/create");
    await run(await runContext(letA), `${DB}:3.0.1`);
    await letA();
    expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
    expect(images()).toEqual([`<code>${API}:2.0.1</code>`, `<code>${DB}:3.0.1</code>`]);
    expect(fake.pulls(OWNER, REPO)[0]!.body).not.toContain("Also on this branch");
  });

  /** `then` runs at B's first look for A's body (B's second pull-request lookup), before GitHub answers it. */
  function atBsFirstLook(then: () => Promise<void>): void {
    let looks = 0;
    fake.inject({ operationId: "pulls/list", times: 2, beforeHandle: async () => void (++looks === 2 && (await then())) });
  }

  it("B builds on A's branch, which A then opens and merges before B looks for its body: B opens no second pull request on the leftover", async () => {
    const letA = await aHeldAtItsBody("pulls/create", "immediate");
    atBsFirstLook(letA);
    // The same value as A's (a second dispatch of one build): B's rebuild is A's commit, left as it is.
    const b = await run(await runContext(), `${API}:2.0.1`, "immediate");
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.merged])).toEqual([[1, true]]);
    expect(b).toMatchObject({ changed: false, landings: [], attempts: 2 });
  });

  it("B, with a body of its own (no wait), finds A's pull request merged right before it would open one: it opens none on the leftover", async () => {
    const letA = await aHeldAtItsBody("pulls/create", "immediate");
    atBsFirstLook(letA);
    const b = await deliver(
      await runContext(),
      { images: [`${API}:2.0.1`], setters: [], sets: [], paths: [] },
      { ...options, merge: "immediate", body: "Deploys." },
    );
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.merged])).toEqual([[1, true]]);
    expect(b).toMatchObject({ changed: false, landings: [], attempts: 2 });
  });

  it("B's commit on A's branch, whose pull request a person closes before B looks for its body: B opens one without the closed pull request's value", async () => {
    const letA = await aHeldAtItsBody("pulls/create");
    atBsFirstLook(async () => {
      await letA();
      await createClient({ token: fake.token, baseUrl: fake.apiUrl }).rest.pulls.update({ owner: OWNER, repo: REPO, pull_number: 1, state: "closed" });
    });
    const b = await run(await runContext(), `${DB}:3.0.1`);
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.state])).toEqual([
      [1, "closed"],
      [2, "open"],
    ]);
    expect(b.landings.map((l) => l.pullRequest?.number)).toEqual([2]);
    expect(await fake.readFile(OWNER, REPO, PR, "apps/api.yaml")).toContain(`${API}:2.0.0`);
    expect(await fake.readFile(OWNER, REPO, PR, "apps/db.yaml")).toContain(`${DB}:3.0.1`);
  });

  it("a run whose rebuild is the commit another run pushed lands on that run's pull request, and claims no commit of its own", async () => {
    const letA = await aHeldAtItsBody("pulls/create");
    const b = await run(await runContext(letA), `${API}:2.0.1`);
    const [a1] = await fake.log(OWNER, REPO, PR);
    expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
    expect(b.landings).toHaveLength(1);
    expect(b.landings[0]).toMatchObject({ pullRequest: { number: 1 }, head: a1!.sha });
    expect(b.landings[0]!.commit).toBeUndefined();
  });

  it("X's commit, carried on by Y's before X opened a pull request, reaches main when Y merges: X tells Y's pull request, merged", async () => {
    // The branch is left over from a pull request merged before: not the one that carries X's commit.
    await run(await runContext(), `${APP}:1.0.1`, "immediate");
    // A's create waits until the end: A's commit, then X's, are carried on by Y's.
    const atCreate = signal();
    const letA = signal();
    fake.inject({ operationId: "pulls/create", beforeHandle: async () => (atCreate.resolve(), await letA.promise) });
    const a = run(await runContext(), `${API}:2.0.1`);
    await atCreate.promise;
    let y: Promise<DeliveryResult> | undefined;
    // X's first pause waiting for A's body (not the one before it takes A's branch, which no pull request holds yet): Y
    // builds on X's commit, opens a pull request with it and merges it.
    const atBodyWait = async (ms: number) => void (ms !== REOPEN_GRACE_MS && (await (y ??= run(await runContext(), `${APP}:1.1.0`, "immediate"))));
    const x = await run(await runContext(atBodyWait), `${DB}:3.0.1`);
    letA.resolve();
    const byA = await a;
    const [, merged] = fake.pulls(OWNER, REPO);
    expect(fake.pulls(OWNER, REPO)).toHaveLength(2);
    expect(merged).toMatchObject({ number: 2, merged: true });
    expect(await fake.readFile(OWNER, REPO, "main", "apps/api.yaml")).toContain(`${API}:2.0.1`);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/db.yaml")).toContain(`${DB}:3.0.1`);
    expect((await y!).landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.merge])).toEqual([[2, "created", "merged"]]);
    for (const [result, file] of [
      [x, "apps/db.yaml"],
      [byA, "apps/api.yaml"],
    ] as const) {
      expect(result.changed).toBe(true);
      expect(result.attempts).toBe(2);
      expect(result.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.merge, l.head, l.commit])).toEqual([
        [2, "none", "merged", merged!.headSha, undefined],
      ]);
      expect(result.plan.files.map((f) => f.path)).toEqual([file]);
    }
  });

  it("A's merge finds the pull request merged by B, whose commit carried A's value on: A tells it merged, not left unmerged", async () => {
    let b: Promise<DeliveryResult> | undefined;
    fake.inject({ operationId: "pulls/merge", beforeHandle: async () => void (await (b = run(await runContext(), `${DB}:3.0.1`, "immediate"))) });
    const a = await run(await runContext(), `${API}:2.0.1`, "immediate");
    expect((await b!).landings.map((l) => [l.pullRequest?.number, l.merge])).toEqual([[1, "merged"]]);
    expect(a.attempts).toBe(2);
    expect(a.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.merge])).toEqual([[1, "created", "merged"]]);
  });
});
