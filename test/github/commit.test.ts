import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { advanceBranch, BranchMovedError, BranchReplaceRefusedError, createApiCommit, deleteOwnBranch, setBranch } from "../../src/github/commit.js";
import type { Identity } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { checkout, OWNER, REPO } from "./fixture.js";

/** advanceBranch's pause between tries, taking no time. */
const noPause = async () => {};

describe("API commits", () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  const repository = { owner: OWNER, repo: REPO };
  beforeEach(async () => {
    fake = await startFakeGitHub();
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
  });
  afterEach(() => fake.close());
  /** The ref updates this client asked GitHub's updateRefs for. */
  it("commits on the parent's tree, keeps modes, and moves the branch forward; GitHub verifies it", async () => {
    const { git } = await checkout(fake, { "deploy.sh": { content: "#!/bin/sh\necho 1\n", mode: "100755" }, "app.yaml": "image: a:1\n" });
    const head = (await git.fetch("origin", "main"))!;
    const commit = await createApiCommit(client, repository, {
      parent: head,
      baseTree: await git.treeOf(head),
      files: [{ path: "deploy.sh", content: "#!/bin/sh\necho 2\n", mode: "100755" }],
      message: "bump\n",
    });
    await advanceBranch(client, repository, "main", commit.sha, head, noPause);
    const [top] = await fake.log(OWNER, REPO, "main");
    expect(top).toMatchObject({ sha: commit.sha, parents: [head], verified: true });
    expect(commit.verified).toBe(true);
    expect(await fake.readFile(OWNER, REPO, "main", "deploy.sh")).toBe("#!/bin/sh\necho 2\n");
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toBe("image: a:1\n");
    await git.fetch("origin", "main");
    expect((await git.entries(commit.sha)).get("deploy.sh")?.mode).toBe("100755");
    expect(fake.violations).toEqual([]);
  });

  it("an author given makes the commit unsigned (GitHub's committer is then the author): warned once per run, with why", async () => {
    const warnings: string[] = [];
    const logging = createClient({ token: fake.token, baseUrl: fake.apiUrl, log: (m) => void warnings.push(m) });
    const { git } = await checkout(fake, { "app.yaml": "image: a:1\n" });
    const head = (await git.fetch("origin", "main"))!;
    const baseTree = await git.treeOf(head);
    const commit = (author?: Identity) =>
      createApiCommit(logging, repository, {
        parent: head,
        baseTree,
        files: [{ path: "app.yaml", content: "image: a:2\n", mode: "100644" }],
        message: "bump\n",
        ...(author && { author }),
      });
    expect((await commit()).verified).toBe(true);
    expect(warnings).toEqual([]);
    const author = { name: "Promo Bot", email: "promo@acme.test" };
    const unsigned = await commit(author);
    await commit(author);
    expect(unsigned.verified).toBe(false);
    expect(warnings).toEqual([
      `commit ${unsigned.sha}, made through the API, is not signed (not Verified): the author input (Promo Bot <promo@acme.test>) is its committer too (GitHub's default), ` +
        "and GitHub signs only the commits it commits itself; leave author out for Verified commits. A rule that requires signed commits refuses it.",
    ]);
  });

  it("refuses to move a branch that moved since the read (no force), leaving the other commit in place", async () => {
    const { head, commitWith } = await commitsOnMain();
    const theirs = await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n");
    const ours = await commitWith(2);
    await expect(advanceBranch(client, repository, "main", ours, head, noPause)).rejects.toBeInstanceOf(BranchMovedError);
    expect((await fake.refs(OWNER, REPO))["refs/heads/main"]).toBe(theirs);
    expect(fake.calls.filter((c) => c.operationId === "git/update-ref")).toEqual([]);
  });

  it("refuses to move a branch a person force-pushed back to an older commit: the commits they removed stay removed", async () => {
    const { git } = await checkout(fake, { "app.yaml": "image: a:1\n" });
    const initial = (await git.fetch("origin", "main"))!;
    const bad = await fake.commitFile(OWNER, REPO, "main", "b.yaml", "image: b:6.6.6\n");
    const head = (await git.fetch("origin", "main"))!;
    expect(head).toBe(bad);
    const ours = await createApiCommit(client, repository, {
      parent: head,
      baseTree: await git.treeOf(head),
      files: [{ path: "app.yaml", content: "image: a:2\n", mode: "100644" }],
      message: "m",
    });
    const api = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    await api.rest.git.updateRef({ ...repository, ref: "heads/main", sha: initial, force: true }); // the person's rewind
    await expect(advanceBranch(client, repository, "main", ours.sha, head, noPause)).rejects.toEqual(new BranchMovedError("main"));
    expect((await fake.refs(OWNER, REPO))["refs/heads/main"]).toBe(initial);
    expect(await fake.readFile(OWNER, REPO, "main", "b.yaml")).toBeUndefined();
  });

  it("moves forward from the head it planned on, never with force", async () => {
    const { head, commitWith } = await commitsOnMain();
    const ours = await commitWith(2);
    await advanceBranch(client, repository, "main", ours, head, noPause);
    expect((await fake.refs(OWNER, REPO))["refs/heads/main"]).toBe(ours);
    expect(fake.calls.filter((c) => c.operationId === "git/update-ref").map((c) => c.body)).toEqual([{ sha: ours, force: false }]);
  });

  it("a move whose answer was lost, retried after other runs built on it, is done, not a moved branch, however many landed since", async () => {
    const { head, commitWith } = await commitsOnMain();
    const ours = await commitWith(2);
    const api = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    const theirs: string[] = [];
    fake.inject({
      operationId: "git/update-ref",
      status: 502,
      beforeHandle: async () => {
        await api.rest.git.updateRef({ ...repository, ref: "heads/main", sha: ours, force: false }); // our move landed...
        // ...and other runs landed on it, more than a walk of ten parents would have seen
        for (let n = 1; n <= 11; n++) theirs.unshift(await fake.commitFile(OWNER, REPO, "main", "other.yaml", `x: ${n}\n`));
      },
    });
    const calls = fake.calls.length;
    await advanceBranch(client, repository, "main", ours, head, noPause);
    // ours, its answer lost (recorded once answered, after the move made inside it); our retry, refused as no fast forward
    expect(fake.calls.filter((c) => c.operationId === "git/update-ref").map((c) => c.status)).toEqual([502, 200, 422]);
    // The refusal is told by the head read again and one comparison with our commit.
    expect(fake.calls.slice(calls).map((c) => c.operationId)).toEqual([
      "git/get-ref",
      "git/update-ref",
      "git/update-ref",
      "git/update-ref",
      "git/get-ref",
      "repos/compare-commits-with-basehead",
    ]);
    const log = await fake.log(OWNER, REPO, "main");
    expect(log.map((c) => c.sha)).toEqual([...theirs, ours, head]);
  });

  describe("GitHub refuses the move with another 422 or a 409 (as it answers a ref update that met a concurrent one)", () => {
    const refusal = (status: 409 | 422, message: string, times = 1, beforeHandle?: () => Promise<void>) =>
      fake.inject({
        operationId: "git/update-ref",
        status,
        times,
        body: { message, documentation_url: "https://docs.github.com/rest/git/refs#update-a-reference", status: String(status) },
        ...(beforeHandle && { beforeHandle }),
      });
    const moves = () => fake.calls.filter((c) => c.operationId === "git/update-ref").map((c) => c.status);

    it.each([
      [422, "Reference cannot be updated"],
      [409, "Reference update failed"],
    ] as const)("%i %s, the branch still where we read it: the same move again after a pause", async (status, message) => {
      const { head, commitWith } = await commitsOnMain();
      const ours = await commitWith(2);
      refusal(status, message);
      const pauses: number[] = [];
      await advanceBranch(client, repository, "main", ours, head, async (ms) => void pauses.push(ms));
      expect(moves()).toEqual([status, 200]);
      expect(pauses).toEqual([500]);
      expect((await fake.refs(OWNER, REPO))["refs/heads/main"]).toBe(ours);
    });

    it("refused while another run moved the branch: a moved branch, planned again", async () => {
      const { head, commitWith } = await commitsOnMain();
      const ours = await commitWith(2);
      let theirs = "";
      refusal(422, "Reference cannot be updated", 1, async () => void (theirs = await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n")));
      await expect(advanceBranch(client, repository, "main", ours, head, noPause)).rejects.toEqual(new BranchMovedError("main"));
      expect((await fake.refs(OWNER, REPO))["refs/heads/main"]).toBe(theirs);
    });

    it("refused every time while the branch holds still: fails after four tries, naming the branch, the move and the tries, GitHub's answer as its cause", async () => {
      const { head, commitWith } = await commitsOnMain();
      const ours = await commitWith(2);
      refusal(409, "Reference update failed", 10);
      const pauses: number[] = [];
      const error = await advanceBranch(client, repository, "main", ours, head, async (ms) => void pauses.push(ms)).then(
        () => new Error("moved; expected a refusal"),
        (e: unknown) => e as Error,
      );
      expect(error.message).toBe(
        `could not move main to ${ours}: GitHub refused 4 times while it stayed at ${head}: Reference update failed - https://docs.github.com/rest/git/refs#update-a-reference`,
      );
      expect(error.cause).toMatchObject({ status: 409 });
      expect(moves()).toEqual([409, 409, 409, 409]);
      expect(pauses).toEqual([500, 1000, 2000]);
      expect((await fake.refs(OWNER, REPO))["refs/heads/main"]).toBe(head);
    });

    it("a protected branch's refusal is not tried again", async () => {
      const { head, commitWith } = await commitsOnMain();
      const ours = await commitWith(2);
      refusal(422, "Protected branch update failed for refs/heads/main.", 10);
      await expect(advanceBranch(client, repository, "main", ours, head, noPause)).rejects.toMatchObject({ status: 422 });
      expect(moves()).toEqual([422]);
    });
  });

  /** The head of main, and a way to make API commits on it that set app.yaml's tag: candidates for our branch. */
  async function commitsOnMain(): Promise<{ head: string; commitWith: (tag: number) => Promise<string> }> {
    const { git } = await checkout(fake, { "app.yaml": "image: a:1\n" });
    const head = (await git.fetch("origin", "main"))!;
    const baseTree = await git.treeOf(head);
    const commitWith = async (tag: number) =>
      (
        await createApiCommit(client, repository, {
          parent: head,
          baseTree,
          files: [{ path: "app.yaml", content: `image: a:${tag}\n`, mode: "100644" }],
          message: String(tag),
        })
      ).sha;
    return { head, commitWith };
  }

  it("creates our own branch, and replaces it only while it holds the head we read", async () => {
    const { head, commitWith } = await commitsOnMain();
    const branch = "refs/heads/gitops-promote/a";
    const [c1, c2, c3] = [await commitWith(1), await commitWith(2), await commitWith(3)];
    await setBranch(client, repository, "gitops-promote/a", c1, undefined);
    await setBranch(client, repository, "gitops-promote/a", c1, undefined); // a retried request whose answer was lost
    // another run created it first, or moved it since we read it: ours must not replace theirs
    await expect(setBranch(client, repository, "gitops-promote/a", c2, undefined)).rejects.toBeInstanceOf(BranchMovedError);
    await expect(setBranch(client, repository, "gitops-promote/a", c2, head)).rejects.toBeInstanceOf(BranchMovedError);
    expect((await fake.refs(OWNER, REPO))[branch]).toBe(c1);
    await setBranch(client, repository, "gitops-promote/a", c3, c1);
    expect((await fake.refs(OWNER, REPO))[branch]).toBe(c3);
    expect((await fake.refs(OWNER, REPO))["refs/heads/main"]).toBe(head);
  });

  it("a ruleset's refusal to replace the pull-request branch names the branch and is not tried again", async () => {
    const { commitWith } = await commitsOnMain();
    const [ours, next] = [await commitWith(1), await commitWith(2)];
    await setBranch(client, repository, "gitops-promote/a", ours, undefined);
    const graphqlCalls = () => fake.calls.filter((c) => c.operationId === "graphql").length;
    const before = graphqlCalls();
    // The first GraphQL call reads the repository's id; the refusal answers the updateRefs after it (GitHub's wording assumed).
    const violation = { data: null, errors: [{ type: "UNPROCESSABLE", message: "Repository rule violations found\n\nCannot force-push to this branch\n" }] };
    const refusal = { operationId: "graphql", status: 200, body: violation, times: 10 };
    fake.inject({ operationId: "graphql", beforeHandle: () => void fake.inject(refusal) });
    const error = await setBranch(client, repository, "gitops-promote/a", next, ours).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BranchReplaceRefusedError);
    expect((error as BranchReplaceRefusedError).branch).toBe("gitops-promote/a");
    expect((error as Error).message).toMatch(/^GitHub refused to replace gitops-promote\/a: .*Repository rule violations found/s);
    expect(graphqlCalls() - before).toBe(2); // the repository's id, and one updateRefs
    expect((await fake.refs(OWNER, REPO))["refs/heads/gitops-promote/a"]).toBe(ours);
  });

  it("deletes a branch it created only while the branch still holds its commit", async () => {
    const { commitWith } = await commitsOnMain();
    const [ours, theirs] = [await commitWith(1), await commitWith(2)];
    await setBranch(client, repository, "gitops-promote/a", ours, undefined);
    await setBranch(client, repository, "gitops-promote/a", theirs, ours); // another run took it over
    await expect(deleteOwnBranch(client, repository, "gitops-promote/a", ours)).rejects.toThrow();
    expect((await fake.refs(OWNER, REPO))["refs/heads/gitops-promote/a"]).toBe(theirs);
    await deleteOwnBranch(client, repository, "gitops-promote/a", theirs);
    expect((await fake.refs(OWNER, REPO))["refs/heads/gitops-promote/a"]).toBeUndefined();
  });
});
