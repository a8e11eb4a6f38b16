/**
 * commit-via git when another commit lands on the branch between the run's read and its push:
 * the push is refused (a lease on the head read, never a force), the run plans again on the new
 * head and lands on top of it, and the other commit stays. Each race is made at one moment: in
 * the push itself (the fake moves the branch as git-receive-pack is asked, after git read the
 * remote's refs: the server refuses the lease), or before the push reads where the branch is
 * (git refuses the stale lease itself).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { BOT, deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { GitRepo, type Identity } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { checkout, cloneRepo, OWNER, pausesOnClock, REPO } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const SIDECAR = "ghcr.io/acme/sidecar";
const request = (...images: string[]) => ({ images, setters: [], sets: [], paths: [] });
const push: DeliveryOptions = { mode: "push", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "git", dryRun: false };
const alice: Identity = { name: "Alice Doe", email: "alice@acme.test" };

/** One Deployment with the app and its sidecar, every byte of it, as the tests compare it. */
const manifest = (app: string, sidecar: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: ${replicas}
  template:
    spec:
      containers:
        - name: app
          image: ${APP}:${app} # the running build
        - name: sidecar
          image: ${SIDECAR}:${sidecar}
`;

/**
 * A configuration with one target per entry, its files `<name>/**`, delivered as given (YAML; none:
 * as the run's options say), and a semver policy on both images: a late, older build never downgrades a newer one.
 */
const targets = (delivery: Record<string, string | undefined>) =>
  "targets:\n" +
  Object.entries(delivery)
    .map(
      ([name, how]) =>
        `  - name: ${name}\n    paths: ["${name}/**"]\n    images:\n` +
        `      - { repository: ${APP}, policy: { semver: { range: ">=1.0.0" } } }\n` +
        `      - { repository: ${SIDECAR}, policy: { semver: { range: ">=1.0.0" } } }\n` +
        (how ? `    delivery: ${how}\n` : ""),
    )
    .join("");

let fake: FakeGitHub;
let client: GitHubClient;
let logged: string[];
let pauses: number[];
beforeEach(async () => {
  logged = [];
  pauses = [];
  fake = await startFakeGitHub();
  client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
  await checkout(fake, { ".github/gitops-promote.yaml": targets({ prod: undefined }), "prod/app.yaml": manifest("1.0.0", "2.0.0") });
});
afterEach(() => fake.close());

/** A run's context on its own clone (full, or shallow as actions/checkout leaves it), logging into `logged`. */
const runOn = async (options: { shallow?: boolean; env?: Record<string, string> } = {}): Promise<DeliveryContext> => ({
  git: new GitRepo(await cloneRepo(fake, options), options.env),
  remote: "origin",
  repository: { owner: OWNER, repo: REPO },
  client: () => client,
  log: (m) => logged.push(m),
  ...pausesOnClock((ms) => void pauses.push(ms)),
});
/** Another run, on a clone of its own: it lands first. */
const anotherRun = async (images: string[], options: DeliveryOptions = push) => {
  const other = { ...(await runOn()), log: () => {} };
  return deliver(other, request(...images), options);
};
/** `move` runs while our next push (the first `times` of them) is at the server, after git read where the branch is. */
const atOurPush = (move: () => Promise<unknown>, times = 1) =>
  fake.inject({ method: "POST", path: /git-receive-pack$/, times, beforeHandle: async () => void (await move()) });
const pushes = () => fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/git-receive-pack"));
const mainLog = () => fake.log(OWNER, REPO, "main");
/** One pkt-line of git's wire protocol. */
const pkt = (data: string) => (data.length + 4).toString(16).padStart(4, "0") + data;
/**
 * receive-pack's answer refusing the update of `ref` for `reason`, in side band 1 as git sends it. Since git 2.51
 * (receive-pack's batched ref updates) a server names a lost race by its kind: "incorrect old value provided" (the ref
 * moved), "reference already exists" (created meanwhile), "reference does not exist" (deleted meanwhile); 2.39, the
 * fake's git, says "failed to update ref" for each.
 */
const refusedByServer = (ref: string, reason: string) => ({
  status: 200,
  headers: { "content-type": "application/x-git-receive-pack-result", "cache-control": "no-cache" },
  body: Buffer.from(pkt(`\x01${pkt("unpack ok\n")}${pkt(`ng ${ref} ${reason}\n`)}0000`) + "0000", "latin1"),
});
const moved = (attempt: number, branch = "main") =>
  new RegExp(`^attempt ${attempt}: branch ${branch} moved since this attempt read it; planning again on the new heads in \\d+ ms$`);
/** `ctx` with `move` run once, right before its first push asks the server where the branch is. */
const beforeOurPushReads = (ctx: DeliveryContext, move: () => Promise<unknown>): DeliveryContext => {
  let done = false;
  const git = Object.assign(Object.create(ctx.git) as GitRepo, {
    push: async (...args: Parameters<GitRepo["push"]>) => {
      if (!done) await move();
      done = true;
      return ctx.git.push(...args);
    },
  });
  return { ...ctx, git };
};

describe("commit-via git, delivery push: the base moved between the run's read and its push", () => {
  it.each([
    ["a full clone", false],
    ["a shallow clone (actions/checkout's fetch-depth 1)", true],
  ])("from %s: another run's commit to the same file (the sidecar) lands first; ours goes on top of it, both values in the file", async (_, shallow) => {
    const ctx = await runOn({ shallow });
    const initial = (await mainLog())[0]!.sha;
    let theirs = "";
    atOurPush(async () => {
      const other = await anotherRun([`${SIDECAR}:2.0.1`]);
      theirs = other.landings[0]!.commit!;
    });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    const log = await mainLog();
    expect(log.map((c) => c.sha)).toEqual([result.landings[0]!.commit, theirs, initial]);
    expect(log[0]!.parents).toEqual([theirs]);
    expect(log[0]!.message).toBe(`chore(deploy): ${APP} 1.0.0 -> 1.1.0\n\n- prod/app.yaml\n`);
    expect(log[0]!.committer).toMatchObject(BOT);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.1"));
    expect(result).toMatchObject({ changed: true, base: "main", planned: theirs, attempts: 2 });
    expect(result.landings).toEqual([expect.objectContaining({ mode: "push", branch: "main", commit: log[0]!.sha })]);
    expect(result.plan.changes.map((c) => [c.file, c.old, c.new])).toEqual([["prod/app.yaml", `${APP}:1.0.0`, `${APP}:1.1.0`]]);
    // Ours refused, theirs, ours again.
    expect(pushes().map((c) => c.status)).toEqual([200, 200, 200]);
    expect(logged).toEqual([expect.stringMatching(moved(1))]);
    expect(pauses).toHaveLength(1);
  });

  it("a person's edit to another line of the file lands before the push reads the branch (git refuses the stale lease itself): ours goes on top, the edit kept", async () => {
    let theirs = "";
    const ctx = beforeOurPushReads(await runOn(), async () => {
      theirs = await fake.commitFile(OWNER, REPO, "main", "prod/app.yaml", manifest("1.0.0", "2.0.0", 3), "scale to 3");
    });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    const log = await mainLog();
    expect(log.slice(0, 2).map((c) => c.sha)).toEqual([result.landings[0]!.commit, theirs]);
    expect(log[0]!.parents).toEqual([theirs]);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0", 3));
    expect(result).toMatchObject({ changed: true, planned: theirs, attempts: 2 });
    // The stale lease is refused before anything is sent: one push reached the server, and landed.
    expect(pushes()).toHaveLength(1);
    expect(logged).toEqual([expect.stringMatching(moved(1))]);
  });

  it("the base moved under two pushes in a row: the third attempt lands on top of both", async () => {
    const ctx = await runOn();
    let n = 0;
    atOurPush(() => fake.commitFile(OWNER, REPO, "main", `other-${++n}.yaml`, `n: ${n}\n`, `another run ${n}`), 2);

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    const log = await mainLog();
    expect(log.map((c) => c.message)).toEqual([
      `chore(deploy): ${APP} 1.0.0 -> 1.1.0\n\n- prod/app.yaml\n`,
      "another run 2",
      "another run 1",
      "Initial commit",
    ]);
    expect(log[0]!.sha).toBe(result.landings[0]!.commit);
    expect([await fake.readFile(OWNER, REPO, "main", "other-1.yaml"), await fake.readFile(OWNER, REPO, "main", "other-2.yaml")]).toEqual(["n: 1\n", "n: 2\n"]);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0"));
    expect(result).toMatchObject({ changed: true, planned: log[1]!.sha, attempts: 3 });
    expect(pushes()).toHaveLength(3);
    expect(logged).toEqual([expect.stringMatching(moved(1)), expect.stringMatching(moved(2))]);
  });

  it("another run promoted a newer build first: the late, older build plans to nothing on the new head and writes nothing", async () => {
    const ctx = await runOn();
    let theirs = "";
    atOurPush(async () => void (theirs = (await anotherRun([`${APP}:1.2.0`])).landings[0]!.commit!));

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    expect((await mainLog())[0]!.sha).toBe(theirs);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.2.0", "2.0.0"));
    expect(result).toMatchObject({ changed: false, planned: theirs, attempts: 2, landings: [] });
    expect(result.plan.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        "prod/app.yaml",
        11,
        "spec.template.spec.containers[0].image keeps 1.2.0, which its policy (semver >=1.0.0) ranks above the incoming 1.1.0 (allow-downgrade sets it anyway)",
      ],
    ]);
    expect(pushes()).toHaveLength(2);
  });

  it.each([
    ["the very same commit (same values, message, author and second)", true],
    ["its own commit of the same values", false],
  ])("another run landed the same change first, %s: ours changes nothing and is not pushed again", async (_, sameSecond) => {
    // Commit dates fixed to the second: two runs' commits of one change are then one commit, as when two runs land it in the same second.
    const env = sameSecond ? { GIT_AUTHOR_DATE: "1700000000 +0000", GIT_COMMITTER_DATE: "1700000000 +0000" } : undefined;
    const ctx = await runOn({ env });
    let theirs = "";
    atOurPush(async () => {
      const other = { ...(await runOn({ env })), log: () => {} };
      theirs = (await deliver(other, request(`${APP}:1.1.0`), push)).landings[0]!.commit!;
    });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    const log = await mainLog();
    expect(log.map((c) => c.sha)).toEqual([theirs, expect.any(String)]);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0"));
    expect(result).toMatchObject({ attempts: 2, landings: [], changed: false, planned: theirs });
  });

  it("another run landed the very same commit before the push reads the branch: git finds it there already, and ours is told landed at it", async () => {
    const env = { GIT_AUTHOR_DATE: "1700000000 +0000", GIT_COMMITTER_DATE: "1700000000 +0000" };
    let theirs = "";
    const ctx = beforeOurPushReads(await runOn({ env }), async () => {
      theirs = (await deliver({ ...(await runOn({ env })), log: () => {} }, request(`${APP}:1.1.0`), push)).landings[0]!.commit!;
    });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    // One commit on the initial one, both runs' (git names a commit by its content): the value is there once, no update lost.
    expect((await mainLog()).map((c) => c.sha)).toEqual([theirs, expect.any(String)]);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0"));
    expect(result).toMatchObject({ changed: true, attempts: 1, landings: [{ mode: "push", branch: "main", commit: theirs }] });
    expect(logged).toEqual([]);
  });
});

