/**
 * A branch that keeps moving under every attempt: deliver gives up once it has tried for five
 * minutes (here each pause moves the clock 100 s on), naming it, and tells what
 * this run landed before (a push on the base, pull requests opened), which an earlier attempt
 * may have done before a later target's pull-request branch moved.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT, deliver, DeliveryError, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import type { CommitVia } from "../../src/github/deliver.js";
import type { FakeGitHub, InjectedFault } from "../support/github-fake.js";
import { APP, appManifests, configureTargets, deployment, OWNER, REPO, warningsOf } from "./fixture.js";

const request = { images: [`${APP}:1.1.0`], setters: [], sets: [], paths: [] };
const push: DeliveryOptions = { mode: "push", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "api", dryRun: false };
const RACE = "(other runs committing at the same time)";
/** Four attempts: at 0, 100, 200 and 300 s. */
const GAVE_UP = "gave up after 4 attempts in 300 s";
const again = (branch: string) => `. Run it again, or have fewer runs write ${branch} at once (one concurrency group for them)`;

describe("deliver: giving up on a branch that keeps moving", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let pauses: number[];
  beforeEach(async () => {
    pauses = [];
    let clock = 0;
    const pause = async (ms: number) => void (pauses.push(ms), (clock += 100_000));
    ({ fake, ctx } = await appManifests(["staging", "prod", "qa"], { sleep: pause, now: () => clock }));
  });
  afterEach(() => fake.close());

  /**
   * Another run commits to `branch` right before each of our writes of a branch (`times` of them):
   * REST ref creation and GraphQL ref swaps for commit-via api, pushes for commit-via git.
   */
  const keepMoving = (branch: string, via: CommitVia, times = 100): InjectedFault[] => {
    let n = 0;
    const beforeHandle = async () => void (await fake.commitFile(OWNER, REPO, branch, `other-${n++}.yaml`, "x: 1\n"));
    if (via === "git") return [fake.inject({ path: /git-receive-pack$/, times, beforeHandle })];
    return ["git/update-ref", "git/create-ref", "graphql"].map((operationId) => fake.inject({ operationId, times, beforeHandle }));
  };

  const failure = (options: DeliveryOptions): Promise<Error> =>
    deliver(ctx, request, options).then(
      () => Promise.reject(new Error("delivered; expected it to give up")),
      (e: unknown) => e as Error,
    );
  const head = async (branch: string) => (await fake.refs(OWNER, REPO))[`refs/heads/${branch}`];

  it.each(["api", "git"] as const)("main kept moving (commit-via %s): gave up after five minutes, nothing was written by this run", async (commitVia) => {
    keepMoving("main", commitVia);
    const error = await failure({ ...push, commitVia });
    expect(error).not.toBeInstanceOf(DeliveryError);
    expect(error.message).toBe(`${GAVE_UP}: main kept moving under us ${RACE}; nothing was written by this run${again("main")}`);
    expect(pauses).toHaveLength(3);
    expect((await fake.log(OWNER, REPO, "main")).some((c) => c.message.startsWith("chore(deploy)"))).toBe(false);
  });

  it("only the pull-request branch kept moving: the message names it, not the base", async () => {
    keepMoving("gitops-promote/app", "api");
    const error = await failure({ ...push, mode: "pull-request", prBranch: "gitops-promote/app" });
    expect(error).not.toBeInstanceOf(DeliveryError);
    expect(error.message).toBe(`${GAVE_UP}: gitops-promote/app kept moving under us ${RACE}; nothing was written by this run${again("gitops-promote/app")}`);
    expect(fake.pulls(OWNER, REPO)).toEqual([]);
  });

  it.each(["api", "git"] as const)(
    "the push landed on the first attempt, then the pull-request branch kept moving (commit-via %s): the message names the pushed commit",
    async (commitVia) => {
      await configureTargets(fake, { staging: "{ mode: push }", prod: "{ mode: pull-request, branch: gitops-promote/prod }" });
      keepMoving("gitops-promote/prod", commitVia);
      const error = await failure({ ...push, commitVia });
      const sha = (await head("main"))!;
      expect(await fake.readFile(OWNER, REPO, "main", "staging/app.yaml")).toContain(`${APP}:1.1.0`);
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).landings).toMatchObject([{ mode: "push", branch: "main", commit: sha, files: [{ path: "staging/app.yaml" }] }]);
      expect(error.message).toBe(
        `${GAVE_UP}: gitops-promote/prod kept moving under us ${RACE}; before giving up, this run landed commit ${sha} on main${again("gitops-promote/prod")}`,
      );
      expect(fake.pulls(OWNER, REPO)).toEqual([]);
    },
  );

  it("main kept moving with a file the plan warns of, one more each time: the failure carries the last attempt's warnings, each once", async () => {
    let n = 0;
    const broken = async () => void (await fake.commitFile(OWNER, REPO, "main", `staging/broken-${n++}.yaml`, `image: ${APP}:1.0.0\n\tbad: [\n`));
    fake.inject({ operationId: "git/update-ref", times: 100, beforeHandle: broken });
    const error = await failure(push);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.message).toBe(`${GAVE_UP}: main kept moving under us ${RACE}; nothing was written by this run${again("main")}`);
    expect((error as DeliveryError).landings).toEqual([]);
    // The fourth attempt planned on the three files the first three lost to; each attempt's plan said them again.
    expect(warningsOf(error as DeliveryError)).toEqual(
      [0, 1, 2].map((i) => `staging/broken-${i}.yaml: not edited: not valid YAML: Tabs are not allowed as indentation`),
    );
  });

  it("a pull request opened on the first attempt, then another target's branch kept moving: the message names the pull request", async () => {
    await configureTargets(fake, { prod: "{ mode: pull-request, branch: gitops-promote/prod }", qa: "{ mode: pull-request, branch: gitops-promote/qa }" });
    keepMoving("gitops-promote/qa", "api");
    const error = await failure(push);
    const sha = (await head("gitops-promote/prod"))!;
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).landings).toMatchObject([
      { mode: "pull-request", branch: "gitops-promote/prod", commit: sha, pullRequest: { number: 1, operation: "created" } },
    ]);
    expect(error.message).toBe(
      `${GAVE_UP}: gitops-promote/qa kept moving under us ${RACE}; before giving up, this run landed commit ${sha} on gitops-promote/prod (pull request #1, created)${again("gitops-promote/qa")}`,
    );
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, head: "gitops-promote/prod", state: "open" }]);
  });
});

