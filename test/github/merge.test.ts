import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { BranchMovedError } from "../../src/github/commit.js";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { disableAutoMerge, mergePullRequest, type Mergeable } from "../../src/github/merge.js";
import { PullRequestClosedError } from "../../src/github/pull-request.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { APP, appManifests, OWNER, REPO } from "./fixture.js";

describe("merging a delivery's pull request", () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  let head: string;
  const repository = { owner: OWNER, repo: REPO };
  const branch = "gitops-promote/app";
  const open = async (): Promise<Mergeable> => {
    const { data } = await client.rest.pulls.create({ ...repository, base: "main", head: branch, title: "t", body: "b" });
    return { number: data.number, nodeId: data.node_id, branch, headSha: head, autoMerge: false };
  };
  const mergeCalls = () => fake.calls.filter((c) => c.operationId === "pulls/merge").map((c) => c.status);
  beforeEach(async () => {
    fake = await startFakeGitHub();
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    await fake.createRepo(OWNER, REPO, { "a.yaml": "a: 1\n" });
    head = await fake.commitFile(OWNER, REPO, branch, "a.yaml", "a: 2\n");
  });
  afterEach(() => fake.close());

  it("auto: enables GitHub auto-merge while required checks are pending", async () => {
    const pr = await open();
    await fake.setMergeState(OWNER, REPO, pr.number, "BLOCKED");
    expect(await mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "squash")).toEqual({ outcome: "auto-merge" });
    expect(fake.pulls(OWNER, REPO)[0]?.autoMerge?.mergeMethod).toBe("squash");
    expect(await fake.readFile(OWNER, REPO, "main", "a.yaml")).toBe("a: 1\n");
    await fake.completeAutoMerge(OWNER, REPO, pr.number);
    expect(await fake.readFile(OWNER, REPO, "main", "a.yaml")).toBe("a: 2\n");
  });

  it("auto: a push to the branch after ours is not set to merge with it: GitHub refuses the head moved, and the run plans again", async () => {
    const pr = await open();
    await fake.setMergeState(OWNER, REPO, pr.number, "BLOCKED");
    fake.inject({ operationId: "graphql", beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, branch, "backdoor.yaml", "x: 1\n")) });
    await expect(mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "squash")).rejects.toEqual(new BranchMovedError(branch));
    expect(fake.pulls(OWNER, REPO)[0]?.autoMerge).toBeNull();
  });

  it("auto: merges now when GitHub says the pull request is in clean status, and gives GitHub's reason", async () => {
    const pr = await open();
    expect(await mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "merge")).toEqual({
      outcome: "merged",
      atOnceBecause: "Pull request is in clean status",
    });
    const graphql = fake.calls.find((c) => c.operationId === "graphql");
    expect(JSON.stringify(graphql?.response)).toMatch(/clean status/);
    expect(fake.calls.find((c) => c.operationId === "pulls/merge")?.body).toMatchObject({ merge_method: "merge", sha: head });
    expect(await fake.readFile(OWNER, REPO, "main", "a.yaml")).toBe("a: 2\n");
  });

  it("auto: merges now when GitHub says unstable status (a check the base does not require pending or failing), and gives GitHub's reason", async () => {
    const pr = await open();
    await fake.setMergeState(OWNER, REPO, pr.number, "UNSTABLE");
    expect(await mergePullRequest(client, repository, pr, "auto", "squash")).toEqual({
      outcome: "merged",
      atOnceBecause: "Pull request is in unstable status",
    });
    expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "closed", merged: true, autoMerge: null });
    expect(mergeCalls()).toEqual([200]);
    expect(fake.violations).toEqual([]);
  });

  it("auto: GitHub's older refusal 'not in the correct state' merges now only when the pull request's mergeable_state says GitHub would", async () => {
    const pr = await open();
    const older = () =>
      fake.inject({
        operationId: "graphql",
        status: 200,
        body: {
          data: { enablePullRequestAutoMerge: null },
          errors: [{ type: "UNPROCESSABLE", message: "Pull request is not in the correct state to enable auto-merge" }],
        },
      });
    await fake.setMergeState(OWNER, REPO, pr.number, "BLOCKED");
    older();
    await expect(mergePullRequest(client, repository, pr, "auto", "merge")).rejects.toThrow(
      /not in the correct state to enable auto-merge\. Allow auto-merge in the repository settings\. merge: immediate would be refused too: a required review or check is pending/,
    );
    expect(mergeCalls()).toEqual([]);

    await fake.setMergeState(OWNER, REPO, pr.number, "UNSTABLE");
    older();
    expect(await mergePullRequest(client, repository, pr, "auto", "merge")).toEqual({
      outcome: "merged",
      atOnceBecause: "Pull request is not in the correct state to enable auto-merge; mergeable_state: unstable",
    });
    expect(mergeCalls()).toEqual([200]);
    expect(fake.violations).toEqual([]);
  });

  it("immediate: merges exactly the pushed head with the chosen method", async () => {
    const pr = await open();
    expect(await mergePullRequest(client, repository, { ...pr, headSha: head }, "immediate", "rebase")).toEqual({ outcome: "merged" });
    expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "closed", merged: true });
    expect(fake.calls.some((c) => c.operationId === "graphql")).toBe(false);
  });

  it("auto: says what to change when the repository does not allow auto-merge", async () => {
    await fake.close();
    fake = await startFakeGitHub();
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    await fake.createRepo(OWNER, REPO, { "a.yaml": "a: 1\n" }, { autoMergeAllowed: false });
    head = await fake.commitFile(OWNER, REPO, branch, "a.yaml", "a: 2\n");
    const pr = await open();
    await expect(mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "merge")).rejects.toThrow(
      /Allow auto-merge in the repository settings and protect the base branch with required checks, or use merge: immediate\.$/,
    );
    expect(fake.pulls(OWNER, REPO)[0]?.state).toBe("open");

    // A required review or check pending: GitHub would refuse merge: immediate too, so it is not offered.
    await fake.setMergeState(OWNER, REPO, pr.number, "BLOCKED");
    const refused = await mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "merge").then(
      () => new Error("merged; expected a refusal"),
      (e: unknown) => e as Error,
    );
    expect(refused.message).toMatch(
      /Allow auto-merge in the repository settings\. merge: immediate would be refused too: a required review or check is pending on the pull request; merge it yourself once that is done\.$/,
    );
    expect(refused.message).not.toContain("or use merge: immediate");
  });

  describe.each([
    {
      method: "merge",
      only: "squash",
      rest: "Merge commits are not allowed on this repository.",
      auto: "Merge method merge commits are not allowed on this repository",
    },
    {
      method: "squash",
      only: "rebase",
      rest: "Squash merges are not allowed on this repository.",
      auto: "Merge method squash merging is not allowed on this repository",
    },
    {
      method: "rebase",
      only: "merge",
      rest: "Rebase merges are not allowed on this repository.",
      auto: "Merge method rebase merging is not allowed on this repository",
    },
  ] as const)("merge-method: $method on a repository that allows $only only", ({ method, only, rest, auto }) => {
    beforeEach(async () => {
      await fake.close();
      fake = await startFakeGitHub();
      client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
      const allowed = { allowMergeCommit: only === "merge", allowSquashMerge: only === "squash", allowRebaseMerge: only === "rebase" };
      await fake.createRepo(OWNER, REPO, { "a.yaml": "a: 1\n" }, allowed);
      head = await fake.commitFile(OWNER, REPO, branch, "a.yaml", "a: 2\n");
    });
    const refusal = (mode: "immediate" | "auto", pr: Mergeable) =>
      mergePullRequest(client, repository, pr, mode, method).then(
        () => new Error("merged; expected a refusal"),
        (e: unknown) => e as Error,
      );
    const advice = `This repository allows merge-method \`${only}\`: set merge-method: ${only}.`;

    it("immediate: GitHub's refusal names the input and the method the repository allows", async () => {
      const pr = await open();
      expect((await refusal("immediate", pr)).message).toBe(
        `could not merge pull request #1 with merge-method: ${method}: ${rest.replace(/\.$/, "")}. ${advice}`,
      );
      expect(mergeCalls()).toEqual([405]);
      expect(fake.pulls(OWNER, REPO)[0]?.state).toBe("open");
      expect(fake.violations).toEqual([]);
    });

    it("auto: GitHub's refusal of auto-merge says the same", async () => {
      const pr = await open();
      await fake.setMergeState(OWNER, REPO, pr.number, "BLOCKED");
      const error = await refusal("auto", pr);
      expect(error.message).toBe(`could not merge pull request #1 with merge-method: ${method}: ${auto}. ${advice}`);
      expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "open", autoMerge: null });
      expect(fake.violations).toEqual([]);
    });
  });

  it("turning auto-merge off: GitHub's refusal when it is off already (by someone else) or the pull request closed is no failure, and says which", async () => {
    const pr = await open();
    await fake.setMergeState(OWNER, REPO, pr.number, "BLOCKED");
    await mergePullRequest(client, repository, pr, "auto", "merge");
    expect(await disableAutoMerge(client, pr)).toBe("off");
    expect(fake.pulls(OWNER, REPO)[0]?.autoMerge).toBeNull();
    expect(await disableAutoMerge(client, pr)).toBe("off");
    await client.rest.pulls.update({ ...repository, pull_number: pr.number, state: "closed" });
    expect(await disableAutoMerge(client, pr)).toBe("closed");
    const refusals = fake.calls.filter((c) => JSON.stringify(c.body ?? null).includes("disablePullRequestAutoMerge")).map((c) => JSON.stringify(c.response));
    expect(refusals.map((r) => /not enabled|is closed/.exec(r)?.[0] ?? "turned off")).toEqual(["turned off", "not enabled", "is closed"]);
    expect(fake.violations).toEqual([]);
  });

  it("a new pull request's answer says GitHub has not computed whether it merges (mergeable null), and merging it works all the same", async () => {
    const pr = await open();
    expect(fake.calls.find((c) => c.operationId === "pulls/create")?.response).toMatchObject({ mergeable: null, mergeable_state: "unknown" });
    expect(await mergePullRequest(client, repository, pr, "auto", "merge")).toMatchObject({ outcome: "merged" });
    expect(fake.violations).toEqual([]);
  });

  it("immediate: another run replaced the branch after our push (409): the run plans again, after one request", async () => {
    const pr = await open();
    fake.inject({ operationId: "pulls/merge", beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, branch, "b.yaml", "b: 2\n")) });
    await expect(mergePullRequest(client, repository, pr, "immediate", "merge")).rejects.toEqual(new BranchMovedError(branch));
    expect(mergeCalls()).toEqual([409]);
    expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "open", merged: false });
  });

  it("immediate: our merge landed but its answer was lost: the refused retry is reported merged", async () => {
    const pr = await open();
    const other = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    fake.inject({
      operationId: "pulls/merge",
      status: 502,
      beforeHandle: async () => void (await other.rest.pulls.merge({ ...repository, pull_number: pr.number, sha: head })),
    });
    expect(await mergePullRequest(client, repository, pr, "immediate", "merge")).toEqual({ outcome: "merged" });
    expect(mergeCalls()).toEqual([502, 200, 405]);
    expect(await fake.readFile(OWNER, REPO, "main", "a.yaml")).toBe("a: 2\n");
  });

  it("immediate: another run merged a newer head of the branch: the run plans again rather than claim that merge", async () => {
    const pr = await open();
    const newer = await fake.commitFile(OWNER, REPO, branch, "b.yaml", "b: 2\n");
    await client.rest.pulls.merge({ ...repository, pull_number: pr.number, sha: newer });
    await expect(mergePullRequest(client, repository, pr, "immediate", "merge")).rejects.toEqual(new BranchMovedError(branch));
    expect(mergeCalls()).toEqual([200, 405]);
  });

  it("immediate: a pull request a person closed is not merged, and not tried again: the run plans again", async () => {
    const pr = await open();
    await client.rest.pulls.update({ ...repository, pull_number: pr.number, state: "closed" });
    const refused = mergePullRequest(client, repository, pr, "immediate", "merge");
    await expect(refused).rejects.toBeInstanceOf(PullRequestClosedError);
    await expect(refused).rejects.toThrow(`pull request #1 was closed before this run merged it (${branch} at ${pr.headSha})`);
    expect(mergeCalls()).toEqual([405]);
    expect(fake.violations).toEqual([]);
  });
});