describe("commit-via git, delivery pull-request: the pull-request branch moved between the run's read and its push", () => {
  const PR = "gitops-promote/prod";
  const pr: DeliveryOptions = { ...push, mode: "pull-request", prBranch: PR };
  const prLog = () => fake.log(OWNER, REPO, PR);

  it.each([
    ["a full clone", false],
    ["a shallow clone", true],
  ])(
    "from %s: a person pushed to the open pull request's branch; it is rebuilt on the base with their edit, the earlier value and ours; the same pull request, updated",
    async (_, shallow) => {
      await anotherRun([`${APP}:1.1.0`], pr);
      const person = new GitRepo(await cloneRepo(fake));
      let theirs = "";
      atOurPush(async () => {
        const head = (await person.fetch("origin", PR))!;
        const tree = await person.writeTree(head, [{ path: "prod/app.yaml", content: manifest("1.1.0", "2.0.0", 3), mode: "100644" }]);
        theirs = await person.commitTree(tree, head, "scale to 3\n", alice, alice);
        expect(await person.push("origin", theirs, PR, head)).toBe("pushed");
      });
      const ctx = await runOn({ shallow });

      const result = await deliver(ctx, request(`${SIDECAR}:2.0.1`), pr);

      const [ours, ...rest] = await prLog();
      const main = (await mainLog())[0]!.sha;
      // Rebuilt: one commit of ours on the base, the person's edit carried over and credited.
      expect(ours!.parents).toEqual([main]);
      expect(rest.map((c) => c.sha)).toEqual([main]);
      expect(ours!.message).toBe(`chore(deploy): ${SIDECAR} 2.0.0 -> 2.0.1\n\n- prod/app.yaml\n\nCo-authored-by: Alice Doe <alice@acme.test>\n`);
      expect(await fake.readFile(OWNER, REPO, PR, "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.1", 3));
      expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.0.0", "2.0.0"));
      expect(result).toMatchObject({ changed: true, planned: main, attempts: 2 });
      expect(result.landings).toEqual([
        expect.objectContaining({
          mode: "pull-request",
          branch: PR,
          commit: ours!.sha,
          pullRequest: expect.objectContaining({ number: 1, operation: "updated" }),
        }),
      ]);
      expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.state, p.headSha])).toEqual([[1, "open", ours!.sha]]);
      expect(pushes()).toHaveLength(4); // the earlier run's, ours refused, the person's, ours
      expect(logged).toEqual([expect.stringMatching(moved(1, PR)), `pull request #1 updated (${PR} -> main)`]);
    },
  );

  it("another run made the branch and opened its pull request (another image) after ours found no branch: ours joins that pull request, both values on it", async () => {
    atOurPush(() => anotherRun([`${SIDECAR}:2.0.1`], pr));
    const ctx = await runOn();

    const result = await deliver(ctx, request(`${APP}:1.1.0`), pr);

    const [ours, ...rest] = await prLog();
    const main = (await mainLog())[0]!.sha;
    expect(ours!.parents).toEqual([main]);
    expect(rest.map((c) => c.sha)).toEqual([main]);
    expect(await fake.readFile(OWNER, REPO, PR, "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.1"));
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    expect(result.landings).toEqual([
      expect.objectContaining({
        mode: "pull-request",
        branch: PR,
        commit: ours!.sha,
        pullRequest: expect.objectContaining({ number: 1, operation: "updated" }),
      }),
    ]);
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.state, p.headSha])).toEqual([[1, "open", ours!.sha]]);
    expect(logged).toEqual([expect.stringMatching(moved(1, PR)), `pull request #1 updated (${PR} -> main)`]);
  });

  it("another run put a newer build on the open pull request first: the late, older build leaves it as it is", async () => {
    await anotherRun([`${APP}:1.1.0`], pr);
    let theirs = "";
    atOurPush(async () => void (theirs = (await anotherRun([`${APP}:1.3.0`], pr)).landings[0]!.commit!));
    const ctx = await runOn();

    const result = await deliver(ctx, request(`${APP}:1.2.0`), pr);

    expect((await prLog())[0]!.sha).toBe(theirs);
    expect(await fake.readFile(OWNER, REPO, PR, "prod/app.yaml")).toBe(manifest("1.3.0", "2.0.0"));
    expect(result).toMatchObject({ changed: false, attempts: 2 });
    expect(result.landings).toEqual([
      expect.objectContaining({ mode: "pull-request", branch: PR, head: theirs, pullRequest: expect.objectContaining({ number: 1, operation: "none" }) }),
    ]);
    expect(result.plan.warnings.map((w) => w.message)).toEqual([
      "spec.template.spec.containers[0].image keeps 1.3.0, which its policy (semver >=1.0.0) ranks above the incoming 1.2.0 (allow-downgrade sets it anyway)",
      `${PR} already carries these values (or newer ones): pull request #1 (${fake.url}/${OWNER}/${REPO}/pull/1) is left as it is`,
    ]);
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.state, p.headSha])).toEqual([[1, "open", theirs]]);
  });
});

