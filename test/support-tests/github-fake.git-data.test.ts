// The fake's Git Data API, refs and smart HTTP, exercised with the real @actions/github client and the real git CLI.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { getOctokit } from "@actions/github";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";

const exec = promisify(execFile);
let fake: FakeGitHub;
let octokit: ReturnType<typeof getOctokit>;
const owner = "acme";
const repo = "manifests";

beforeAll(async () => {
  fake = await startFakeGitHub();
  octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
  await fake.createRepo(owner, repo, {
    "apps/app.yaml": "image: ghcr.io/acme/app:1.0.0\n",
    "README.md": "# manifests\n",
    "bin/run.sh": { content: "#!/bin/sh\n", mode: "100755" },
  });
});

afterAll(async () => {
  await fake.close();
});

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe("git data API", () => {
  it("commits through getRef -> createTree(base_tree, inline content) -> createCommit -> updateRef", async () => {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });
    const { data: parent } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha });
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: parent.tree.sha,
      tree: [
        { path: "apps/app.yaml", mode: "100644", type: "blob", content: "image: ghcr.io/acme/app:1.2.3\n" },
        { path: "README.md", mode: "100644", type: "blob", sha: null },
      ],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: "chore(deploy): app 1.0.0 -> 1.2.3",
      tree: tree.sha,
      parents: [ref.object.sha],
    });
    const { data: updated } = await octokit.rest.git.updateRef({ owner, repo, ref: "heads/main", sha: commit.sha });

    expect(updated.object.sha).toBe(commit.sha);
    expect(await fake.readFile(owner, repo, "main", "apps/app.yaml")).toBe("image: ghcr.io/acme/app:1.2.3\n");
    expect(await fake.listFiles(owner, repo, "main")).toEqual(["apps/app.yaml", "bin/run.sh"]);
    const [head] = await fake.log(owner, repo, "main");
    expect(head).toMatchObject({ sha: commit.sha, parents: [ref.object.sha], message: "chore(deploy): app 1.0.0 -> 1.2.3", verified: true });
    expect(head?.author.name).toBe("github-actions[bot]");
    expect(commit.verification?.verified).toBe(true);
  });

  it("commits an API commit given an author as that author, its committer by GitHub's documented default, and unsigned", async () => {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });
    const { data: parent } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha });
    const author = { name: "Promo Bot", email: "promo@acme.test" };
    const { data: commit } = await octokit.rest.git.createCommit({ owner, repo, message: "m", tree: parent.tree.sha, parents: [ref.object.sha], author });
    expect(commit.committer).toMatchObject(author);
    expect(commit.verification?.verified).toBe(false);
  });

  it("keeps file modes and reads trees, blobs and contents back", async () => {
    const { data: blob } = await octokit.rest.git.createBlob({ owner, repo, content: Buffer.from("bytes\0here").toString("base64"), encoding: "base64" });
    const { data: read } = await octokit.rest.git.getBlob({ owner, repo, file_sha: blob.sha });
    expect(Buffer.from(read.content, "base64").toString()).toBe("bytes\0here");

    const { data: tree } = await octokit.rest.git.getTree({ owner, repo, tree_sha: "main", recursive: "1" });
    expect(tree.tree.map((e) => `${e.mode} ${e.path}`)).toEqual(["040000 apps", "100644 apps/app.yaml", "040000 bin", "100755 bin/run.sh"]);

    const { data: file } = await octokit.rest.repos.getContent({ owner, repo, path: "apps/app.yaml", ref: "main" });
    expect(Array.isArray(file) ? undefined : file.type === "file" && Buffer.from(file.content, "base64").toString()).toBe("image: ghcr.io/acme/app:1.2.3\n");
    expect(await statusOf(octokit.rest.repos.getContent({ owner, repo, path: "nope.yaml" }))).toBe(404);

    const { data: branch } = await octokit.rest.repos.getBranch({ owner, repo, branch: "main" });
    expect(branch.commit.sha).toBe((await fake.refs(owner, repo))["refs/heads/main"]);
    const { data: info } = await octokit.rest.repos.get({ owner, repo });
    expect(info).toMatchObject({ full_name: "acme/manifests", default_branch: "main" });
  });

  it("lists directories through contents and lets a file become a directory in a tree", async () => {
    const { data: dir } = await octokit.rest.repos.getContent({ owner, repo, path: "apps" });
    expect(Array.isArray(dir) ? dir.map((e) => `${e.type} ${e.path}`) : dir).toEqual(["file apps/app.yaml"]);

    const main = (await fake.refs(owner, repo))["refs/heads/main"] ?? "";
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: main,
      tree: [{ path: "apps/app.yaml/nested.yaml", mode: "100644", type: "blob", content: "n\n" }],
    });
    const { data: listed } = await octokit.rest.git.getTree({ owner, repo, tree_sha: tree.sha, recursive: "true" });
    expect(listed.tree.filter((e) => e.path?.startsWith("apps/")).map((e) => `${e.type} ${e.path}`)).toEqual([
      "tree apps/app.yaml",
      "blob apps/app.yaml/nested.yaml",
    ]);
  });

  it("rejects a non-fast-forward update with 422 unless forced", async () => {
    const main = (await fake.refs(owner, repo))["refs/heads/main"] ?? "";
    const { data: tree } = await octokit.rest.git.createTree({ owner, repo, tree: [{ path: "x", mode: "100644", type: "blob", content: "orphan" }] });
    const { data: orphan } = await octokit.rest.git.createCommit({ owner, repo, message: "orphan", tree: tree.sha, parents: [] });

    await expect(octokit.rest.git.updateRef({ owner, repo, ref: "heads/main", sha: orphan.sha })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("Update is not a fast forward"),
    });
    expect((await fake.refs(owner, repo))["refs/heads/main"]).toBe(main);

    await octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/scratch", sha: main });
    await octokit.rest.git.updateRef({ owner, repo, ref: "heads/scratch", sha: orphan.sha, force: true });
    expect((await fake.refs(owner, repo))["refs/heads/scratch"]).toBe(orphan.sha);
    await octokit.rest.git.deleteRef({ owner, repo, ref: "heads/scratch" });
    expect((await fake.refs(owner, repo))["refs/heads/scratch"]).toBeUndefined();
  });

  it("refuses to create a ref that exists and reports a missing ref as 404", async () => {
    const main = (await fake.refs(owner, repo))["refs/heads/main"] ?? "";
    await expect(octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/main", sha: main })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("Reference already exists"),
    });
    expect(await statusOf(octokit.rest.git.getRef({ owner, repo, ref: "heads/does-not-exist" }))).toBe(404);
  });

  it("is compare-and-swap: a writer whose parent moved underneath loses with 422 and wins after re-reading", async () => {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });
    const { data: base } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha });
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: base.tree.sha,
      tree: [{ path: "apps/app.yaml", mode: "100644", type: "blob", content: "image: ghcr.io/acme/app:1.2.4\n" }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({ owner, repo, message: "bump", tree: tree.sha, parents: [ref.object.sha] });
    // Someone else lands a commit between our read and our write.
    const theirs = await fake.commitFile(owner, repo, "main", "other.txt", "concurrent\n");

    await expect(octokit.rest.git.updateRef({ owner, repo, ref: "heads/main", sha: commit.sha })).rejects.toMatchObject({ status: 422 });
    expect((await fake.refs(owner, repo))["refs/heads/main"]).toBe(theirs);

    const { data: retryTree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: theirs,
      tree: [{ path: "apps/app.yaml", mode: "100644", type: "blob", content: "image: ghcr.io/acme/app:1.2.4\n" }],
    });
    const { data: retry } = await octokit.rest.git.createCommit({ owner, repo, message: "bump", tree: retryTree.sha, parents: [theirs] });
    await octokit.rest.git.updateRef({ owner, repo, ref: "heads/main", sha: retry.sha });
    expect(await fake.readFile(owner, repo, "main", "other.txt")).toBe("concurrent\n");
    expect(await fake.readFile(owner, repo, "main", "apps/app.yaml")).toBe("image: ghcr.io/acme/app:1.2.4\n");
  });

  it("lets exactly one of many concurrent fast-forward updates of the same parent win", async () => {
    const parent = (await fake.refs(owner, repo))["refs/heads/main"] ?? "";
    const { data: base } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: parent });
    const candidates = await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const { data: tree } = await octokit.rest.git.createTree({
          owner,
          repo,
          base_tree: base.tree.sha,
          tree: [{ path: "race.txt", mode: "100644", type: "blob", content: `${n}\n` }],
        });
        return (await octokit.rest.git.createCommit({ owner, repo, message: `race ${n}`, tree: tree.sha, parents: [parent] })).data.sha;
      }),
    );
    const statuses = await Promise.all(candidates.map((sha) => statusOf(octokit.rest.git.updateRef({ owner, repo, ref: "heads/main", sha }))));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(3);
  });
});

