// Pull requests on the fake: REST create/update/merge with GitHub's errors, and auto-merge through GraphQL.
import { getOctokit } from "@actions/github";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";

let fake: FakeGitHub;
let octokit: ReturnType<typeof getOctokit>;
const owner = "acme";
let repoCount = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
});

afterAll(async () => {
  await fake.close();
});

/** A fresh repo with a branch `bump` one commit ahead of main. */
async function repoWithBranch(): Promise<string> {
  const repo = `manifests-${++repoCount}`;
  await fake.createRepo(owner, repo, { "app.yaml": "tag: 1.0.0\n", "other.yaml": "a: 1\n" });
  await fake.commitFile(owner, repo, "bump", "app.yaml", "tag: 1.2.3\n", "bump app to 1.2.3");
  return repo;
}

const autoMergeMutation = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) {
    pullRequest { number autoMergeRequest { mergeMethod enabledAt } }
  }
}`;

const prQuery = `query($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) { pullRequest(number: $number) { id number mergeStateStatus state autoMergeRequest { mergeMethod } } }
}`;

interface PrQueryResult {
  repository: { pullRequest: { id: string; number: number; mergeStateStatus: string; state: string; autoMergeRequest: { mergeMethod: string } | null } };
}

describe("pull requests over REST", () => {
  it("creates one PR per head branch and answers a duplicate with GitHub's 422", async () => {
    const repo = await repoWithBranch();
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.3", body: "details" });
    // As on GitHub, a new pull request's mergeability is computed in the background: unknown in the answer, clean when read again.
    expect(pr).toMatchObject({ number: 1, state: "open", head: { ref: "bump" }, base: { ref: "main" }, mergeable: null, mergeable_state: "unknown" });
    expect((await octokit.rest.pulls.get({ owner, repo, pull_number: 1 })).data).toMatchObject({ mergeable: true, mergeable_state: "clean" });
    expect(pr.node_id).toMatch(/^PR_/);

    await expect(octokit.rest.pulls.create({ owner, repo, head: `${owner}:bump`, base: "main", title: "again" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining(`A pull request already exists for ${owner}:bump.`),
    });
    const { data: open } = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:bump`, base: "main", state: "open" });
    expect(open.map((p) => p.number)).toEqual([1]);
    const { data: none } = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:other`, state: "all" });
    expect(none).toEqual([]);
  });

  it("refuses a PR without commits between base and head", async () => {
    const repo = await repoWithBranch();
    await octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/same", sha: (await fake.refs(owner, repo))["refs/heads/main"] ?? "" });
    await expect(octokit.rest.pulls.create({ owner, repo, head: "same", base: "main", title: "nothing" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("No commits between main and same"),
    });
  });

  it("updates title and body, adds labels and reviewers, and follows pushes to the head branch", async () => {
    const repo = await repoWithBranch();
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.3" });
    await octokit.rest.pulls.update({ owner, repo, pull_number: pr.number, title: "Deploy 1.2.4", body: "new body" });
    const { data: labels } = await octokit.rest.issues.addLabels({ owner, repo, issue_number: pr.number, labels: ["production", "deploy"] });
    expect(labels.map((l) => l.name)).toEqual(["production", "deploy"]);
    await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pr.number, reviewers: ["alice"] });
    const pushed = await fake.commitFile(owner, repo, "bump", "app.yaml", "tag: 1.2.4\n");

    const { data: after } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(after).toMatchObject({ title: "Deploy 1.2.4", body: "new body", head: { sha: pushed } });
    expect(after.labels.map((l) => l.name)).toEqual(["production", "deploy"]);
    expect(after.requested_reviewers?.map((u) => u.login)).toEqual(["alice"]);
    expect(fake.pulls(owner, repo)[0]).toMatchObject({ labels: ["production", "deploy"], reviewers: ["alice"], headSha: pushed });
  });

  it("reopens a closed PR only while its branch holds the head it closed at, or a descendant, and no other PR from it is open", async () => {
    const repo = await repoWithBranch();
    await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.3" });
    const close = () => octokit.rest.pulls.update({ owner, repo, pull_number: 1, state: "closed" });
    const reopen = () => octokit.rest.pulls.update({ owner, repo, pull_number: 1, state: "open" });
    await close();
    const pushed = await fake.commitFile(owner, repo, "bump", "app.yaml", "tag: 1.2.4\n");
    expect((await reopen()).data).toMatchObject({ state: "open", head: { sha: pushed } });

    await close();
    const elsewhere = await fake.commitFile(owner, repo, "elsewhere", "app.yaml", "tag: 9.0.0\n");
    await octokit.rest.git.updateRef({ owner, repo, ref: "heads/bump", sha: elsewhere, force: true });
    await expect(reopen()).rejects.toMatchObject({ status: 422, message: expect.stringContaining("The bump branch was force-pushed or recreated.") });

    await octokit.rest.git.updateRef({ owner, repo, ref: "heads/bump", sha: pushed, force: true });
    await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.4" });
    await expect(reopen()).rejects.toMatchObject({ status: 422, message: expect.stringContaining(`A pull request already exists for ${owner}:bump.`) });
    expect(fake.pulls(owner, repo).map((p) => p.state)).toEqual(["closed", "open"]);
  });

  it("closes, unmerged, the open pull request from a branch deleted by REST or GraphQL, as GitHub does; the others stay open", async () => {
    const repo = await repoWithBranch();
    const head = (await fake.refs(owner, repo))["refs/heads/bump"];
    const other = await fake.commitFile(owner, repo, "other", "other.yaml", "a: 2\n");
    await fake.commitFile(owner, repo, "kept", "other.yaml", "a: 3\n");
    for (const branch of ["bump", "other", "kept"]) await octokit.rest.pulls.create({ owner, repo, head: branch, base: "main", title: `From ${branch}` });

    await octokit.rest.git.deleteRef({ owner, repo, ref: "heads/bump" });
    const { data: closed } = await octokit.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(closed).toMatchObject({ state: "closed", merged: false, merged_at: null, closed_at: expect.any(String), head: { ref: "bump", sha: head } });
    const { data: issue } = await octokit.rest.issues.get({ owner, repo, issue_number: 1 });
    expect(issue.closed_by?.login).toBe("github-actions[bot]");
    // Gone with its branch: GitHub cannot reopen it.
    await expect(octokit.rest.pulls.update({ owner, repo, pull_number: 1, state: "open" })).rejects.toMatchObject({ status: 422 });

    const repositoryId = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`;
    const { repository } = await octokit.graphql<{ repository: { id: string } }>(repositoryId, { owner, name: repo });
    const refUpdates = [{ name: "refs/heads/other", beforeOid: other, afterOid: "0".repeat(40) }];
    await octokit.graphql(`mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }`, {
      input: { repositoryId: repository.id, refUpdates },
    });
    expect(fake.pulls(owner, repo).map((p) => ({ head: p.head, state: p.state, merged: p.merged, headSha: p.headSha }))).toEqual([
      { head: "bump", state: "closed", merged: false, headSha: head },
      { head: "other", state: "closed", merged: false, headSha: other },
      { head: "kept", state: "open", merged: false, headSha: expect.any(String) },
    ]);
  });

  it("assigns a pull request through the issues API, answering the issue GitHub's schema describes", async () => {
    const repo = await repoWithBranch();
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.3" });
    const { data: issue } = await octokit.rest.issues.addAssignees({ owner, repo, issue_number: pr.number, assignees: ["alice", "bob"] });
    expect(issue).toMatchObject({
      number: pr.number,
      state: "open",
      assignee: { login: "alice" },
      pull_request: { url: expect.stringMatching(/\/pulls\/1$/) },
    });
    expect(issue.assignees?.map((u) => u.login)).toEqual(["alice", "bob"]);
    const { data: after } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(after.assignees?.map((u) => u.login)).toEqual(["alice", "bob"]);
    expect(fake.takeViolations()).toEqual([]);
  });

  it("merges with a merge commit: two parents, GitHub's message, base moved", async () => {
    const repo = await repoWithBranch();
    const head = (await fake.refs(owner, repo))["refs/heads/bump"];
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.3" });
    const { data: merged } = await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: "merge", sha: head });

    const [tip] = await fake.log(owner, repo, "main");
    expect(tip).toMatchObject({ sha: merged.sha, message: `Merge pull request #1 from ${owner}/bump\n\nDeploy 1.2.3\n`, verified: true });
    expect(tip?.parents[1]).toBe(head);
    expect(await fake.readFile(owner, repo, "main", "app.yaml")).toBe("tag: 1.2.3\n");
    const { data: closed } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(closed).toMatchObject({ state: "closed", merged: true, merge_commit_sha: merged.sha });
    expect((await octokit.rest.pulls.checkIfMerged({ owner, repo, pull_number: pr.number })).status).toBe(204);
    await expect(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number })).rejects.toMatchObject({ status: 405 });
  });

  it("squashes: one parent, '<title> (#n)', the branch's changes", async () => {
    const repo = await repoWithBranch();
    await fake.commitFile(owner, repo, "bump", "other.yaml", "a: 2\n", "second change");
    const base = (await fake.refs(owner, repo))["refs/heads/main"];
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.3" });
    await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: "squash" });

    const [tip] = await fake.log(owner, repo, "main");
    expect(tip?.parents).toEqual([base]);
    expect(tip?.message).toBe("Deploy 1.2.3 (#1)\n\n* bump app to 1.2.3\n\n* second change\n");
    expect(await fake.readFile(owner, repo, "main", "other.yaml")).toBe("a: 2\n");
  });

  it("rebases: each commit replayed on the moved base with its message and author", async () => {
    const repo = await repoWithBranch();
    await fake.commitFile(owner, repo, "bump", "other.yaml", "a: 2\n", "second change");
    const moved = await fake.commitFile(owner, repo, "main", "unrelated.yaml", "b: 1\n", "unrelated on main");
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy 1.2.3" });
    await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: "rebase" });

    const log = await fake.log(owner, repo, "main");
    expect(log.slice(0, 3).map((c) => c.message)).toEqual(["second change", "bump app to 1.2.3", "unrelated on main"]);
    expect(log[1]?.parents).toEqual([moved]);
    expect(log[0]?.author.email).toBe("test@example.com");
    expect(await fake.listFiles(owner, repo, "main")).toEqual(["app.yaml", "other.yaml", "unrelated.yaml"]);
  });

  it("answers 409 for a stale head sha, 405 for conflicts and for blocked PRs", async () => {
    const repo = await repoWithBranch();
    const stale = (await fake.refs(owner, repo))["refs/heads/bump"];
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy" });
    await fake.commitFile(owner, repo, "bump", "x.txt", "moved\n");
    await expect(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number, sha: stale })).rejects.toMatchObject({ status: 409 });
    await expect(octokit.rest.pulls.checkIfMerged({ owner, repo, pull_number: pr.number })).rejects.toMatchObject({ status: 404 });

    await fake.setMergeState(owner, repo, pr.number, "BLOCKED");
    await expect(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number })).rejects.toMatchObject({
      status: 405,
      message: expect.stringContaining("not mergeable"),
    });

    await fake.setMergeState(owner, repo, pr.number, "CLEAN");
    await fake.commitFile(owner, repo, "main", "app.yaml", "tag: 9.9.9\n");
    const { data: dirty } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(dirty).toMatchObject({ mergeable: false, mergeable_state: "dirty" });
    await expect(octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number })).rejects.toMatchObject({ status: 405 });
    expect(await fake.readFile(owner, repo, "main", "app.yaml")).toBe("tag: 9.9.9\n");
  });
});