describe("deliver: what an earlier attempt landed is told by the run's outcome", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["staging", "prod"]));
    await configureTargets(fake, { staging: "{ mode: push }", prod: "{ mode: pull-request, branch: gitops-promote/prod }" });
    // Another run creates the pull-request branch right before our first attempt does: it is planned again.
    fake.inject({
      operationId: "git/create-ref",
      beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, "gitops-promote/prod", "other.yaml", "x: 1\n")),
    });
  });
  afterEach(() => fake.close());

  it("the pull request opens on the second attempt: the result has the first attempt's push too", async () => {
    const result = await deliver(ctx, request, push);
    const sha = (await fake.refs(OWNER, REPO))["refs/heads/main"];
    expect(result.attempts).toBe(2);
    expect(result.changed).toBe(true);
    expect(result.landings).toMatchObject([
      { mode: "push", branch: "main", commit: sha },
      { mode: "pull-request", branch: "gitops-promote/prod", pullRequest: { number: 1 } },
    ]);
    expect(result.plan.files.map((f) => f.path)).toEqual(["prod/app.yaml", "staging/app.yaml"]);
  });

  it("the second attempt fails otherwise: a DeliveryError with the first attempt's push, GitHub's answer as its cause", async () => {
    fake.inject({ operationId: "pulls/create", status: 403, body: { message: "Resource not accessible by integration" } });
    const error = await deliver(ctx, request, push).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    const { landings, cause } = error as DeliveryError;
    expect(landings).toMatchObject([{ mode: "push", branch: "main", commit: (await fake.refs(OWNER, REPO))["refs/heads/main"] }]);
    expect(cause).toMatchObject({ status: 403 });
  });
});

