/**
 * A pull request a person closed without merging is their decision: a re-run of the same
 * promotion leaves it closed (no new pull request, no merge) and says so; a different version
 * opens a new one. One gitops-promote closed itself, its opener, is no such decision. A token
 * GitHub does not tell who closed it (no Issues: read) leaves it closed, and says why.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { APP, checkout, checksPending, cloneRepo, deployment, OWNER, REPO, squashPullRequest } from "./fixture.js";

const PR = "gitops-promote/app";
const repository = { owner: OWNER, repo: REPO };
const request = (version: string) => ({ images: [`${APP}:${version}`], setters: [], sets: [], paths: [] });
const alice = { login: "alice", id: 5_001, name: "Alice", email: "alice@acme.test" };

describe("deliver: a pull request a person closed without merging", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let logged: string[];
  let ours: GitHubClient;
  let person: GitHubClient;
  beforeEach(async () => {
    logged = [];
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`), "api.yaml": "kind: ConfigMap\n" });
    ours = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    fake.addToken("ghp_alice", alice);
    person = createClient({ token: "ghp_alice", baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository, client: () => ours, log: (m) => logged.push(m) };
  });
  afterEach(() => fake.close());

  /** One run with merge: auto, in a fresh checkout of its own (as each dispatch's job has). */
  const run = async (version: string) => deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake)) }, request(version), squashPullRequest(PR, "auto"));
  const pulls = () => fake.pulls(OWNER, REPO).map((p) => `#${p.number} ${p.merged ? "merged" : p.state}`);
  const branchHead = async () => (await fake.refs(OWNER, REPO))[`refs/heads/${PR}`];

  /** Our pull request on 1.1.0, left open by pending checks, closed by Alice; main moved since in another file. */
  async function closedByAlice(): Promise<string | undefined> {
    checksPending(fake);
    await run("1.1.0");
    await person.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" });
    await fake.commitFile(OWNER, REPO, "main", "api.yaml", "kind: ConfigMap\ndata: {}\n", "unrelated change");
    return branchHead();
  }

  it("a re-run of the same promotion leaves it closed: no new pull request, no merge, and a warning saying so", async () => {
    const closedAt = await closedByAlice();

    const again = await run("1.1.0");
    const url = `${fake.url}/${OWNER}/${REPO}/pull/1`;
    const message = `left closed: pull request #1 (${url}) was closed by @alice without merging, and this run proposes the same change to main again; dispatch a different version, or reopen it`;
    expect(again.changed).toBe(false);
    expect(again.landings).toEqual([
      {
        mode: "pull-request",
        branch: PR,
        files: [],
        changes: [],
        head: closedAt,
        pullRequest: { number: 1, url, nodeId: expect.any(String), operation: "none", autoMerge: false },
        warnings: [{ message }],
      },
    ]);
    // The run's warnings, which the job summary and the annotations show.
    expect(again.plan.warnings).toContainEqual({ message });
    expect(pulls()).toEqual(["#1 closed"]);
    expect(await branchHead()).toBe(closedAt);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.0.0`);
    expect(logged).toContain(`pull request #1 (${PR} -> main) was closed by @alice without merging, at the change this run proposes: left closed`);
  });

  it("a token that may not read issues (Contents and Pull requests alone) is not told who closed it: left closed all the same, the run saying why", async () => {
    const closedAt = await closedByAlice();
    // GitHub serves the issue's closed_by to Issues: read only, which the README's Contents and Pull requests do not give.
    fake.setPermissions({ issues: "none" });

    const again = await run("1.1.0");
    const url = `${fake.url}/${OWNER}/${REPO}/pull/1`;
    expect(again.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.head])).toEqual([[1, "none", closedAt]]);
    expect(again.plan.warnings).toEqual([
      {
        message:
          `left closed: pull request #1 (${url}) was closed without merging, and this run proposes the same change to main again; ` +
          `who closed it could not be read (the token needs Issues: read; GitHub: "Resource not accessible by integration - https://docs.github.com/rest"), ` +
          `so it is taken for a person's decision; dispatch a different version, or reopen it`,
      },
    ]);
    expect(pulls()).toEqual(["#1 closed"]);
    expect(await branchHead()).toBe(closedAt);
  });

  it("closed with its branch deleted (GitHub offers both at once): a re-run of the same promotion leaves it closed all the same", async () => {
    const closedAt = await closedByAlice();
    await person.rest.git.deleteRef({ ...repository, ref: `heads/${PR}` });

    const again = await run("1.1.0");
    const url = `${fake.url}/${OWNER}/${REPO}/pull/1`;
    expect(again.changed).toBe(false);
    expect(again.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.head])).toEqual([[1, "none", closedAt]]);
    expect(again.plan.warnings).toEqual([
      {
        // GitHub reopens it only with its branch back at the head it closed at.
        message: `left closed: pull request #1 (${url}) was closed by @alice without merging, and this run proposes the same change to main again; dispatch a different version, or restore its branch ${PR} and reopen it`,
      },
    ]);
    expect(pulls()).toEqual(["#1 closed"]);
    expect(await branchHead()).toBeUndefined();

    // A different version is a new proposal: a new branch and pull request.
    const newer = await run("1.2.0");
    expect(newer.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[2, "created"]]);
    expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.2.0`);
  });

  it("one merged, its branch deleted (GitHub's automatic deletion of head branches), declined nothing: after a rollback the same promotion is proposed again", async () => {
    await run("1.1.0");
    expect(pulls()).toEqual(["#1 merged"]);
    if (await branchHead()) await person.rest.git.deleteRef({ ...repository, ref: `heads/${PR}` });
    await fake.commitFile(OWNER, REPO, "main", "app.yaml", deployment("app", `${APP}:1.0.0`), "roll back to 1.0.0");

    const again = await run("1.1.0");
    expect(again.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[2, "created"]]);
    expect(pulls()).toEqual(["#1 merged", "#2 merged"]);
  });

  it("the newest pull request from a deleted branch decides: declined before, then another merged, the same promotion is proposed again after a rollback", async () => {
    await closedByAlice();
    await person.rest.git.deleteRef({ ...repository, ref: `heads/${PR}` });
    await run("1.2.0"); // #2, auto-merge on while checks run
    await fake.completeAutoMerge(OWNER, REPO, 2);
    expect(pulls()).toEqual(["#1 closed", "#2 merged"]);
    if (await branchHead()) await person.rest.git.deleteRef({ ...repository, ref: `heads/${PR}` });
    await fake.commitFile(OWNER, REPO, "main", "app.yaml", deployment("app", `${APP}:1.0.0`), "roll back to 1.0.0");

    const again = await run("1.1.0");
    expect(again.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[3, "created"]]);
    expect(again.plan.warnings.map((w) => w.message).join("\n")).not.toContain("left closed");
  });

  it("a new version opens a new pull request", async () => {
    await closedByAlice();

    const newer = await run("1.2.0");
    expect(newer.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.merge])).toEqual([[2, "created", "auto-merge"]]);
    expect(pulls()).toEqual(["#1 closed", "#2 open"]);
    expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.2.0`);
  });

  it("one its opener closed (gitops-promote's own token) is no person's decision: the same promotion opens it anew", async () => {
    checksPending(fake);
    await run("1.1.0");
    await ours.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" });

    const again = await run("1.1.0");
    expect(again.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.merge])).toEqual([[2, "created", "auto-merge"]]);
    expect(pulls()).toEqual(["#1 closed", "#2 open"]);
    expect(again.plan.warnings).toEqual([]);
  });
});