describe("auto-merge over GraphQL", () => {
  it("fails like GitHub when the PR is already in clean status, then merges over REST as the fallback", async () => {
    const repo = await repoWithBranch();
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy" });
    const q = await octokit.graphql<PrQueryResult>(prQuery, { owner, name: repo, number: pr.number });
    expect(q.repository.pullRequest).toMatchObject({ id: pr.node_id, mergeStateStatus: "CLEAN", state: "OPEN", autoMergeRequest: null });

    await expect(octokit.graphql(autoMergeMutation, { id: pr.node_id, mergeMethod: "SQUASH" })).rejects.toThrow("Pull request Pull request is in clean status");
    await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: "squash" });
    expect(fake.pulls(owner, repo)[0]).toMatchObject({ merged: true });
  });

  it("records auto-merge on a blocked PR and merges once the test completes it", async () => {
    const repo = await repoWithBranch();
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy" });
    await fake.setMergeState(owner, repo, pr.number, "BLOCKED");
    const enabled = await octokit.graphql<{ enablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: { mergeMethod: string } } } }>(autoMergeMutation, {
      id: pr.node_id,
      mergeMethod: "SQUASH",
    });
    expect(enabled.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.mergeMethod).toBe("SQUASH");
    const { data: rest } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(rest).toMatchObject({ mergeable_state: "blocked", auto_merge: { merge_method: "squash" }, merged: false });

    const sha = await fake.completeAutoMerge(owner, repo, pr.number);
    expect((await fake.log(owner, repo, "main"))[0]).toMatchObject({ sha, message: "Deploy (#1)\n\n* bump app to 1.2.3\n" });
    const after = await octokit.graphql<PrQueryResult>(prQuery, { owner, name: repo, number: pr.number });
    expect(after.repository.pullRequest.state).toBe("MERGED");
  });

  it("merges a recorded auto-merge when the scripted state turns CLEAN, and at once in 'immediate' mode", async () => {
    const repo = await repoWithBranch();
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy" });
    await fake.setMergeState(owner, repo, pr.number, "BLOCKED");
    await octokit.graphql(autoMergeMutation, { id: pr.node_id, mergeMethod: "MERGE" });
    expect(fake.pulls(owner, repo)[0]?.merged).toBe(false);
    await fake.setMergeState(owner, repo, pr.number, "CLEAN");
    expect(fake.pulls(owner, repo)[0]?.merged).toBe(true);

    const immediate = await startFakeGitHub({ autoMerge: "immediate" });
    try {
      await immediate.createRepo(owner, "m", { "a.txt": "1\n" });
      await immediate.commitFile(owner, "m", "b", "a.txt", "2\n");
      const client = getOctokit(immediate.token, { baseUrl: immediate.apiUrl });
      const { data: other } = await client.rest.pulls.create({ owner, repo: "m", head: "b", base: "main", title: "t" });
      await immediate.setMergeState(owner, "m", other.number, "BLOCKED");
      await client.graphql(autoMergeMutation, { id: other.node_id, mergeMethod: "REBASE" });
      expect(await immediate.readFile(owner, "m", "main", "a.txt")).toBe("2\n");
      expect(immediate.violations).toEqual([]);
    } finally {
      await immediate.close();
    }
  });

  it("merges through the mergePullRequest mutation and refuses auto-merge where the repo disallows it", async () => {
    const repo = await repoWithBranch();
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy" });
    await octokit.graphql(`mutation($id: ID!) { mergePullRequest(input: { pullRequestId: $id, mergeMethod: MERGE }) { pullRequest { merged } } }`, {
      id: pr.node_id,
    });
    expect(fake.pulls(owner, repo)[0]?.merged).toBe(true);

    await fake.createRepo(owner, "no-auto", { "a.txt": "1\n" }, { autoMergeAllowed: false });
    await fake.commitFile(owner, "no-auto", "b", "a.txt", "2\n");
    const { data: blocked } = await octokit.rest.pulls.create({ owner, repo: "no-auto", head: "b", base: "main", title: "t" });
    await fake.setMergeState(owner, "no-auto", blocked.number, "BLOCKED");
    await expect(octokit.graphql(autoMergeMutation, { id: blocked.node_id, mergeMethod: "MERGE" })).rejects.toThrow(
      "Auto merge is not allowed for this repository",
    );
  });

  it("refuses auto-merge on a closed or merged PR as GitHub does, and records nothing", async () => {
    const repo = await repoWithBranch();
    const { data: closed } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy" });
    await fake.setMergeState(owner, repo, closed.number, "BLOCKED");
    await octokit.rest.pulls.update({ owner, repo, pull_number: closed.number, state: "closed" });
    await expect(octokit.graphql(autoMergeMutation, { id: closed.node_id, mergeMethod: "MERGE" })).rejects.toThrow("Pull request Pull request is closed");

    const { data: merged } = await octokit.rest.pulls.create({ owner, repo, head: "bump", base: "main", title: "Deploy again" });
    await octokit.rest.pulls.merge({ owner, repo, pull_number: merged.number });
    await expect(octokit.graphql(autoMergeMutation, { id: merged.node_id, mergeMethod: "MERGE" })).rejects.toThrow("Pull request Pull request is closed");
    expect(fake.pulls(owner, repo).map((p) => [p.state, p.merged, p.autoMerge])).toEqual([
      ["closed", false, null],
      ["closed", true, null],
    ]);
  });

  it("rejects operations that do not fit GitHub's schema and records them as violations", async () => {
    await expect(
      octokit.graphql(`mutation { enablePullRequestAutoMerge(input: { pullRequestId: "x", mergeMethod: FAST }) { clientMutationId } }`),
    ).rejects.toThrow(/FAST.*PullRequestMergeMethod/);
    await expect(octokit.graphql(autoMergeMutation, { id: "x", mergeMethod: "FAST" })).rejects.toThrow(/FAST/);
    await expect(octokit.graphql(`query { repository(owner: "acme", name: "m") { pullRequest(number: 1) { noSuchField } } }`)).rejects.toThrow(/noSuchField/);
    const provoked = fake.takeViolations();
    expect(provoked.map((v) => v.kind)).toEqual(["graphql", "graphql", "graphql"]);
  });
});

describe("contract", () => {
  it("sent and received only bodies that fit GitHub's OpenAPI description and GraphQL schema", () => {
    expect(fake.violations).toEqual([]);
  });
});