describe("deliver: a pull request an earlier attempt landed, found carrying the values by the next", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["prod", "qa"]));
    await configureTargets(fake, { prod: "{ mode: pull-request, branch: gitops-promote/prod }", qa: "{ mode: pull-request, branch: gitops-promote/qa }" });
  });
  afterEach(() => fake.close());

  /** `move` runs right before our first attempt creates its second branch (qa's; prod's pull request is open by then), as another run's steps would. */
  const atSecondCreateRef = (move: () => Promise<unknown>) => {
    let creates = 0;
    fake.inject({ operationId: "git/create-ref", times: 2, beforeHandle: async () => void (++creates === 2 && (await move())) });
  };
  /** Another run creates qa's branch and commits to main right before our first attempt creates qa's: prod's branch is then rebuilt on main. */
  const moveQaAndMainAtItsCreation = () =>
    atSecondCreateRef(async () => {
      await fake.commitFile(OWNER, REPO, "gitops-promote/qa", "other.yaml", "x: 1\n");
      await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n");
    });

  it("is told once, as the attempt that opened it says", async () => {
    // Another run creates qa's branch right before our first attempt does.
    atSecondCreateRef(() => fake.commitFile(OWNER, REPO, "gitops-promote/qa", "other.yaml", "x: 1\n"));
    const result = await deliver(ctx, request, push);
    expect(result.attempts).toBe(2);
    expect(result.landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([
      ["gitops-promote/prod", 1, "created"],
      ["gitops-promote/qa", 2, "created"],
    ]);
  });

  it("rebuilt by the next on a base that moved: told once, with the head the run left and as the attempt that opened it says", async () => {
    moveQaAndMainAtItsCreation();
    const result = await deliver(ctx, request, push);
    const refs = await fake.refs(OWNER, REPO);
    expect(result.attempts).toBe(2);
    expect(result.landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation, l.commit, l.head])).toEqual([
      ["gitops-promote/prod", 1, "created", refs["refs/heads/gitops-promote/prod"], undefined],
      ["gitops-promote/qa", 2, "created", refs["refs/heads/gitops-promote/qa"], undefined],
    ]);
    expect(result.landings[0]!.files.map((f) => f.path)).toEqual(["prod/app.yaml"]);
    expect(result.plan.changes.map((c) => c.file)).toEqual(["prod/app.yaml", "qa/app.yaml"]);
  });

  it("left as it was by the next, at another run's commit of the same files: told once at that head, claiming no commit of this run's", async () => {
    // Right before our first attempt creates qa's branch, another run creates it, and replaces prod's commit by its own with the same files.
    atSecondCreateRef(async () => {
      await fake.commitFile(OWNER, REPO, "gitops-promote/qa", "other.yaml", "x: 1\n");
      const ours = (await ctx.git.fetch("origin", "gitops-promote/prod"))!;
      const theirs = await ctx.git.commitTree(await ctx.git.treeOf(ours), (await ctx.git.parents(ours))[0]!, "another run's\n", BOT, BOT);
      expect(await ctx.git.push("origin", theirs, "gitops-promote/prod", ours)).toBe("pushed");
    });
    const result = await deliver(ctx, request, push);
    const prod = result.landings.find((l) => l.branch === "gitops-promote/prod");
    expect(result.landings).toHaveLength(2);
    expect(prod).toMatchObject({ head: (await fake.refs(OWNER, REPO))["refs/heads/gitops-promote/prod"], pullRequest: { number: 1, operation: "created" } });
    expect(prod!.commit).toBeUndefined();
  });

  it("rebuilt by the next after another run moved it back: told with the warnings of the attempt that rebuilt it, not the earlier one's", async () => {
    const API = "ghcr.io/acme/api";
    const images = `[{ repository: ${APP}, policy: { semver: { range: '>=1.0.0' } } }, { repository: ${API} }]`;
    const targets = ["prod", "qa"].map(
      (env) => `  - name: ${env}\n    paths: ["${env}/**"]\n    images: ${images}\n    delivery: { mode: pull-request, branch: gitops-promote/${env} }\n`,
    );
    await fake.commitFiles(OWNER, REPO, "main", {
      ".github/gitops-promote.yaml": `targets:\n${targets.join("")}`,
      "prod/api.yaml": deployment("api", `${API}:2.0.0`),
    });
    await deliver(ctx, { ...request, images: [`${APP}:1.3.0`], targets: ["prod"] }, push);
    // Right before our first attempt creates qa's branch, another run creates it, and a third moves prod's app back to 1.0.1 (allow-downgrade).
    fake.inject({
      operationId: "git/create-ref",
      beforeHandle: async () => {
        await fake.commitFile(OWNER, REPO, "gitops-promote/qa", "other.yaml", "x: 1\n");
        await deliver(ctx, { ...request, images: [`${APP}:1.0.1`], targets: ["prod"], allowDowngrade: true }, push);
      },
    });
    const result = await deliver(ctx, { ...request, images: [`${APP}:1.2.0`, `${API}:2.0.1`] }, push);
    expect(result.attempts).toBe(2);
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/prod", "prod/app.yaml")).toContain(`${APP}:1.2.0`);
    expect(result.landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([
      ["gitops-promote/prod", 1, "updated"],
      ["gitops-promote/qa", 2, "created"],
    ]);
    // The first attempt's rebuild kept prod's app at 1.3.0, with a warning saying why: the second set it to 1.2.0.
    expect(warningsOf(result)).toEqual([]);
  });

  it("a failure after it rebuilt that pull request is told with its landing once, at the head the run left", async () => {
    moveQaAndMainAtItsCreation();
    // prod's pull request opens on the first attempt; qa's is refused on the second.
    fake.inject({ operationId: "pulls/create" });
    fake.inject({ operationId: "pulls/create", status: 403, body: { message: "Resource not accessible by integration" } });
    const error = (await deliver(ctx, request, push).catch((e: unknown) => e)) as DeliveryError;
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation, l.commit])).toEqual([
      ["gitops-promote/prod", 1, "created", (await fake.refs(OWNER, REPO))["refs/heads/gitops-promote/prod"]],
    ]);
  });

  it("a failure after it is told with that landing alone", async () => {
    atSecondCreateRef(() => fake.commitFile(OWNER, REPO, "gitops-promote/qa", "other.yaml", "x: 1\n"));
    // The second attempt finds prod's pull request carrying the values, then may not look for qa's.
    fake.inject({ operationId: "pulls/list" });
    fake.inject({ operationId: "pulls/list", status: 403, body: { message: "Resource not accessible by integration" } });
    const error = (await deliver(ctx, request, push).catch((e: unknown) => e)) as DeliveryError;
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.landings.map((l) => [l.branch, l.pullRequest?.number, l.pullRequest?.operation])).toEqual([["gitops-promote/prod", 1, "created"]]);
  });
});