describe("commit-via git: bases at the same commit", () => {
  /** Commit dates fixed to the second: two runs' commits of one change on one commit are then one commit. */
  const sameSecond = { GIT_AUTHOR_DATE: "1700000000 +0000", GIT_COMMITTER_DATE: "1700000000 +0000" };
  const branchAt = async (branch: string, sha: string) =>
    void (await client.rest.git.createRef({ owner: OWNER, repo: REPO, ref: `refs/heads/${branch}`, sha }));

  it("main and release at one commit, a run into each with the same change makes the same commit: each branch gets it, neither push taken for the other's", async () => {
    const initial = (await mainLog())[0]!.sha;
    await branchAt("release", initial);
    let theirs = "";
    atOurPush(async () => {
      const other = { ...(await runOn({ env: sameSecond })), log: () => {} };
      theirs = (await deliver(other, request(`${APP}:1.1.0`), { ...push, branch: "release" })).landings[0]!.commit!;
    });
    const ctx = await runOn({ env: sameSecond });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), { ...push, branch: "main" });

    const refs = await fake.refs(OWNER, REPO);
    expect(refs).toEqual({ "refs/heads/main": theirs, "refs/heads/release": theirs });
    expect((await mainLog())[0]!.parents).toEqual([initial]);
    expect(result).toMatchObject({ changed: true, base: "main", planned: initial, attempts: 1, landings: [{ mode: "push", branch: "main", commit: theirs }] });
    expect(pushes()).toHaveLength(2);
  });

  it("main and release at one commit, each base's runs with their own pull-request branch: the same commit on both branches, one pull request into each base", async () => {
    const initial = (await mainLog())[0]!.sha;
    await branchAt("release", initial);
    const into = (base: string): DeliveryOptions => ({ ...push, mode: "pull-request", branch: base, prBranch: `gitops-promote/app-${base}` });
    let theirs = "";
    atOurPush(async () => {
      const other = { ...(await runOn({ env: sameSecond })), log: () => {} };
      theirs = (await deliver(other, request(`${APP}:1.1.0`), into("release"))).landings[0]!.commit!;
    });
    const ctx = await runOn({ env: sameSecond });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), into("main"));

    expect(await fake.refs(OWNER, REPO)).toEqual({
      "refs/heads/gitops-promote/app-main": theirs,
      "refs/heads/gitops-promote/app-release": theirs,
      "refs/heads/main": initial,
      "refs/heads/release": initial,
    });
    expect(await fake.readFile(OWNER, REPO, theirs, "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0"));
    expect(result).toMatchObject({ changed: true, base: "main", attempts: 1 });
    expect(result.landings.map((l) => [l.branch, l.commit, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([
      ["gitops-promote/app-main", theirs, 2, "created"],
    ]);
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.head, p.base, p.state, p.headSha])).toEqual([
      [1, "gitops-promote/app-release", "release", "open", theirs],
      [2, "gitops-promote/app-main", "main", "open", theirs],
    ]);
  });

  it("two targets, each its own pull-request branch on the same base commit: the second's branch moved (another run opened its pull request there); the first's pull request stays as opened, the second is rebuilt with both values", async () => {
    await fake.commitFiles(OWNER, REPO, "main", {
      ".github/gitops-promote.yaml": targets({
        prod: "{ mode: pull-request, branch: gitops-promote/prod }",
        qa: "{ mode: pull-request, branch: gitops-promote/qa }",
      }),
      "qa/app.yaml": manifest("1.0.0", "2.0.0"),
    });
    const main = (await mainLog())[0]!.sha;
    let n = 0;
    // Our first push is prod's branch, the second qa's: then another run, for qa alone, makes qa's branch and opens its pull request.
    const qaOnly = { ...request(`${SIDECAR}:2.0.1`), targets: ["qa"] };
    atOurPush(async () => void (++n === 2 && (await deliver({ ...(await runOn()), log: () => {} }, qaOnly, push))), 2);
    const ctx = await runOn();

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    const [prod, qa] = [(await fake.log(OWNER, REPO, "gitops-promote/prod"))[0]!, (await fake.log(OWNER, REPO, "gitops-promote/qa"))[0]!];
    expect([prod.parents, qa.parents]).toEqual([[main], [main]]);
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/prod", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0"));
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/qa", "qa/app.yaml")).toBe(manifest("1.1.0", "2.0.1"));
    expect(await fake.readFile(OWNER, REPO, "main", "qa/app.yaml")).toBe(manifest("1.0.0", "2.0.0"));
    expect(result).toMatchObject({ changed: true, planned: main, attempts: 2 });
    expect(result.landings.map((l) => [l.branch, l.commit, l.head, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([
      ["gitops-promote/prod", prod.sha, undefined, 1, "created"],
      ["gitops-promote/qa", qa.sha, undefined, 2, "updated"],
    ]);
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.head, p.base, p.state, p.headSha])).toEqual([
      [1, "gitops-promote/prod", "main", "open", prod.sha],
      [2, "gitops-promote/qa", "main", "open", qa.sha],
    ]);
  });

  it("a push and a pull request in one run, the base moved at the push: the push lands on top of the other commit, the pull request on top of the push", async () => {
    await fake.commitFiles(OWNER, REPO, "main", {
      ".github/gitops-promote.yaml": targets({ staging: "{ mode: push }", prod: "{ mode: pull-request, branch: gitops-promote/prod }" }),
      "staging/app.yaml": manifest("1.0.0", "2.0.0"),
    });
    let theirs = "";
    atOurPush(async () => void (theirs = await fake.commitFile(OWNER, REPO, "main", "staging/app.yaml", manifest("1.0.0", "2.0.0", 3), "scale staging to 3")));
    const ctx = await runOn();

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    const [ours] = await mainLog();
    const prod = (await fake.log(OWNER, REPO, "gitops-promote/prod"))[0]!;
    expect(ours!.parents).toEqual([theirs]);
    expect(prod.parents).toEqual([ours!.sha]);
    expect(await fake.readFile(OWNER, REPO, "main", "staging/app.yaml")).toBe(manifest("1.1.0", "2.0.0", 3));
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/prod", "staging/app.yaml")).toBe(manifest("1.1.0", "2.0.0", 3));
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/prod", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0"));
    expect(result).toMatchObject({ changed: true, planned: theirs, attempts: 2 });
    expect(result.landings.map((l) => [l.mode, l.branch, l.commit, l.pullRequest?.operation])).toEqual([
      ["push", "main", ours!.sha, undefined],
      ["pull-request", "gitops-promote/prod", prod.sha, "created"],
    ]);
    expect(pushes()).toHaveLength(3);
  });
});