describe("auth and access", () => {
  it("answers 401 without a valid token", async () => {
    const anonymous = getOctokit("not-the-token", { baseUrl: fake.apiUrl });
    expect(await statusOf(anonymous.rest.repos.get({ owner, repo }))).toBe(401);
    const response = await fetch(`${fake.apiUrl}/repos/${owner}/${repo}`);
    expect(response.status).toBe(401);
  });

  it("answers 404 for unknown repos and for repos the token cannot reach, 403 for writes with read access", async () => {
    await fake.createRepo("acme", "private-elsewhere", { "a.txt": "a\n" });
    await fake.createRepo("acme", "public-elsewhere", { "a.txt": "a\n" });
    fake.setAccess("acme", "private-elsewhere", "none");
    fake.setAccess("acme", "public-elsewhere", "read");

    expect(await statusOf(octokit.rest.repos.get({ owner, repo: "no-such-repo" }))).toBe(404);
    expect(await statusOf(octokit.rest.repos.get({ owner, repo: "private-elsewhere" }))).toBe(404);
    expect(await statusOf(octokit.rest.repos.get({ owner, repo: "public-elsewhere" }))).toBe(200);
    expect(await statusOf(octokit.rest.repos.createDispatchEvent({ owner, repo: "public-elsewhere", event_type: "x" }))).toBe(403);

    const pat = "github_pat_reaches_everything";
    fake.addToken(pat);
    fake.setAccess("acme", "private-elsewhere", "write", pat);
    expect(await statusOf(getOctokit(pat, { baseUrl: fake.apiUrl }).rest.repos.get({ owner, repo: "private-elsewhere" }))).toBe(200);
  });
});

