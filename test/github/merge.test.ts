import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { mergePullRequest } from "../../src/github/merge.js";
import { upsertPullRequest } from "../../src/github/pull-request.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { OWNER, REPO } from "./fixture.js";

describe("merging a delivery's pull request", () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  let head: string;
  const repository = { owner: OWNER, repo: REPO };
  const open = () =>
    upsertPullRequest(
      client,
      repository,
      { base: "main", head: "gitops-promote/app", title: "t", body: "b", labels: [], reviewers: [], assignees: [], draft: false },
      { branchExisted: false, branchChanged: true },
    );
  beforeEach(async () => {
    fake = await startFakeGitHub();
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    await fake.createRepo(OWNER, REPO, { "a.yaml": "a: 1\n" });
    head = await fake.commitFile(OWNER, REPO, "gitops-promote/app", "a.yaml", "a: 2\n");
  });
  afterEach(() => fake.close());

  it("auto: enables GitHub auto-merge while required checks are pending", async () => {
    const pr = await open();
    await fake.setMergeState(OWNER, REPO, pr.number, "BLOCKED");
    expect(await mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "squash")).toBe("auto-merge");
    expect(fake.pulls(OWNER, REPO)[0]?.autoMerge?.mergeMethod).toBe("squash");
    expect(await fake.readFile(OWNER, REPO, "main", "a.yaml")).toBe("a: 1\n");
    await fake.completeAutoMerge(OWNER, REPO, pr.number);
    expect(await fake.readFile(OWNER, REPO, "main", "a.yaml")).toBe("a: 2\n");
  });

  it("auto: merges now when GitHub says the pull request is in clean status", async () => {
    const pr = await open();
    expect(await mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "merge")).toBe("merged");
    const graphql = fake.calls.find((c) => c.operationId === "graphql");
    expect(JSON.stringify(graphql?.response)).toMatch(/clean status/);
    expect(fake.calls.find((c) => c.operationId === "pulls/merge")?.body).toMatchObject({ merge_method: "merge", sha: head });
    expect(await fake.readFile(OWNER, REPO, "main", "a.yaml")).toBe("a: 2\n");
  });

  it("immediate: merges exactly the pushed head with the chosen method", async () => {
    const pr = await open();
    expect(await mergePullRequest(client, repository, { ...pr, headSha: head }, "immediate", "rebase")).toBe("merged");
    expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "closed", merged: true });
    expect(fake.calls.some((c) => c.operationId === "graphql")).toBe(false);
  });

  it("auto: says what to change when the repository does not allow auto-merge", async () => {
    await fake.close();
    fake = await startFakeGitHub();
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    await fake.createRepo(OWNER, REPO, { "a.yaml": "a: 1\n" }, { autoMergeAllowed: false });
    head = await fake.commitFile(OWNER, REPO, "gitops-promote/app", "a.yaml", "a: 2\n");
    const pr = await open();
    await expect(mergePullRequest(client, repository, { ...pr, headSha: head }, "auto", "merge")).rejects.toThrow(
      /Allow auto-merge in the repository settings/,
    );
    expect(fake.pulls(OWNER, REPO)[0]?.state).toBe("open");
  });
});