describe("deliver: merging the pull request it landed", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["prod"]));
  });
  afterEach(() => fake.close());

  /** A pull-request delivery through the API, merged as `merge` and `mergeMethod` say. */
  const pullRequest = (merge: DeliveryOptions["merge"], mergeMethod: DeliveryOptions["mergeMethod"]): DeliveryOptions => ({
    mode: "pull-request",
    labels: [],
    reviewers: [],
    merge,
    mergeMethod,
    commitVia: "api",
    dryRun: false,
  });
  const request = { images: [`${APP}:1.1.0`], setters: [], sets: [], paths: [] };

  describe("merge auto on a base branch that requires nothing", () => {
    it("merges at once, and warns that nothing made it wait", async () => {
      const result = await deliver(ctx, request, pullRequest("auto", "merge"));
      expect(result.landings.map((l) => l.merge)).toEqual(["merged"]);
      expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ merged: true });
      expect(result.plan.warnings.map((w) => w.message)).toEqual([
        'pull request #1 was merged at once: merge: auto found no required check or review pending on main (GitHub: "Pull request is in clean status"); protect main with required checks to have auto-merge wait for them',
      ]);
    });

    it("merges at once also while a check main does not require is pending (GitHub: unstable), and says it was not waited for", async () => {
      fake.inject({
        operationId: "graphql",
        beforeHandle: async () => {
          for (const pull of fake.pulls(OWNER, REPO)) if (pull.state === "open") await fake.setMergeState(OWNER, REPO, pull.number, "UNSTABLE");
        },
      });
      const result = await deliver(ctx, request, pullRequest("auto", "squash"));
      expect(result.landings.map((l) => l.merge)).toEqual(["merged"]);
      expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ merged: true });
      expect(result.plan.warnings.map((w) => w.message)).toEqual([
        'pull request #1 was merged at once: merge: auto found no required check or review pending on main (GitHub: "Pull request is in unstable status"); the checks on it that main does not require were pending or failing, and were not waited for; protect main with required checks to have auto-merge wait for them',
      ]);
      expect(fake.violations).toEqual([]);
    });

    it("says nothing when auto-merge is recorded to wait for required checks", async () => {
      // Required checks pending on the pull request by the time auto-merge is asked for.
      fake.inject({
        operationId: "graphql",
        times: 100,
        beforeHandle: async () => {
          for (const pull of fake.pulls(OWNER, REPO))
            if (pull.state === "open" && !pull.autoMerge) await fake.setMergeState(OWNER, REPO, pull.number, "BLOCKED");
        },
      });
      const result = await deliver(ctx, request, pullRequest("auto", "merge"));
      expect(result.landings.map((l) => l.merge)).toEqual(["auto-merge"]);
      expect(result.plan.warnings).toEqual([]);
    });
  });

  describe("merge immediate on a base that moved with a conflicting change", () => {
    it("plans again on the moved base and merges there, the base's change kept", async () => {
      // Between our push and our merge, someone lands a change to the very line our pull request edits.
      fake.inject({
        operationId: "pulls/merge",
        beforeHandle: async () => {
          const text = (await fake.readFile(OWNER, REPO, "main", "prod/app.yaml"))!;
          await fake.commitFile(OWNER, REPO, "main", "prod/app.yaml", text.replace("# the running build", "# pinned by ops"));
        },
      });
      const result = await deliver(ctx, request, pullRequest("immediate", "squash"));
      expect(result.attempts).toBe(2);
      expect(fake.calls.filter((c) => c.operationId === "pulls/merge").map((c) => c.status)).toEqual([405, 200]);
      expect(result.landings.at(-1)).toMatchObject({ merge: "merged" });
      expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toContain(`image: ${APP}:1.1.0 # pinned by ops\n`);
      expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, merged: true }]);
      // The pull request's change to that file was this run's own, made again on the new base: nothing was lost to warn of.
      expect(result.plan.warnings).toEqual([]);
    });
  });
});
