import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { pullRequestBranch, upsertPullRequest, type PullRequestSpec } from "../../src/github/pull-request.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { OWNER, REPO } from "./fixture.js";

describe("pull request branch names", () => {
  it("are gitops-promote/<name> with one flat, ref-safe component", () => {
    expect(pullRequestBranch("production")).toBe("gitops-promote/production");
    expect(pullRequestBranch("ghcr.io/acme/app")).toBe("gitops-promote/ghcr.io-acme-app");
    expect(pullRequestBranch("../we ird..name.lock")).toBe("gitops-promote/we-ird.name-lock");
    expect(pullRequestBranch("///")).toBe("gitops-promote/update");
  });
});

describe("one pull request per branch", () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  const repository = { owner: OWNER, repo: REPO };
  const spec: PullRequestSpec = {
    base: "main",
    head: "gitops-promote/app",
    title: "bump app",
    body: "body",
    labels: ["deploy"],
    reviewers: ["alice", "acme/sre"],
    assignees: [],
    draft: false,
  };
  beforeEach(async () => {
    fake = await startFakeGitHub();
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    await fake.createRepo(OWNER, REPO, { "a.yaml": "a: 1\n" });
    await fake.commitFile(OWNER, REPO, "gitops-promote/app", "a.yaml", "a: 2\n");
  });
  afterEach(() => fake.close());

  it("creates it with labels and reviewers, then updates the same one", async () => {
    const created = await upsertPullRequest(client, repository, spec, { branchExisted: false, branchChanged: true });
    expect(created.operation).toBe("created");
    const [pull] = fake.pulls(OWNER, REPO);
    expect(pull).toMatchObject({ number: created.number, title: "bump app", head: "gitops-promote/app", base: "main" });
    expect(fake.calls.find((c) => c.operationId === "issues/add-labels")?.body).toEqual({ labels: ["deploy"] });
    expect(fake.calls.find((c) => c.operationId === "pulls/request-reviewers")?.body).toEqual({ reviewers: ["alice"], team_reviewers: ["sre"] });

    const updated = await upsertPullRequest(client, repository, { ...spec, title: "bump app again" }, { branchExisted: true, branchChanged: true });
    expect(updated).toMatchObject({ number: created.number, operation: "updated" });
    expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
    expect(fake.pulls(OWNER, REPO)[0]?.title).toBe("bump app again");
    expect(fake.calls.filter((c) => c.operationId === "pulls/request-reviewers")).toHaveLength(1);

    const same = await upsertPullRequest(client, repository, { ...spec, title: "bump app again" }, { branchExisted: true, branchChanged: false });
    expect(same.operation).toBe("none");
    expect(fake.violations).toEqual([]);
  });

  it("adopts the pull request another run opened meanwhile instead of failing", async () => {
    await upsertPullRequest(client, repository, spec, { branchExisted: false, branchChanged: true });
    const again = await upsertPullRequest(client, repository, spec, { branchExisted: false, branchChanged: true });
    expect(again.operation).toBe("updated");
    expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
  });
});