describe("git smart HTTP", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "fake-gh-clone-"));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });
  const git = (cwd: string, ...args: string[]) =>
    exec("git", ["-c", "user.name=t", "-c", "user.email=t@e", ...args], {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_GLOBAL: "/dev/null" },
    });

  it("clones what the API committed, and a push shows up through the API", async () => {
    await fake.commitFile(owner, repo, "main", "cloned.txt", "via api\n");
    await git(work, "clone", "--quiet", fake.gitUrl(owner, repo), "c1");
    expect(await readFile(join(work, "c1", "cloned.txt"), "utf8")).toBe("via api\n");

    await git(join(work, "c1"), "checkout", "--quiet", "-b", "pushed");
    await git(join(work, "c1"), "commit", "--quiet", "--allow-empty", "-m", "from git");
    await git(join(work, "c1"), "push", "--quiet", "origin", "pushed");
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: "heads/pushed" });
    const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: data.object.sha });
    expect(commit.message).toBe("from git\n");
    expect(commit.verification?.verified).toBe(false);
  });

  it("closes, unmerged, the open pull request from a branch a push deletes, as GitHub does", async () => {
    const head = await fake.commitFile(owner, repo, "doomed", "doomed.txt", "soon gone\n");
    const { data: pr } = await octokit.rest.pulls.create({ owner, repo, head: "doomed", base: "main", title: "Doomed" });
    await git(join(work, "c1"), "push", "--quiet", "origin", ":refs/heads/doomed");
    // Closed by the time the push is answered, not on a later look.
    expect(fake.pulls(owner, repo).find((p) => p.number === pr.number)).toMatchObject({
      state: "closed",
      merged: false,
      headSha: head,
      closedAt: expect.any(String),
    });
    const { data: closed } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(closed).toMatchObject({ state: "closed", merged: false, head: { ref: "doomed", sha: head } });
  });

  it("accepts the token in a lower-case 'basic' extraheader, as actions/checkout sends it", async () => {
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${fake.token}`).toString("base64")}`;
    await git(work, "-c", `http.extraheader=${header}`, "clone", "--quiet", fake.gitUrl(owner, repo, { auth: false }), "c2");
    expect(await readFile(join(work, "c2", "apps/app.yaml"), "utf8")).toContain("ghcr.io/acme/app");
  });

  it("refuses clones without the token and pushes that are not fast-forwards", async () => {
    await expect(git(work, "clone", "--quiet", fake.gitUrl(owner, repo, { auth: false }), "c3")).rejects.toThrow(/could not read Username|401|Authentication/);
    await git(work, "clone", "--quiet", fake.gitUrl(owner, repo), "c4");
    await fake.commitFile(owner, repo, "main", "moved.txt", "server moved on\n");
    await git(join(work, "c4"), "commit", "--quiet", "--allow-empty", "-m", "stale");
    await expect(git(join(work, "c4"), "push", "--quiet", "origin", "main")).rejects.toThrow(/rejected/);
  });
});

describe("contract", () => {
  it("flags endpoints the fake does not serve as violations, answering 404", async () => {
    expect(await statusOf(octokit.rest.repos.listTags({ owner, repo }))).toBe(404);
    expect(fake.takeViolations()).toEqual([
      { kind: "unsupported", method: "GET", path: `/repos/${owner}/${repo}/tags`, errors: ["the fake does not serve this endpoint"] },
    ]);
  });

  it("sent and received only bodies that fit GitHub's OpenAPI description", () => {
    expect(fake.violations).toEqual([]);
    expect(fake.calls.filter((c) => c.operationId === "git/update-ref").length).toBeGreaterThan(3);
  });
});
