import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { BOT, deliver, DeliveryError, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { GitRepo, type Identity } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { checkout, cloneRepo, deployment, OWNER, pausesOnClock, REPO, warningsOf } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const request = (image: string) => ({ images: [image], setters: [], sets: [], paths: [] });
const push: DeliveryOptions = { mode: "push", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "api", dryRun: false };

describe("deliver: optimistic concurrency", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let logged: string[];
  let pauses: number[];
  beforeEach(async () => {
    logged = [];
    pauses = [];
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`) });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = {
      git,
      remote: "origin",
      repository: { owner: OWNER, repo: REPO },
      client: () => client,
      log: (m) => logged.push(m),
      ...pausesOnClock((ms) => void pauses.push(ms)),
    };
  });
  afterEach(() => fake.close());

  /** Someone else commits to main right before each of our ref updates (or pushes). */
  const keepMovingMain = (operationId: string, path?: string) => {
    let n = 0;
    return fake.inject({
      ...(path ? { path } : { operationId }),
      times: 100,
      beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, "main", `other-${n++}.yaml`, "x: 1\n")),
    });
  };

  it("gives up once it has tried for five minutes, with a clear error, having forced nothing", async () => {
    keepMovingMain("git/update-ref");
    // Slow attempts: each pause and the attempt after it take a minute.
    let clock = 0;
    const slow = { ...ctx, sleep: async (ms: number) => void (pauses.push(ms), (clock += 60_000)), now: () => clock };
    await expect(deliver(slow, request(`${APP}:1.1.0`), push)).rejects.toThrow(/^gave up after 6 attempts in 300 s: main kept moving/);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.0.0`);
    const log = await fake.log(OWNER, REPO, "main");
    expect(log).toHaveLength(7); // the initial commit and the six that beat us
    expect(log.some((c) => c.message.startsWith("chore(deploy)"))).toBe(false);
    expect(fake.calls.filter((c) => c.operationId === "git/update-ref").every((c) => (c.body as { force?: boolean }).force === false)).toBe(true);
    expect(pauses).toHaveLength(5);
    expect(logged.filter((m) => /moved since this attempt read it/.test(m))).toHaveLength(5);
  });

  it("gives up before a pause would take it past its time, not after it", async () => {
    keepMovingMain("git/update-ref");
    let clock = 0;
    const timed = { ...ctx, sleep: async (ms: number) => void (pauses.push(ms), (clock += ms)), now: () => clock };
    await expect(deliver(timed, request(`${APP}:1.1.0`), { ...push, retryFor: 2000 })).rejects.toThrow(
      /^gave up after \d+ attempts in \d+ s: main kept moving/,
    );
    expect(pauses.length).toBeGreaterThan(0);
    expect(clock).toBeLessThan(2000);
  });

  it("a context that sets its pauses sets the clock they move too (tsc): pauses taking no time would retry on the wall clock for five minutes", () => {
    const { git, remote, repository, client, log } = ctx;
    // @ts-expect-error: a pause without its clock
    const untimed: DeliveryContext = { git, remote, repository, client, log, sleep: async () => {} };
    const timed: DeliveryContext = { git, remote, repository, client, log, ...pausesOnClock() };
    expect([untimed.now, timed.now?.()]).toEqual([undefined, 0]);
  });

  it("backs off with growing, jittered pauses and lands once the branch holds still", async () => {
    const fault = keepMovingMain("git/update-ref");
    let calls = 0;
    const stop = fake.inject({ operationId: "git/create-tree", times: 100, beforeHandle: () => void (++calls === 4 && fault.cancel()) });
    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);
    stop.cancel();
    expect(result.attempts).toBe(4);
    expect(pauses).toHaveLength(3);
    expect(pauses.every((p, i) => p >= 0 && p <= 250 * 2 ** i)).toBe(true);
    const log = await fake.log(OWNER, REPO, "main");
    expect(log[0]!.sha).toBe(result.landings[0]!.commit);
    expect(log[0]!.parents).toEqual([log[1]!.sha]);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
  });

  it("however many runs beat it, it keeps trying while within five minutes: no fixed number of attempts", async () => {
    const fault = keepMovingMain("git/update-ref");
    let calls = 0;
    const stop = fake.inject({ operationId: "git/create-tree", times: 100, beforeHandle: () => void (++calls === 15 && fault.cancel()) });
    let clock = 0;
    const timed = { ...ctx, sleep: async (ms: number) => void (pauses.push(ms), (clock += ms)), now: () => clock };
    const result = await deliver(timed, request(`${APP}:1.1.0`), push);
    stop.cancel();
    expect(result.attempts).toBe(15);
    expect(pauses.every((p) => p <= 5000)).toBe(true);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
    expect(await fake.log(OWNER, REPO, "main")).toHaveLength(16); // the initial commit, the fourteen that beat us, ours
  });

  it("commit-via api: a base that moved while the attempt planned costs no tree or commit: asked by git first, it plans again", async () => {
    let moved = false;
    const git = Object.assign(Object.create(ctx.git) as GitRepo, {
      remoteBranch: async (...args: Parameters<GitRepo["remoteBranch"]>) => {
        if (!moved) moved = !!(await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n"));
        return ctx.git.remoteBranch(...args);
      },
    });
    const result = await deliver({ ...ctx, git }, request(`${APP}:1.1.0`), push);
    expect(result.attempts).toBe(2);
    // The landing attempt's calls only, as many as one run alone makes.
    expect(fake.calls.filter((c) => c.operationId !== "git").map((c) => c.operationId)).toEqual([
      "git/create-tree",
      "git/create-commit",
      "git/get-ref",
      "git/update-ref",
    ]);
    expect(await fake.readFile(OWNER, REPO, "main", "other.yaml")).toBe("x: 1\n");
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
  });

  it("commit-via git: a base force-pushed back under the run stays rewound: the run plans again on it", async () => {
    const initial = (await fake.log(OWNER, REPO, "main"))[0]!.sha;
    await fake.commitFile(OWNER, REPO, "main", "bad.yaml", "x: 1\n");
    const client = ctx.client();
    // A person rewinds main after the run planned on it, before its push asks the server where main is.
    let rewound = false;
    const git = Object.assign(Object.create(ctx.git) as GitRepo, {
      push: async (...args: Parameters<GitRepo["push"]>) => {
        if (!rewound) await client.rest.git.updateRef({ owner: OWNER, repo: REPO, ref: "heads/main", sha: initial, force: true });
        rewound = true;
        return ctx.git.push(...args);
      },
    });
    const result = await deliver({ ...ctx, git }, request(`${APP}:1.1.0`), { ...push, commitVia: "git" });
    expect(result.attempts).toBe(2);
    expect(await fake.readFile(OWNER, REPO, "main", "bad.yaml")).toBeUndefined();
    expect((await fake.log(OWNER, REPO, "main"))[0]!.parents).toEqual([initial]);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
  });

  it("commit-via git: a rejected push is planned again on the new head", async () => {
    let moved = false;
    fake.inject({
      path: /git-receive-pack$/,
      times: 1,
      beforeHandle: async () => void (moved = !!(await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n"))),
    });
    const result = await deliver(ctx, request(`${APP}:1.1.0`), { ...push, commitVia: "git" });
    expect(moved).toBe(true);
    expect(result.attempts).toBe(2);
    expect(await fake.readFile(OWNER, REPO, "main", "other.yaml")).toBe("x: 1\n");
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
    expect(fake.calls.filter((c) => c.operationId !== "git")).toEqual([]);
  });
});

describe("deliver: a failure after part of the delivery landed carries what landed", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, { "staging/app.yaml": deployment("app", `${APP}:1.0.0`), "prod/app.yaml": deployment("app", `${APP}:1.0.0`) });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => {} };
  });
  afterEach(() => fake.close());

  const refused = { status: 403, body: { message: "Resource not accessible by integration" } };
  const PR = "promote/app";

  it("a push landed, then the pull request was refused: a DeliveryError with the push, GitHub's answer as its cause", async () => {
    const target = (name: string, how: string) => `  - name: ${name}\n    paths: ["${name}/**"]\n    images: [{ repository: ${APP} }]\n    delivery: ${how}\n`;
    await fake.commitFile(
      OWNER,
      REPO,
      "main",
      ".github/gitops-promote.yaml",
      `targets:\n${target("staging", "{ mode: push }")}${target("prod", "{ mode: pull-request }")}`,
    );
    fake.inject({ operationId: "pulls/create", ...refused });
    const error = await deliver(ctx, request(`${APP}:1.1.0`), push).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    const { landings, cause, message } = error as DeliveryError;
    expect(landings).toMatchObject([
      { mode: "push", branch: "main", commit: (await fake.refs(OWNER, REPO))["refs/heads/main"], files: [{ path: "staging/app.yaml" }] },
    ]);
    expect(cause).toMatchObject({ status: 403 });
    expect(message).toBe((cause as Error).message);
  });

  it("a pull request GitHub will not open, nothing landed: the failure carries the plan's warnings, as a success would tell them", async () => {
    const policy = `[{ repository: ${APP}, policy: { semver: { range: "<1.1.0" } } }]`;
    await fake.commitFile(
      OWNER,
      REPO,
      "main",
      ".github/gitops-promote.yaml",
      `targets:\n  - name: staging\n    paths: ["staging/**"]\n    images: [{ repository: ${APP} }]\n` +
        `  - name: prod\n    paths: ["prod/**"]\n    images: ${policy}\n`,
    );
    // Work an earlier step left in the checkout, which a success warns is not delivered.
    await writeFile(join(ctx.git.dir, "staging", "extra.yaml"), "x: 1\n");
    fake.inject({ operationId: "pulls/create", ...refused });
    const error = (await deliver(ctx, request(`${APP}:1.1.0`), { ...push, mode: "pull-request" }).catch((e: unknown) => e)) as DeliveryError;
    expect(error).toBeInstanceOf(DeliveryError);
    expect([error.landings, error.cause]).toMatchObject([[], { status: 403 }]);
    expect(warningsOf(error)).toEqual([
      `target prod: ${APP}:1.1.0 is outside its policy (semver <1.1.0); not edited there`,
      "the checkout holds work this run does not deliver (untracked: staging/extra.yaml): delivery pull-request plans on main as fetched from origin, not on the checkout. " +
        "Commit and push it in an earlier step, or edit the checkout with delivery: none",
    ]);
  });

  it("nothing landed: the failure is thrown as it is", async () => {
    fake.inject({ operationId: "pulls/create", ...refused });
    const error = await deliver(ctx, request(`${APP}:1.1.0`), { ...push, mode: "pull-request" }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ status: 403 });
  });

  /**
   * A pull-request delivery on PR whose pull request GitHub fails to open with `status` (a 5xx, not
   * retried), `meanwhile` run first: its failure, and what it logged.
   */
  const failedOpening = async (commitVia: DeliveryOptions["commitVia"], status: number, meanwhile?: () => Promise<void>) => {
    fake.inject({ operationId: "pulls/create", status, beforeHandle: meanwhile });
    const logged: string[] = [];
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl, retries: 0 });
    const options: DeliveryOptions = { ...push, mode: "pull-request", prBranch: PR, commitVia };
    const error = await deliver({ ...ctx, client: () => client, log: (m) => logged.push(m) }, request(`${APP}:1.1.0`), options).catch((e: unknown) => e);
    return { error, logged };
  };

  it("commit-via git: the branch of a pull request that could not be opened, used by none, is deleted by git as it was pushed", async () => {
    const { error } = await failedOpening("git", 502);
    expect(error).toMatchObject({ status: 502 });
    expect(Object.keys(await fake.refs(OWNER, REPO))).toEqual(["refs/heads/main"]);
    expect(fake.calls.filter((c) => c.operationId === "graphql")).toEqual([]);
  });

  it.each(["api", "git"] as const)(
    "commit-via %s: the branch another run's open pull request uses, at the same commit, is kept when this run's pull request fails with a 5xx",
    async (commitVia) => {
      // Both runs built the same commit (same parent, tree, message and second), so both pushes landed; the other run opened its pull request.
      let theirs = 0;
      const { error, logged } = await failedOpening(commitVia, 502, async () => {
        const { data } = await ctx.client().rest.pulls.create({ ...ctx.repository, base: "main", head: PR, title: "another run's" });
        theirs = data.number;
      });
      expect(error).toMatchObject({ status: 502 });
      // GitHub closes a pull request whose branch is deleted, as the fake does: never closed, theirs lost nothing.
      const { pull } = await expectOpenOnBranch(theirs);
      expect(pull.closed_at).toBeNull();
      expect(logged).toContain(`${PR} is kept after the failure: pull request #${theirs} uses it`);
    },
  );

  /** Pull request `number` is open, unmerged, on PR, at the branch's head, as GitHub answers it: its run's update is not lost. */
  const expectOpenOnBranch = async (number: number) => {
    const { data: pull } = await ctx.client().rest.pulls.get({ ...ctx.repository, pull_number: number });
    expect(pull).toMatchObject({ state: "open", merged: false, head: { ref: PR } });
    const head = (await fake.refs(OWNER, REPO))[`refs/heads/${PR}`];
    expect(head).toBeDefined();
    expect(pull.head.sha).toBe(head);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number, state: "open", head: PR, headSha: head }]);
    return { pull, head: head! };
  };

  it.each(["api", "git"] as const)(
    "commit-via %s: another run's pull request opened between this run's check and its deletion of the branch is reopened on the branch, restored at its commit",
    async (commitVia) => {
      // Both runs built the same commit, so both pushes landed. The other run opens its pull request
      // just after this run found none open on the branch, just before it deletes it (GraphQL, or git push).
      let theirs = 0;
      const openTheirs = async () =>
        void (theirs = (await ctx.client().rest.pulls.create({ ...ctx.repository, base: "main", head: PR, title: "another run's" })).data.number);
      const afterCheck = () => void fake.inject({ path: /^\/graphql$|\.git\//, beforeHandle: openTheirs });
      const { error, logged } = await failedOpening(commitVia, 502, async () => void fake.inject({ operationId: "pulls/list", beforeHandle: afterCheck }));
      expect(error).toMatchObject({ status: 502 });
      expect(theirs).toBeGreaterThan(0);
      const { head } = await expectOpenOnBranch(theirs);
      expect(logged).toContain(
        `${PR} is restored at ${head}: deleting it after the failure closed pull request #${theirs}, opened meanwhile by another run; it is reopened`,
      );
    },
  );

  it.each(["api", "git"] as const)(
    "commit-via %s: a branch that moved since this run pushed it is kept when this run's pull request fails, and the log says why",
    async (commitVia) => {
      // Another push lands on the branch while the pull request is being opened: that commit is not this run's to delete.
      // GitHub refuses the API's stale deletion with its generic "Something went wrong", which says nothing of the move.
      let moved = "";
      const { error, logged } = await failedOpening(commitVia, 502, async () => void (moved = await fake.commitFile(OWNER, REPO, PR, "other.yaml", "x: 1\n")));
      expect(error).toMatchObject({ status: 502 });
      expect((await fake.refs(OWNER, REPO))[`refs/heads/${PR}`]).toBe(moved);
      expect(logged).toContain(`${PR} is not deleted after the failure: it moved since this run pushed it`);
    },
  );

  it("commit-via git: a branch that was there before the run, no pull request open on it, is kept when this run's pull request fails", async () => {
    // Not this run's to delete: it only added its commit to it.
    const main = (await fake.refs(OWNER, REPO))["refs/heads/main"]!;
    await ctx.client().rest.git.createRef({ ...ctx.repository, ref: `refs/heads/${PR}`, sha: main });
    const { error } = await failedOpening("git", 502);
    expect(error).toMatchObject({ status: 502 });
    expect(Object.keys(await fake.refs(OWNER, REPO))).toEqual(["refs/heads/main", `refs/heads/${PR}`]);
  });

  it("commit-via git: the API down from the pull request's opening on, the branch is kept: no telling whether another run's pull request uses it", async () => {
    const { error, logged } = await failedOpening("git", 503, async () => void fake.inject({ path: /^\/(repos\/|graphql)/, times: 100, status: 503 }));
    expect(error).toMatchObject({ status: 503 });
    expect(Object.keys(await fake.refs(OWNER, REPO))).toEqual(["refs/heads/main", `refs/heads/${PR}`]);
    expect(logged).toContainEqual(expect.stringMatching(/^promote\/app is kept after the failure: could not tell whether a pull request uses it \(/));
  });

  it("a base that does not exist is named; for a pull request, or a pull-request branch's name, input branch is said to be the base and pr-branch the pull request's", async () => {
    const hint = ": input `branch` is the base the pull request merges into (create-pull-request's `base`); the pull request's own branch is `pr-branch`";
    await expect(deliver(ctx, request(`${APP}:1.1.0`), { ...push, branch: "staging" })).rejects.toThrow(/^branch staging does not exist on origin$/);
    await expect(deliver(ctx, request(`${APP}:1.1.0`), { ...push, mode: "pull-request", branch: "promote/app" })).rejects.toThrow(
      `branch promote/app does not exist on origin${hint}`,
    );
    await expect(deliver(ctx, request(`${APP}:1.1.0`), { ...push, branch: "create-pull-request/patch" })).rejects.toThrow(hint);
  });
});

describe("deliver: the people whose commits a rebuilt pull-request branch folds in are its co-authors", () => {
  const PR = "gitops-promote/release";
  const GITHUB: Identity = { name: "GitHub", email: "noreply@github.com" };
  const alice: Identity = { name: "Alice Doe", email: "alice@acme.test" };
  const bob: Identity = { name: "Bob", email: "bob@acme.test" };
  const releaseBot: Identity = { name: "Release Bot", email: "release@acme.test" };
  const pr: DeliveryOptions = { ...push, mode: "pull-request", prBranch: PR };
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let person: GitRepo;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`), "api.yaml": deployment("api", "ghcr.io/acme/api:2.0.0") });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined };
    person = new GitRepo(await cloneRepo(fake));
  });
  afterEach(() => fake.close());

  /** A person's commit on the pull-request branch (an edit in the web is committed by GitHub). */
  const pushToPr = async (path: string, author: Identity, message: string, committer = author) => {
    const head = (await person.fetch("origin", PR))!;
    const commit = await person.commitTree(
      await person.writeTree(head, [{ path, content: `by: ${author.name}\n`, mode: "100644" }]),
      head,
      message,
      author,
      committer,
    );
    expect(await person.push("origin", commit, PR)).toBe("pushed");
  };
  const who = (person: Identity) => ({
    GIT_AUTHOR_NAME: person.name,
    GIT_AUTHOR_EMAIL: person.email,
    GIT_COMMITTER_NAME: person.name,
    GIT_COMMITTER_EMAIL: person.email,
  });
  const headMessage = async () => (await fake.log(OWNER, REPO, PR))[0]!.message;

  it.each([
    ["a full clone, commit-via api", false, "api"],
    ["a full clone, commit-via git", false, "git"],
    ["a shallow clone, main moved, commit-via api", true, "api"],
    ["a shallow clone, main moved, commit-via git", true, "git"],
  ] as const)(
    "in %s: each person once, first seen first, kept by the next rebuild; never us, but a bot that pushed on top of us",
    async (_, shallow, commitVia) => {
      const options = { ...pr, commitVia };
      await deliver(ctx, request(`${APP}:1.1.0`), options);
      await pushToPr("notes.yaml", alice, "notes\n");
      await pushToPr("review.yaml", bob, "review\n\nCo-authored-by: Carol <carol@acme.test>\nCo-authored-by: Alice <ALICE@acme.test>\n", GITHUB);
      await pushToPr("notes.yaml", alice, "more notes\n");
      await pushToPr("deps.yaml", { name: "renovate[bot]", email: "29139614+renovate[bot]@users.noreply.github.com" }, "deps\n");
      if (shallow) {
        await fake.commitFile(OWNER, REPO, "main", "README.md", "moved\n");
        ctx = { ...ctx, git: new GitRepo(await cloneRepo(fake, { shallow: true })) };
      }

      const second = await deliver(ctx, request("ghcr.io/acme/api:2.0.1"), options);
      const credits =
        "Co-authored-by: Alice Doe <alice@acme.test>\nCo-authored-by: Bob <bob@acme.test>\nCo-authored-by: Carol <carol@acme.test>\nCo-authored-by: renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>\n";
      expect(await headMessage()).toBe(`chore(deploy): ghcr.io/acme/api 2.0.0 -> 2.0.1\n\n- api.yaml\n\n${credits}`);
      expect(second.landings[0]!.message).toBe(await headMessage());
      expect(await fake.readFile(OWNER, REPO, PR, "notes.yaml")).toBe("by: Alice Doe\n");
      expect(fake.pulls(OWNER, REPO)[0]!.body).not.toContain("Co-authored-by");

      // Their commits are gone from the branch now: our commit carries them on.
      await deliver(ctx, request(`${APP}:1.2.0`), options);
      expect(await headMessage()).toBe(`chore(deploy): ghcr.io/acme/app 1.0.0 -> 1.2.0\n\n- app.yaml\n\n${credits}`);
    },
  );

  it("in a shallow clone, a branch a person brought up to date with main (GitHub's Update branch) keeps its earlier edits and credits when rebuilt", async () => {
    await deliver(ctx, request(`${APP}:1.1.0`), pr);
    await pushToPr("notes.yaml", alice, "notes\n");
    await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n");
    const [head, main] = [(await person.fetch("origin", PR))!, (await person.fetch("origin", "main"))!];
    const tree = (await person.run(["merge-tree", "--write-tree", head, main])).trim();
    const merge = (await person.run(["commit-tree", tree, "-p", head, "-p", main, "-m", `Merge branch 'main' into ${PR}`], { env: who(bob) })).trim();
    expect(await person.push("origin", merge, PR)).toBe("pushed");
    await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 2\n");
    ctx = { ...ctx, git: new GitRepo(await cloneRepo(fake, { shallow: true })) };

    await deliver(ctx, request("ghcr.io/acme/api:2.0.1"), pr);
    expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.1.0`);
    expect(await fake.readFile(OWNER, REPO, PR, "notes.yaml")).toBe("by: Alice Doe\n");
    expect(await fake.readFile(OWNER, REPO, PR, "other.yaml")).toBe("x: 2\n");
    expect(await fake.readFile(OWNER, REPO, PR, "api.yaml")).toContain("ghcr.io/acme/api:2.0.1");
    // Alice's commit before the merge is folded in too; merging main in is no one's change.
    expect(await headMessage()).toBe("chore(deploy): ghcr.io/acme/api 2.0.0 -> 2.0.1\n\n- api.yaml\n\nCo-authored-by: Alice Doe <alice@acme.test>\n");
  });

  it.each([
    ["a template's result", "deploy {{ range .Changed.Changes }}{{ .NewValue }}{{ end }}", "\n\n"],
    [
      "a template's trailers",
      "deploy {{ range .Changed.Changes }}{{ .NewValue }}{{ end }}\n\nSigned-off-by: Release Bot <release@acme.test>\n",
      "\n\nSigned-off-by: Release Bot <release@acme.test>\n",
    ],
  ])(
    "credits after %s; the configured author only for a commit on top of ours written with its identity, a person's (not ours through git or the API, nor as another's co-author)",
    async (_, messageTemplate, between) => {
      await deliver(ctx, request(`${APP}:1.1.0`), { ...pr, messageTemplate, author: releaseBot, commitVia: "git" });
      await pushToPr("notes.yaml", { ...releaseBot, email: "Release@acme.test" }, "by our author, from elsewhere\n");
      await pushToPr("review.yaml", bob, `review\n\nCo-authored-by: Release Bot <release@acme.test>\nCo-authored-by: ${BOT.name} <${BOT.email}>\n`);
      await deliver(ctx, request(`${APP}:1.2.0`), { ...pr, messageTemplate, author: releaseBot, commitVia: "api" });
      await pushToPr("more.yaml", alice, "more\n", GITHUB);
      await deliver(ctx, request("ghcr.io/acme/api:2.0.1"), { ...pr, messageTemplate, author: releaseBot, commitVia: "api" });
      expect(await headMessage()).toBe(
        `deploy ghcr.io/acme/api:2.0.1${between}Co-authored-by: Release Bot <Release@acme.test>\nCo-authored-by: Bob <bob@acme.test>\nCo-authored-by: Alice Doe <alice@acme.test>\n`,
      );
    },
  );
});
