import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { awaitOtherRunsBody, findPullRequests, pullRequestBranch, upsertPullRequest, type PullRequestSpec } from "../../src/github/pull-request.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { pullRequestBody } from "../../src/github/pull-request-body.js";
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

  const head = async () => (await fake.refs(OWNER, REPO))[`refs/heads/${spec.head}`]!;
  const branchPulls = async () => findPullRequests(client, repository, spec, await head());
  const asPerson = (method: string, path: string, body: unknown) =>
    fetch(`${fake.apiUrl}/repos/${OWNER}/${REPO}${path}`, {
      method,
      headers: { authorization: `token ${fake.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("creates it with labels and reviewers, then updates the same one", async () => {
    const created = await upsertPullRequest(client, repository, spec, { open: undefined, branchExisted: false, branchChanged: true, head: await head() });
    expect(created.operation).toBe("created");
    const [pull] = fake.pulls(OWNER, REPO);
    expect(pull).toMatchObject({ number: created.number, title: "bump app", head: "gitops-promote/app", base: "main" });
    expect(fake.calls.find((c) => c.operationId === "issues/add-labels")?.body).toEqual({ labels: ["deploy"] });
    expect(fake.calls.find((c) => c.operationId === "pulls/request-reviewers")?.body).toEqual({ reviewers: ["alice"], team_reviewers: ["sre"] });

    const { open } = await branchPulls();
    const updated = await upsertPullRequest(
      client,
      repository,
      { ...spec, title: "bump app again" },
      { open, branchExisted: true, branchChanged: true, head: await head() },
    );
    expect(updated).toMatchObject({ number: created.number, operation: "updated", replacedText: { title: "bump app", body: "body" } });
    expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
    expect(fake.pulls(OWNER, REPO)[0]?.title).toBe("bump app again");
    expect(fake.calls.filter((c) => c.operationId === "pulls/request-reviewers")).toHaveLength(1);

    const same = await upsertPullRequest(
      client,
      repository,
      { ...spec, title: "bump app again" },
      { ...(await branchPulls()), branchExisted: true, branchChanged: false, head: await head() },
    );
    expect(same.operation).toBe("none");
    expect(same.replacedText).toBeUndefined();
    expect(fake.violations).toEqual([]);
  });

  it("adopts the pull request another run opened meanwhile on its branch instead of failing, keeping the text it wrote over", async () => {
    await upsertPullRequest(client, repository, spec, { open: undefined, branchExisted: false, branchChanged: true, head: await head() });
    const ours = { ...spec, title: "bump app and api" };
    const again = await upsertPullRequest(client, repository, ours, { open: undefined, branchExisted: true, branchChanged: true, head: await head() });
    expect(again.operation).toBe("updated");
    // The other run's text: what the pull request gets back should it close before this run merges it.
    expect(again.replacedText).toEqual({ title: "bump app", body: "body" });
    expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
  });

  it("a create GitHub applied but whose answer was lost, retried: on the branch this run made, the pull request is created, with its reviewers", async () => {
    fake.inject({
      operationId: "pulls/create",
      status: 502,
      beforeHandle: async () => void (await asPerson("POST", "/pulls", { base: "main", head: spec.head, title: spec.title, body: spec.body })),
    });
    const created = await upsertPullRequest(client, repository, spec, { open: undefined, branchExisted: false, branchChanged: true, head: await head() });
    expect(created).toMatchObject({ number: 1, operation: "created" });
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", labels: ["deploy"], reviewers: ["alice"] }]);
    expect(fake.calls.find((c) => c.operationId === "pulls/request-reviewers")?.body).toEqual({ reviewers: ["alice"], team_reviewers: ["sre"] });
  });

  it("finds in one call the open pull request, or the closed one the branch outlived, and the newest it has had", async () => {
    expect(await branchPulls()).toEqual({ open: undefined, elsewhere: undefined, outlived: undefined, newest: 0 });
    await upsertPullRequest(client, repository, spec, { open: undefined, branchExisted: false, branchChanged: true, head: await head() });
    const calls = fake.calls.length;
    expect(await branchPulls()).toMatchObject({ open: { number: 1 }, outlived: undefined });
    expect(fake.calls.slice(calls).map((c) => c.operationId)).toEqual(["pulls/list"]);

    await asPerson("PATCH", "/pulls/1", { state: "closed" });
    expect(await branchPulls()).toEqual({
      open: undefined,
      elsewhere: undefined,
      outlived: {
        number: 1,
        url: `${fake.url}/${OWNER}/${REPO}/pull/1`,
        nodeId: expect.any(String),
        base: "main",
        merged: false,
        closedFor: expect.any(Number),
      },
      newest: 1,
    });
    // Pushed to since: another run's branch, about to open its pull request.
    await fake.commitFile(OWNER, REPO, spec.head, "a.yaml", "a: 3\n");
    expect(await branchPulls()).toEqual({ open: undefined, elsewhere: undefined, outlived: undefined, newest: 1 });
  });

  it("finds the open pull request a person reopened behind ten newer closed ones, with one more call", async () => {
    const open = (head: string) => asPerson("POST", "/pulls", { base: "main", head, title: spec.title });
    const close = (number: number) => asPerson("PATCH", `/pulls/${number}`, { state: "closed" });
    const first = (await fake.refs(OWNER, REPO))[`refs/heads/${spec.head}`]!;
    await open(spec.head);
    await close(1);
    for (let n = 2; n <= 11; n++) {
      await fake.commitFile(OWNER, REPO, spec.head, "a.yaml", `a: ${n + 1}\n`);
      await open(spec.head);
      await close(n);
    }
    // GitHub reopens a pull request only while its branch holds the head it was closed at.
    expect((await asPerson("PATCH", `/git/refs/${encodeURIComponent(`heads/${spec.head}`)}`, { sha: first, force: true })).status).toBe(200);
    expect((await asPerson("PATCH", "/pulls/1", { state: "open" })).status).toBe(200);

    const calls = fake.calls.length;
    expect(await findPullRequests(client, repository, spec, first)).toMatchObject({ open: { number: 1, state: "open" }, outlived: undefined });
    expect(fake.calls.slice(calls).map((c) => c.operationId)).toEqual(["pulls/list", "pulls/list"]);
    expect(fake.violations).toEqual([]);
  });

  describe("a body another run is about to write", () => {
    const built = "b".repeat(40);
    const describing = (sha: string) => pullRequestBody("", [], [], undefined, sha);
    const openWith = async (body: string) => (await client.rest.pulls.create({ ...repository, base: "main", head: spec.head, title: "t", body })).data.number;

    it("is waited for until the body describes the commit this run built on: an earlier run's body, or none, is not that run's yet", async () => {
      const number = await openWith(describing("a".repeat(40)));
      const pauses: number[] = [];
      const written = await awaitOtherRunsBody(client, repository, spec, built, async (ms) => {
        pauses.push(ms);
        // The run that pushed `built` writes its body after a while; a body naming another commit before it changes nothing.
        const body = pauses.length === 2 ? describing(built) : describing("c".repeat(40));
        await client.rest.pulls.update({ ...repository, pull_number: number, body });
      });
      expect(written?.number).toBe(number);
      expect(pauses).toEqual([250, 500]);
    });

    it("is given up after the pauses when it never comes (that run may have failed)", async () => {
      await openWith(describing("a".repeat(40)));
      const pauses: number[] = [];
      expect(await awaitOtherRunsBody(client, repository, spec, built, async (ms) => void pauses.push(ms))).toBeUndefined();
      expect(pauses).toEqual([250, 500, 1000, 2000, 4000, 8000]);
    });
  });
});