describe("commit-via git: a server of git 2.51 or later names the lost race in its own words", () => {
  it("the base moved and the server says 'incorrect old value provided': the run plans again and lands on top, the other commit kept", async () => {
    const ctx = await runOn();
    let theirs = "";
    fake.inject({
      method: "POST",
      path: /git-receive-pack$/,
      beforeHandle: async () => void (theirs = await fake.commitFile(OWNER, REPO, "main", "prod/app.yaml", manifest("1.0.0", "2.0.0", 3), "scale to 3")),
      ...refusedByServer("refs/heads/main", "incorrect old value provided"),
    });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), push);

    const log = await mainLog();
    expect(log.slice(0, 2).map((c) => c.sha)).toEqual([result.landings[0]!.commit, theirs]);
    expect(log[0]!.parents).toEqual([theirs]);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.0", 3));
    expect(result).toMatchObject({ changed: true, planned: theirs, attempts: 2 });
    expect(logged).toEqual([expect.stringMatching(moved(1))]);
  });

  it("another run made the pull-request branch and the server says 'reference already exists': the run plans again and joins its pull request", async () => {
    const PR = "gitops-promote/prod";
    const pr: DeliveryOptions = { ...push, mode: "pull-request", prBranch: PR };
    const ctx = await runOn();
    fake.inject({
      method: "POST",
      path: /git-receive-pack$/,
      beforeHandle: async () => void (await anotherRun([`${SIDECAR}:2.0.1`], pr)),
      ...refusedByServer(`refs/heads/${PR}`, "reference already exists"),
    });

    const result = await deliver(ctx, request(`${APP}:1.1.0`), pr);

    const [ours] = await fake.log(OWNER, REPO, PR);
    expect(ours!.parents).toEqual([(await mainLog())[0]!.sha]);
    expect(await fake.readFile(OWNER, REPO, PR, "prod/app.yaml")).toBe(manifest("1.1.0", "2.0.1"));
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    expect(result.landings.map((l) => [l.branch, l.commit, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[PR, ours!.sha, 1, "updated"]]);
    expect(logged).toEqual([expect.stringMatching(moved(1, PR)), `pull request #1 updated (${PR} -> main)`]);
  });

  it.each([
    ["moved", "incorrect old value provided", "main"],
    ["created", "reference already exists", "gitops-promote/prod"],
    ["deleted", "reference does not exist", "gitops-promote/prod"],
  ] as const)("a branch %s meanwhile, the server saying '%s': the push is told rejected, for the run to plan again", async (how, reason, branch) => {
    const main = (await mainLog())[0]!.sha;
    if (how === "deleted") await fake.commitFile(OWNER, REPO, branch, "theirs.yaml", "x: 0\n");
    const expected = how === "created" ? "" : (await fake.refs(OWNER, REPO))[`refs/heads/${branch}`]!;
    const race = async () => {
      if (how === "deleted") await client.rest.git.deleteRef({ owner: OWNER, repo: REPO, ref: `heads/${branch}` });
      else await fake.commitFile(OWNER, REPO, branch, "theirs.yaml", "x: 1\n");
    };
    const { git } = await runOn();
    const commit = await git.commitTree(await git.writeTree(main, [{ path: "ours.yaml", content: "x: 2\n", mode: "100644" }]), main, "ours\n", BOT, BOT);
    fake.inject({ method: "POST", path: /git-receive-pack$/, beforeHandle: race, ...refusedByServer(`refs/heads/${branch}`, reason) });

    expect(await git.push("origin", commit, branch, expected)).toBe("rejected");
    expect((await fake.refs(OWNER, REPO))[`refs/heads/${branch}`]).not.toBe(commit);
  });
});
